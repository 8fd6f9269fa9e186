package vn.kiosk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.PgCluster;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TestServer;

/** The operator's round trip with the real jar: back up a running server, restore elsewhere, find everything. */
class BackupRestoreIT {
    static final int VISITORS = 30;

    private static String phone(int i) {
        return String.format("0912%06d", 4200 + i);
    }

    @Test
    @DisplayName("A backup of a running server restores into a fresh data dir and into an empty external PostgreSQL: every visit, phone search, traces, paired kiosks")
    void roundTrip() throws Exception {
        Path root = Files.createTempDirectory("kiosk-backup-");
        Path backup = root.resolve("kiosk.zip");
        Set<String> visits;
        long site;
        String deviceToken;
        try (ServerProcess a = ServerProcess.start(root.resolve("a"), Map.of())) {
            Api admin = a.api().login("admin", TestServer.ADMIN_PASSWORD);
            site = admin.createSite("hospital");
            admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", 10080));
            deviceToken = admin.pairKiosk(site, "both").getString("deviceToken");
            // Stays over three days, so several daily partitions must come back.
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(52);
            for (int i = 0; i < VISITORS; i++) {
                OffsetDateTime in = start.plusMinutes(100L * i);
                JsonObject visitor = Api.visitor("Khách " + i, phone(i));
                assertThat(admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                        .put("occurredAt", in.toString()).put("visitor", visitor)).status()).isEqualTo(201);
                if (i < VISITORS - 1) { // the last one is still inside
                    assertThat(admin.checkIn(new JsonObject().put("siteId", site).put("direction", "out")
                            .put("occurredAt", in.plusMinutes(30).toString()).put("visitor", visitor.copy())).status()).isEqualTo(201);
                }
            }
            visits = allVisits(admin, site);
            assertThat(visits).hasSize(VISITORS);

            Jar b = Jar.run(root.resolve("a"), Map.of(), "backup", backup.toString());
            assertThat(b.exitCode()).as(b.output()).isZero();
            assertThat(b.output()).contains("Wrote " + backup).contains("schema V");
            assertThat(Jar.run(root.resolve("a"), Map.of(), "backup", backup.toString()).output())
                    .contains("already exists");
        }

        Jar restored = Jar.run(root.resolve("b"), Map.of(), "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        try (ServerProcess b = ServerProcess.start(root.resolve("b"), Map.of())) {
            assertRestored(b.api(), site, visits, deviceToken);
            Api admin = b.api().login("admin", TestServer.ADMIN_PASSWORD);
            long newSite = admin.createSite("office");
            assertThat(newSite).as("ids continue after the restored ones").isGreaterThan(site);
        }
        Jar again = Jar.run(root.resolve("b"), Map.of(), "restore", backup.toString());
        assertThat(again.exitCode()).isEqualTo(73);
        assertThat(again.output()).contains("Refusing to restore over existing data");

        try (PgCluster pg = PgCluster.create()) {
            Map<String, String> external = Map.of("KIOSK_DB_URL", pg.url());
            Jar intoPg = Jar.run(root.resolve("c"), external, "restore", backup.toString());
            assertThat(intoPg.exitCode()).as(intoPg.output()).isZero();
            try (ServerProcess c = ServerProcess.start(root.resolve("c"), external)) {
                assertRestored(c.api(), site, visits, deviceToken);
            }
        }
    }

    private static void assertRestored(Api api, long site, Set<String> visits, String deviceToken) {
        Api admin = api.login("admin", TestServer.ADMIN_PASSWORD);
        assertThat(allVisits(admin, site)).isEqualTo(visits);
        for (int i : new int[] {0, 13, VISITORS - 1}) {
            var found = admin.get("/api/v1/sites/" + site + "/visits?q=" + phone(i) + "&from="
                    + OffsetDateTime.now(ZoneOffset.UTC).minusDays(5).toString().replace("+", "%2B")).items();
            assertThat(found).as("phone search needs the lookup key back").hasSize(1);
            assertThat(found.getJsonObject(0).getJsonObject("visitor").getString("name")).isEqualTo("Khách " + i);
        }
        Api.Response trace = admin.post("/api/v1/traces", new JsonObject().put("phone", phone(7)));
        assertThat(trace.status()).as(trace.body()).isEqualTo(200);
        assertThat(trace.json().getJsonObject("subject").getString("phone")).as("the data key decrypts")
                .contains(phone(7).substring(1));
        assertThat(api.as(deviceToken).get("/api/v1/kiosk").status()).as("a paired kiosk stays paired").isEqualTo(200);
        assertThat(admin.get("/api/v1/sites/" + site + "/occupancy").json().toString()).contains("Khách " + (VISITORS - 1));
    }

    private static Set<String> allVisits(Api admin, long site) {
        Set<String> seen = new HashSet<>();
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5).toString().replace("+", "%2B");
        String cursor = null;
        do {
            Api.Response r = admin.get("/api/v1/sites/" + site + "/visits?limit=100&from=" + from
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            r.items().forEach(o -> seen.add(((JsonObject) o).getString("id")));
            cursor = r.json().getString("next");
        } while (cursor != null);
        return seen;
    }
}
