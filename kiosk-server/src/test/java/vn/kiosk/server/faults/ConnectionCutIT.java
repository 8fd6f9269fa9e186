package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.AcknowledgedLoad;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.FaultScale;
import vn.kiosk.server.support.PgCluster;
import vn.kiosk.server.support.ProcessStats;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TcpProxy;
import vn.kiosk.server.support.TestServer;

/**
 * The network between the server process and PostgreSQL 15 fails under load:
 * every connection reset mid-transaction; connections stalled, then reset;
 * then the database stopped for a longer outage. Acknowledged check-ins are
 * stored once, retries leave no duplicates, refusals are quick 503s, the
 * server recovers by itself, and its threads and memory stay flat.
 */
class ConnectionCutIT {

    @Test
    @DisplayName("Database connections reset or stalled mid-transaction, then a long outage, under load: nothing lost, no duplicates, 503 meanwhile, flat threads and memory")
    void cutStallAndOutage() throws Exception {
        int outageSeconds = FaultScale.pick(10, 30);
        Path dir = Files.createTempDirectory("kiosk-cut-");
        try (PgCluster pg = PgCluster.create(); TcpProxy proxy = TcpProxy.to("127.0.0.1", pg.port())) {
            String url = "postgresql://postgres:unused@127.0.0.1:" + proxy.port() + "/postgres";
            try (ServerProcess server = ServerProcess.start(dir, Map.of(Config.DB_URL, url))) {
                Api admin = server.api().login("admin", TestServer.ADMIN_PASSWORD);
                long site = admin.createSite("bus_station");
                long probeSite = admin.createSite("bus_station"); // the probes' own, kept out of the load's count
                AcknowledgedLoad load = new AcknowledgedLoad(admin, site, 16);
                awaitAcknowledged(load, 100, "the load is under way");
                ProcessStats before = ProcessStats.of(server.pid());

                int cut = proxy.cutAll();
                System.out.printf("connection cut (%s): reset %d proxied sockets mid-transaction after %d acknowledged%n",
                        FaultScale.label(), cut, load.acknowledgedCount());
                awaitAcknowledged(load, load.acknowledgedCount() + 100, "check-ins resume after the reset");

                proxy.mode(TcpProxy.Mode.STALLED);
                System.out.println("connection cut: stalled every proxied connection for 4 s");
                Thread.sleep(4000);
                cut = proxy.cutAll();
                proxy.mode(TcpProxy.Mode.OPEN);
                System.out.printf("connection cut: then reset %d stalled sockets%n", cut);
                awaitAcknowledged(load, load.acknowledgedCount() + 100, "check-ins resume after the stall");

                pg.stop();
                System.out.printf("connection cut: PostgreSQL stopped for %d s under load%n", outageSeconds);
                List<ProcessStats> during = new ArrayList<>();
                int probes = 0;
                long slowest = 0;
                long end = System.currentTimeMillis() + outageSeconds * 1000L;
                while (System.currentTimeMillis() < end) {
                    long t0 = System.nanoTime();
                    Api.Response r = admin.checkIn(new JsonObject().put("siteId", probeSite)
                            .put("visitor", Api.visitor("Khách thử", "0918000" + String.format("%03d", probes))));
                    slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                    if (System.currentTimeMillis() < end - 1000) {
                        assertThat(r.status()).as("a check-in while the database is down").isEqualTo(503);
                        assertThat(r.header("Retry-After")).isNotNull();
                        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    }
                    probes++;
                    during.add(ProcessStats.of(server.pid()));
                    Thread.sleep(1000);
                }
                assertThat(server.api().get("/health").status()).isEqualTo(503);
                int acknowledgedBeforeRestart = load.acknowledgedCount();
                pg.start();
                awaitAcknowledged(load, acknowledgedBeforeRestart + 100, "check-ins resume when PostgreSQL is back");
                load.stop();
                ProcessStats after = ProcessStats.of(server.pid());

                int maxThreads = during.stream().mapToInt(ProcessStats::threads).max().orElse(0);
                long maxRss = during.stream().mapToLong(ProcessStats::rssMb).max().orElse(0);
                System.out.printf("connection cut: %d probes during the outage all 503, slowest %d ms%n", probes, slowest);
                System.out.printf("connection cut: server before %s; during the outage at most %d MB RSS, %d threads; "
                        + "after %s%n", before, maxRss, maxThreads, after);
                System.out.printf("connection cut: the load's answers by status %s%n", load.statuses());
                assertThat(load.statuses().keySet()).as("statuses of the load (0: none)").isSubsetOf(0, 200, 201, 503);
                assertThat(slowest).as("a refusal is quick").isLessThan(6000);
                assertThat(maxThreads).as("no thread pile-up").isLessThanOrEqualTo(before.threads() + 8);
                assertThat(maxRss - before.rssMb()).as("memory flat during the outage, MB").isLessThan(150);
                assertThat(server.api().get("/health").status()).isEqualTo(200);
                load.verify(admin, "connection cut");
            }
        }
    }

    private static void awaitAcknowledged(AcknowledgedLoad load, int count, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (load.acknowledgedCount() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(load.acknowledgedCount()).as(what).isGreaterThanOrEqualTo(count);
    }
}
