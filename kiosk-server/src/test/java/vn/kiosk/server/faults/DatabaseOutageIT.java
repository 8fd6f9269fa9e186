package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.PgCluster;
import vn.kiosk.server.support.TestServer;

/** The database goes away under the server and comes back: 503 quickly meanwhile, recovery without a restart. */
class DatabaseOutageIT {

    private static JsonObject checkin(long site, int i) {
        return new JsonObject().put("siteId", site).put("visitor", Api.visitor("Khách " + i, String.format("0919%06d", i)));
    }

    @Test
    @DisplayName("While PostgreSQL is down check-ins get a quick 503 with Retry-After and /health says DOWN; then it recovers")
    void outage() throws Exception {
        try (PgCluster pg = PgCluster.create();
             TestServer server = TestServer.start(Files.createTempDirectory("kiosk-outage-"),
                     Map.of(Config.DB_URL, pg.url()))) {
            Api admin = server.admin();
            long site = admin.createSite("market");
            assertThat(admin.checkIn(checkin(site, 1)).status()).isEqualTo(201);

            pg.stop();
            System.out.println("outage: injected PostgreSQL fast shutdown");
            int unavailable = 0;
            long slowest = 0;
            for (int i = 2; i < 12; i++) {
                long t0 = System.nanoTime();
                Api.Response r = admin.checkIn(checkin(site, i));
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                if (r.status() == 503 || r.status() == 401) {
                    unavailable += r.status() == 503 ? 1 : 0;
                }
                assertThat(r.status()).as("status while the database is down").isIn(503);
                assertThat(r.header("Retry-After")).isNotNull();
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            }
            Api.Response health = server.api().get("/health");
            assertThat(health.status()).isEqualTo(503);
            System.out.printf("outage: %d of 10 check-ins answered 503, slowest %d ms%n", unavailable, slowest);
            assertThat(slowest).as("a refusal must be quick").isLessThan(6000);

            pg.start();
            long deadline = System.currentTimeMillis() + 30_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline && status != 201) {
                status = admin.checkIn(checkin(site, 100)).status();
                Thread.sleep(250);
            }
            assertThat(status).as("check-ins work again without a restart").isEqualTo(201);
            assertThat(server.api().get("/health").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/sites/" + site + "/visits").items()).hasSize(2);
        }
    }
}
