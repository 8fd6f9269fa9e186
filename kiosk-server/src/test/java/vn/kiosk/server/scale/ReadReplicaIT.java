package vn.kiosk.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.PgCluster;
import vn.kiosk.server.support.TestServer;

/**
 * A PostgreSQL 15 primary and a streaming replica made from it with
 * {@code pg_basebackup -R}; the server writes to the first and reads the log
 * and the reports from the second.
 */
class ReadReplicaIT {

    private static JsonObject checkin(long site, int i) {
        return new JsonObject().put("siteId", site).put("visitor", Api.visitor("Khách " + i, String.format("0918%06d", i)));
    }

    private static int logged(Api api, long site) {
        Api.Response r = api.get("/api/v1/sites/" + site + "/visits?limit=500");
        return r.status() == 200 ? r.items().size() : -r.status();
    }

    private static int entries(Api api, long site) {
        Api.Response r = api.get("/api/v1/reports/daily?siteId=" + site);
        return r.status() == 200 ? r.json().getJsonArray("rows").getJsonObject(0).getInteger("entries") : -r.status();
    }

    private static int inside(Api api, long site) {
        return api.get("/api/v1/sites/" + site + "/occupancy").json().getInteger("inside");
    }

    /** The value of an unlabelled meter in /metrics. */
    private static double metric(TestServer server, String name) {
        return Arrays.stream(server.metrics().split("\n"))
                .filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElse(Double.NaN);
    }

    /** Polls until {@code value} satisfies {@code ok} (replication and the replica probe take a moment). */
    private static int await(Supplier<Integer> value, IntPredicate ok) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        int v = value.get();
        while (!ok.test(v) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            v = value.get();
        }
        return v;
    }

    @Test
    @DisplayName("Check-ins go to the primary; the log and the daily report come from the replica, lag with it, and"
            + " fall back to the primary (counted) while it is down")
    void replica() throws Exception {
        try (PgCluster primary = PgCluster.create(); PgCluster replica = primary.replica();
             TestServer server = TestServer.start(Files.createTempDirectory("kiosk-replica-"),
                     Map.of(Config.DB_URL, primary.url(), Config.DB_READ_URL, replica.url()))) {
            assertThat(replica.queryLong("select count(*) from pg_stat_wal_receiver where status = 'streaming'"))
                    .as("the replica streams from the primary").isEqualTo(1);
            Api admin = server.admin();
            long site = admin.createSite("market");
            for (int i = 0; i < 5; i++) {
                assertThat(admin.checkIn(checkin(site, i)).status()).isEqualTo(201);
            }
            assertThat(await(() -> logged(admin, site), n -> n == 5)).as("the log, once replication caught up").isEqualTo(5);
            assertThat(await(() -> entries(admin, site), n -> n == 5)).as("the daily report").isEqualTo(5);
            assertThat(metric(server, "kiosk_db_read_replica_up")).isEqualTo(1.0);
            assertThat(server.metrics()).as("the read pool's own meters").contains("pool_name=\"kiosk-read\"");

            // With replay paused on the replica, new check-ins are on the primary only: the log and the report
            // do not show them (so they are read from the replica) while occupancy, read from the primary, does.
            replica.execute("select pg_wal_replay_pause()");
            for (int i = 5; i < 8; i++) {
                assertThat(admin.checkIn(checkin(site, i)).status()).isEqualTo(201);
            }
            assertThat(primary.queryLong("select count(*) from visits where site_id = ?", site)).isEqualTo(8);
            assertThat(inside(admin, site)).as("occupancy, from the primary").isEqualTo(8);
            int lagging = logged(admin, site);
            int laggingReport = entries(admin, site);
            replica.execute("select pg_wal_replay_resume()");
            int caughtUp = await(() -> logged(admin, site), n -> n == 8);
            System.out.printf("read replica: replay paused: log %d, report %d, occupancy 8; resumed: log %d%n",
                    lagging, laggingReport, caughtUp);
            assertThat(lagging).as("the log, from the paused replica").isEqualTo(5);
            assertThat(laggingReport).as("the report, from the paused replica").isEqualTo(5);
            assertThat(caughtUp).isEqualTo(8);
            assertThat(await(() -> entries(admin, site), n -> n == 8)).isEqualTo(8);

            // The replica goes away: check-ins go on, the log and reports come from the primary, counted.
            replica.stop();
            assertThat(admin.checkIn(checkin(site, 8)).status()).isEqualTo(201);
            int fromPrimary = await(() -> logged(admin, site), n -> n == 9);
            double fallbacks = metric(server, "kiosk_db_read_fallbacks_total");
            System.out.printf("read replica: stopped: log %d (from the primary), report %d, fallbacks %.0f, replica up %.0f%n",
                    fromPrimary, entries(admin, site), fallbacks, metric(server, "kiosk_db_read_replica_up"));
            assertThat(fromPrimary).isEqualTo(9);
            assertThat(entries(admin, site)).isEqualTo(9);
            assertThat(metric(server, "kiosk_db_read_replica_up")).isEqualTo(0.0);
            assertThat(fallbacks).isPositive();

            // And it comes back: reads return to it without a restart.
            replica.start();
            assertThat(await(() -> (int) metric(server, "kiosk_db_read_replica_up"), n -> n == 1)).isEqualTo(1);
            assertThat(await(() -> logged(admin, site), n -> n == 9)).isEqualTo(9);
        }
    }
}
