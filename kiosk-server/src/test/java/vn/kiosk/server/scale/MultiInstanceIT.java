package vn.kiosk.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.AcknowledgedLoad;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Balancer;
import vn.kiosk.server.support.PgCluster;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.SseClient;
import vn.kiosk.server.support.TestServer;

/**
 * Two server processes on one external PostgreSQL, sharing their keys, behind
 * a round-robin balancer, with check-ins arriving all the time: one instance
 * is killed, or both are restarted one after the other, and still every
 * acknowledged check-in is stored exactly once.
 */
class MultiInstanceIT {
    /** 8 clients at 15 check-ins a second each: 120/s, steady whatever happens to the servers. */
    private static final int CLIENTS = 8;
    private static final int PER_CLIENT_PER_SECOND = 15;
    private static PgCluster pg;
    private static Map<String, String> env;

    @BeforeAll
    static void database() throws Exception {
        pg = PgCluster.create();
        env = new HashMap<>(Map.of(Config.DB_URL, pg.url(), Config.INSTANCES, "2"));
        SecureRandom random = new SecureRandom();
        for (String key : new String[] {"DATA", "LOOKUP", "CONFIRMATION", "POSTER", "SESSION"}) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            env.put("KIOSK_KEY_" + key, Base64.getEncoder().encodeToString(k));
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** Instance {@code name} with its own data directory, on {@code port} (0: a free one). */
    private static ServerProcess instance(Path root, String name, int port) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        if (port != 0) {
            e.put(Config.HTTP_PORT, String.valueOf(port));
        }
        return ServerProcess.start(root.resolve(name), e);
    }

    private static Set<String> visitIds(SseClient sse, Set<String> into) throws InterruptedException {
        for (SseClient.Event e = sse.next(0); e != null; e = sse.next(0)) {
            if (e.data().containsKey("visitId")) {
                into.add(e.data().getString("visitId"));
            }
        }
        return into;
    }

