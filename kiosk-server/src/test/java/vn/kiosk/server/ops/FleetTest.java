package vn.kiosk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.SseClient;
import vn.kiosk.server.support.TestServer;

/** The fleet: heartbeats carry version, queue and battery; a silent kiosk raises one alert per silence. */
class FleetTest {
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Files.createTempDirectory("kiosk-fleet-"), Map.of(Config.KIOSK_SILENT_SECONDS, "10"));
        admin = server.admin();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonObject kiosk(long site, long id) {
        for (Object o : admin.get("/api/v1/sites/" + site + "/kiosks").items()) {
            if (((JsonObject) o).getLong("id") == id) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("kiosk " + id + " not listed");
    }

    private static void silence(long kioskId) throws Exception {
        server.server().pool().preparedQuery("update kiosks set last_seen_at = now() - interval '1 hour' where id = $1")
                .execute(Tuple.of(kioskId)).await(10, TimeUnit.SECONDS);
    }

    private static SseClient.Event next(SseClient sse, String type, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            SseClient.Event e = sse.next(Math.max(1, deadline - System.currentTimeMillis()));
            if (e != null && type.equals(e.type())) {
                return e;
            }
        }
        return null;
    }

    @Test
    @DisplayName("A new kiosk's pairing code is said to expire when the database will refuse it, whatever the server's own clock says")
    void pairingExpiry() throws Exception {
        // the server's clock an hour ahead of the database's: the database's decides (pairing compares with now())
        java.time.Clock ahead = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
        try (TestServer own = TestServer.start(Files.createTempDirectory("kiosk-pairing-"), Map.of(), ahead)) {
            Api as = own.admin();
            long site = as.createSite("office");
            Api.Response k = as.post("/api/v1/sites/" + site + "/kiosks", new JsonObject().put("name", "Cửa chính"));
            assertThat(k.status()).as(k.body()).isEqualTo(201);
            java.time.OffsetDateTime said = java.time.OffsetDateTime.parse(k.json().getString("pairingExpiresAt"));
            java.time.OffsetDateTime stored = own.server().pool()
                    .preparedQuery("select pairing_expires_at from kiosks where id = $1")
                    .execute(Tuple.of(k.json().getLong("id"))).await(10, TimeUnit.SECONDS).iterator().next()
                    .getOffsetDateTime(0);
            assertThat(java.time.Duration.between(said, stored).abs()).isLessThan(java.time.Duration.ofSeconds(1));
            assertThat(said.getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
        }
    }

    @Test
    @DisplayName("The kiosk list shows last heartbeat, app version, offline queue and battery; no battery reported shows none")
    void heartbeatFields() {
        long site = admin.createSite("school");
        JsonObject paired = admin.pairKiosk(site, "both");
        Api kiosk = server.api().as(paired.getString("deviceToken"));
        Api.Response hb = kiosk.post("/api/v1/kiosk/heartbeat",
                new JsonObject().put("appVersion", "2.3.1").put("queued", 4).put("battery", 0.42));
        assertThat(hb.status()).isEqualTo(200);
        JsonObject k = kiosk(site, paired.getLong("kioskId"));
        assertThat(k.getString("appVersion")).isEqualTo("2.3.1");
        assertThat(k.getInteger("queued")).isEqualTo(4);
        assertThat(k.getDouble("battery")).isCloseTo(0.42, org.assertj.core.data.Offset.offset(0.001));
        assertThat(k.getBoolean("online")).isTrue();
        assertThat(k.getString("lastSeenAt")).isNotNull();

        assertThat(kiosk.post("/api/v1/kiosk/heartbeat", new JsonObject().put("queued", 0)).status()).isEqualTo(200);
        k = kiosk(site, paired.getLong("kioskId"));
        assertThat(k.getString("appVersion")).as("kept when not sent").isEqualTo("2.3.1");
        assertThat(k.getInteger("queued")).isZero();
        assertThat(k.getValue("battery")).as("not reported: unknown, not the old value").isNull();
        assertThat(kiosk.post("/api/v1/kiosk/heartbeat", new JsonObject().put("battery", 1.5)).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A silent kiosk raises kiosk_silent once per silence on its site's stream; its next heartbeat says kiosk_online")
    void silentKioskAlert() throws Exception {
        long site = admin.createSite("market");
        JsonObject paired = admin.pairKiosk(site, "entry");
        long kioskId = paired.getLong("kioskId");
        Api kiosk = server.api().as(paired.getString("deviceToken"));
        try (SseClient sse = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", admin.token())) {
            assertThat(sse.awaitConnected()).isEqualTo(200);
            silence(kioskId);
            SseClient.Event alert = next(sse, "kiosk_silent", 15_000);
            assertThat(alert).as("kiosk_silent within a few watch periods").isNotNull();
            assertThat(alert.data().getLong("kioskId")).isEqualTo(kioskId);
            assertThat(alert.data().getLong("siteId")).isEqualTo(site);
            assertThat(alert.data().getLong("silentSeconds")).isGreaterThanOrEqualTo(3600);
            assertThat(kiosk(site, kioskId).getBoolean("silent")).isTrue();
            assertThat(kiosk(site, kioskId).getBoolean("online")).isFalse();

            assertThat(next(sse, "kiosk_silent", 6_000)).as("one alert per silence").isNull();

            assertThat(kiosk.post("/api/v1/kiosk/heartbeat", new JsonObject().put("queued", 2)).status()).isEqualTo(200);
            SseClient.Event back = next(sse, "kiosk_online", 5_000);
            assertThat(back).isNotNull();
            assertThat(back.data().getLong("kioskId")).isEqualTo(kioskId);
            assertThat(kiosk(site, kioskId).getBoolean("silent")).isFalse();

            silence(kioskId);
            assertThat(next(sse, "kiosk_silent", 15_000)).as("a new silence is a new alert").isNotNull();
        }
        String metrics = server.metrics();
        assertThat(metrics).contains("kiosk_kiosks_online").contains("kiosk_kiosks_paired");
    }

    @Test
    @DisplayName("A revoked or never-paired kiosk raises no alert")
    void onlyPairedKiosks() throws Exception {
        long site = admin.createSite("shop");
        long unpaired = admin.post("/api/v1/sites/" + site + "/kiosks", new JsonObject().put("name", "Chưa ghép")).json().getLong("id");
        JsonObject paired = admin.pairKiosk(site, "both");
        admin.post("/api/v1/kiosks/" + paired.getLong("kioskId") + "/revoke", new JsonObject());
        try (SseClient sse = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", admin.token())) {
            assertThat(sse.awaitConnected()).isEqualTo(200);
            silence(unpaired);
            silence(paired.getLong("kioskId"));
            assertThat(next(sse, "kiosk_silent", 7_000)).isNull();
        }
    }
}
