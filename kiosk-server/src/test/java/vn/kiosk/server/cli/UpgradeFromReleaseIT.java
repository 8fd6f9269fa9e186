package vn.kiosk.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.db.EmbeddedDatabase;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.PgCluster;
import vn.kiosk.server.support.ServerProcess;

/**
 * The current jar on what the previous release left behind: the fixture in
 * src/test/resources/upgrade/v0.1.0 (made by make-fixture.sh from the tag
 * v0.1.0: its database as a plain pg_dump, its keys, and what its API showed).
 */
class UpgradeFromReleaseIT {
    static final Path FIXTURE = Path.of("src/test/resources/upgrade/v0.1.0");
    static final Path MIGRATIONS = Path.of("target/classes/db/migration");
    /** The demo seed's name parts and the fixture script's own made-up visitors. */
    static final Pattern FAKE_NAME = Pattern.compile("(Nguyễn|Trần|Lê|Phạm|Hoàng|Võ|Phan|Đặng|Bùi|Đỗ)"
            + " (Văn|Thị|Hữu|Minh|Ngọc|Đức|Thanh|Quốc) \\p{L}+|(Bệnh nhân|Hành khách) thử \\d");

    @Test
    @DisplayName("A data dir of v0.1.0 migrates forward on start: every old visit, old passwords and kiosk tokens work, new check-ins are taken; its trusting database gets a password; it restarts")
    void upgradeFromPreviousRelease() throws Exception {
        JsonObject fixture = new JsonObject(Files.readString(FIXTURE.resolve("fixture.json")));
        assertThat(fixture.getString("release")).isEqualTo("v0.1.0");
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            assertThat(files.filter(Files::isRegularFile).mapToLong(UpgradeFromReleaseIT::size).sum())
                    .as("the fixture stays small").isLessThan(1_000_000);
        }

        Path dataDir = Files.createTempDirectory("kiosk-upgrade-").resolve("data");
        Files.createDirectories(dataDir.resolve("keys"));
        try (Stream<Path> keys = Files.list(FIXTURE.resolve("keys"))) {
            for (Path key : keys.toList()) {
                Files.copy(key, dataDir.resolve("keys").resolve(key.getFileName()));
            }
        }
        // Its embedded PostgreSQL as that release made it: the library's defaults, trusting every local connection.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            PgCluster.psql(old.getPort(), FIXTURE.resolve("database.sql"));
        }

        // No KIOSK_ADMIN_PASSWORD: the old admin password must be the one that works. Retention as long as
        // allowed, so the fixture's visits are not purged for being old.
        Map<String, String> env = Map.of("KIOSK_ADMIN_PASSWORD", "", "KIOSK_RETENTION_DAYS", "3650");
        try (ServerProcess server = ServerProcess.start(dataDir, env)) {
            assertThat(appliedVersions(dataDir)).as("Flyway migrated forward to the newest migration of this build")
                    .contains("20").last().isEqualTo(newestMigration());

            JsonObject passwords = fixture.getJsonObject("passwords");
            Map<String, Api> staff = new java.util.HashMap<>();
            for (String user : passwords.fieldNames()) {
                staff.put(user, server.api().login(user, passwords.getString(user)));
            }
            Api admin = staff.get("admin");
            String from = fixture.getString("from");

            JsonObject old = fixture.getJsonObject("visits");
            assertThat(old.fieldNames()).hasSizeGreaterThanOrEqualTo(3);
            List<String> names = new ArrayList<>();
            for (String site : old.fieldNames()) {
                Set<String> ids = new HashSet<>();
                visits(admin, site, from).forEach(v -> {
                    ids.add(v.getString("id"));
                    names.add(v.getJsonObject("visitor").getString("name"));
                });
                assertThat(ids).as("visits of site " + site).containsExactlyInAnyOrderElementsOf(
                        old.getJsonArray(site).stream().map(Object::toString).toList());
            }
            assertThat(names).as("only made-up people in the fixture").hasSize(72).allMatch(n -> FAKE_NAME.matcher(n).matches());

            Api.Response found = admin.get("/api/v1/sites/" + fixture.getLong("guardSiteId") + "/visits?q=0912000003&from=" + from);
            assertThat(found.items()).as("the old lookup key finds an old phone number").hasSize(1);
            assertThat(found.items().getJsonObject(0).getJsonObject("visitor").getString("name")).isEqualTo("Bệnh nhân thử 3");
            Api.Response trace = admin.post("/api/v1/traces", new JsonObject().put("phone", "0912000003"));
            assertThat(trace.status()).as(trace.body()).isEqualTo(200);
            assertThat(trace.json().getJsonObject("subject").getString("phone")).as("the old data key decrypts")
                    .contains("912000003");

            JsonObject kiosk = fixture.getJsonObject("kiosk");
            Api device = server.api().as(kiosk.getString("deviceToken"));
            assertThat(device.get("/api/v1/kiosk").status()).as("the kiosk paired by v0.1.0 stays paired").isEqualTo(200);
            Api.Response byKiosk = device.checkIn(new JsonObject().put("visitor", Api.visitor("Hành khách thử 9", "0912000099")));
            assertThat(byKiosk.status()).as(byKiosk.body()).isEqualTo(201);
            long guardSite = fixture.getLong("guardSiteId");
            Api.Response byGuard = staff.get("baove2").checkIn(new JsonObject().put("siteId", guardSite)
                    .put("direction", "in").put("visitor", Api.visitor("Bệnh nhân thử 7", "0912000007")));
            assertThat(byGuard.status()).as(byGuard.body()).isEqualTo(201);

            String station = String.valueOf(kiosk.getLong("siteId"));
            assertThat(visits(admin, station, from)).hasSize(old.getJsonArray(station).size() + 1)
                    .anyMatch(v -> v.getString("id").equals(byKiosk.json().getString("visitId")));
            assertThat(visits(admin, String.valueOf(guardSite), from))
                    .hasSize(old.getJsonArray(String.valueOf(guardSite)).size() + 1);

            int pgPort = OpsDatabase.runningPort(dataDir.resolve("postgres"));
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                    "postgres", "")).as("the old trusting database now asks for the password")
                    .isInstanceOf(java.sql.SQLException.class);
        }
        try (ServerProcess again = ServerProcess.start(dataDir, env)) {
            assertThat(again.api().login("admin", fixture.getJsonObject("passwords").getString("admin"))
                    .get("/api/v1/sites").status()).as("it restarts on the converted database").isEqualTo(200);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The versions Flyway applied, oldest first. */
    private static List<String> appliedVersions(Path dataDir) throws Exception {
        int port = OpsDatabase.runningPort(dataDir.resolve("postgres"));
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", EmbeddedDatabase.running(dataDir, port).password()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version, success from flyway_schema_history"
                        + " where version is not null order by installed_rank")) {
            while (r.next()) {
                assertThat(r.getBoolean("success")).isTrue();
                versions.add(r.getString("version"));
            }
        }
        return versions;
    }

    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).max(java.util.Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
        }
    }

    private static List<JsonObject> visits(Api admin, String site, String from) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response r = admin.get("/api/v1/sites/" + site + "/visits?limit=100&from=" + from
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.items().forEach(o -> all.add((JsonObject) o));
            cursor = r.json().getString("next");
        } while (cursor != null);
        return all;
    }
}