    private static void awaitAcknowledged(AcknowledgedLoad load, int atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (load.acknowledgedCount() < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(load.acknowledgedCount()).as("acknowledged check-ins under load").isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    @DisplayName("Two instances behind a balancer: each one's event stream carries the other's check-ins, occupancy agrees"
            + " with the database, and after kill -9 of one every acknowledged check-in is stored once")
    void twoInstancesAndKillNine() throws Exception {
        Path root = Files.createTempDirectory("kiosk-multi-");
        ServerProcess a = instance(root, "a", 0);
        ServerProcess b = instance(root, "b", 0);
        try (Balancer balancer = new Balancer(a.port(), b.port())) {
            Api admin = balancer.api().login("admin", TestServer.ADMIN_PASSWORD);
            long site = admin.createSite("market");
            AcknowledgedLoad load;
            // One sign-in works on both: sessions live in the shared database.
            try (SseClient onA = new SseClient(a.baseUrl() + "/api/v1/sites/" + site + "/events", admin.token());
                 SseClient onB = new SseClient(b.baseUrl() + "/api/v1/sites/" + site + "/events", admin.token())) {
                assertThat(onA.awaitConnected()).isEqualTo(200);
                assertThat(onB.awaitConnected()).isEqualTo(200);

                load = new AcknowledgedLoad(admin, site, CLIENTS, PER_CLIENT_PER_SECOND);
                awaitAcknowledged(load, 200);
                Set<String> before = load.acknowledgedVisitIds();
                // Each stream saw every check-in so far, whichever instance wrote it.
                Set<String> seenA = new HashSet<>();
                Set<String> seenB = new HashSet<>();
                long deadline = System.currentTimeMillis() + 15_000;
                while (System.currentTimeMillis() < deadline
                        && !(visitIds(onA, seenA).containsAll(before) & visitIds(onB, seenB).containsAll(before))) {
                    Thread.sleep(100);
                }
                System.out.printf("multi-instance: %d acknowledged before the kill; stream on A saw %d of them, on B %d;"
                        + " balancer connections to A %d, to B %d%n", before.size(), count(seenA, before),
                        count(seenB, before), balancer.connections(0), balancer.connections(1));
                assertThat(balancer.connections(0)).as("connections to A").isPositive();
                assertThat(balancer.connections(1)).as("connections to B").isPositive();
                assertThat(seenA).as("events on A").containsAll(before);
                assertThat(seenB).as("events on B").containsAll(before);
            }

            b.kill();
            balancer.down(1);
            int atKill = load.acknowledgedCount();
            awaitAcknowledged(load, atKill + 200);
            load.stop();
            System.out.printf("multi-instance: kill -9 of B after %d acknowledged; %d acknowledged when the load stopped%n",
                    atKill, load.acknowledgedCount());
            b = instance(root, "b", b.port());
            balancer.up(1);
            load.verify(admin, "multi-instance kill -9");

            long inside = pg.queryLong("select count(*) from presence where site_id = ?", site);
            int onA = a.api().as(admin.token()).get("/api/v1/sites/" + site + "/occupancy").json().getInteger("inside");
            int onB = b.api().as(admin.token()).get("/api/v1/sites/" + site + "/occupancy").json().getInteger("inside");
            System.out.printf("multi-instance: occupancy on A %d, on B %d, presence rows %d, visitors sent %d%n",
                    onA, onB, inside, load.sentCount());
            assertThat(onA).isEqualTo(onB);
            assertThat((long) onA).isEqualTo(inside).isEqualTo(load.sentCount());
            // A counted in memory from the first event on, B's check-ins and the kill included.
            assertCountsSettle(admin, site, inside, a, b);
        } finally {
            a.close();
            b.close();
        }
    }

    /** Each instance's in-memory count of people inside (events/Occupancy) comes to the SQL count once load stops. */
    private static void assertCountsSettle(Api admin, long site, long inside, ServerProcess... servers)
            throws InterruptedException {
        for (ServerProcess s : servers) {
            Api api = s.api().as(admin.token());
            String path = "/api/v1/sites/" + site + "/occupancy?visitors=false";
            long deadline = System.currentTimeMillis() + 10_000;
            while (api.get(path).json().getInteger("inside") != inside && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat((long) api.get(path).json().getInteger("inside")).as("in-memory count on " + s.baseUrl())
                    .isEqualTo(inside);
        }
    }

    private static long count(Set<String> seen, Set<String> of) {
        return of.stream().filter(seen::contains).count();
    }

    @Test
    @DisplayName("Rolling restart under load: SIGTERM drains A, A comes back, then the same for B; nothing acknowledged"
            + " is lost or stored twice, occupancy is the same on both and equals the database's")
    void rollingRestart() throws Exception {
        Path root = Files.createTempDirectory("kiosk-rolling-");
        ServerProcess[] servers = {instance(root, "a", 0), instance(root, "b", 0)};
        try (Balancer balancer = new Balancer(servers[0].port(), servers[1].port())) {
            Api admin = balancer.api().login("admin", TestServer.ADMIN_PASSWORD);
            long site = admin.createSite("hospital");
            AcknowledgedLoad load = new AcknowledgedLoad(admin, site, CLIENTS, PER_CLIENT_PER_SECOND);
            awaitAcknowledged(load, 100);
            for (int i = 0; i < servers.length; i++) {
                int before = load.acknowledgedCount();
                int exit = servers[i].terminate();
                System.out.printf("rolling restart: instance %d stopped by SIGTERM (exit %d) after %d acknowledged%n",
                        i, exit, before);
                servers[i] = instance(root, i == 0 ? "a" : "b", servers[i].port());
                // The load goes on (its connections moved to the other instance) before the next one stops.
                awaitAcknowledged(load, load.acknowledgedCount() + 100);
            }
            load.stop();
            System.out.printf("rolling restart: sent %d, acknowledged %d, not answered %d, connections refused and"
                    + " sent to the other instance %d%n", load.sentCount(), load.acknowledgedCount(),
                    load.sentCount() - load.acknowledgedCount(), balancer.refused());
            load.verify(admin, "rolling restart");
            assertThat(load.sentCount() - load.acknowledgedCount())
                    .as("requests that got no answer: a draining instance answers everything it took").isZero();

            long inside = pg.queryLong("select count(*) from presence where site_id = ?", site);
            JsonObject onA = servers[0].api().as(admin.token()).get("/api/v1/sites/" + site + "/occupancy").json();
            JsonObject onB = servers[1].api().as(admin.token()).get("/api/v1/sites/" + site + "/occupancy").json();
            System.out.printf("rolling restart: occupancy on A %d, on B %d, presence rows %d%n",
                    onA.getInteger("inside"), onB.getInteger("inside"), inside);
            assertThat(onA.getInteger("inside")).isEqualTo(onB.getInteger("inside"));
            assertThat((long) onA.getInteger("inside")).isEqualTo(inside).isEqualTo(load.sentCount());
            assertCountsSettle(admin, site, inside, servers);
        } finally {
            for (ServerProcess s : servers) {
                s.close();
            }
        }
    }
}
