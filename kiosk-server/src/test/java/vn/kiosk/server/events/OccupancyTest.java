package vn.kiosk.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.SseClient;
import vn.kiosk.server.support.TestServer;

/** The in-memory count of people inside (events/Occupancy) against the SQL count of presence. */
class OccupancyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 60;

    private static long presence(TestServer server, long site) throws Exception {
        return server.server().pool().query("select count(*) from presence where site_id = " + site).execute()
                .await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    }

    /** The status, where a 409 may only be a repeat within the window ("already checked in"). */
    private static int status(Api.Response r) {
        if (r.status() == 409) {
            assertThat(r.json().getString("type")).as(r.body()).endsWith("/already-checked-in");
        }
        return r.status();
    }

    private static int counted(Api api, long site) {
        return api.get("/api/v1/sites/" + site + "/occupancy?visitors=false").json().getInteger("inside");
    }

    @Test
    @DisplayName("Concurrent entries, exits, replays, re-entries, repeats, late records, exits with no entry, guard exits"
            + " and inferred exits:"
            + " every event carries the count, and the count equals the SQL count of presence")
    void countFollowsEveryKindOfChange() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("bus_station");
        Api guard = admin.userFor("guard", List.of(site));
        try (SseClient sse = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", guard.token())) {
            assertThat(sse.awaitConnected()).isEqualTo(200);
            assertThat(counted(guard, site)).isZero();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                sent.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    int n = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        // 40 people per thread: they come and go, some re-enter without an exit, some tap twice
                        int person = random.nextInt(40);
                        String phone = String.format("0912 %03d %03d", thread, person);
                        String dir = switch (random.nextInt(6)) {
                            case 0 -> "in";
                            case 1 -> "out"; // an exit with no entry on record when they are not inside
                            default -> "auto";
                        };
                        JsonObject body = new JsonObject().put("id", UUID.randomUUID().toString()).put("siteId", site)
                                .put("direction", dir).put("visitor", Api.visitor("Khách " + thread + "-" + person, phone));
                        if (random.nextInt(5) == 0) {
                            // an offline kiosk's record, synced late: it must not move who is inside now
                            body.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1 + random.nextInt(180))
                                    .withNano(0).toString());
                        }
                        assertThat(status(guard.checkIn(body))).isIn(200, 201, 409);
                        if (random.nextInt(10) == 0) {
                            assertThat(status(guard.checkIn(body))).as("a replay").isIn(200, 201, 409);
                        }
                        n++;
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : sent) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            // a guard marks two people as gone, and a stay from hours ago is closed as inferred
            List<String> inside = new ArrayList<>();
            var visitors = admin.get("/api/v1/sites/" + site + "/occupancy").json().getJsonArray("visitors");
            for (int i = 0; i < 2 && i < visitors.size(); i++) {
                inside.add(visitors.getJsonObject(i).getString("visitId"));
            }
            for (String visit : inside) {
                assertThat(guard.post("/api/v1/sites/" + site + "/visits/" + visit + "/exit", null).status()).isEqualTo(200);
            }
            admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", 90));
            guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).withNano(0).toString())
                    .put("visitor", Api.visitor("Người ở lâu", "0915 111 999")));
            server.server().housekeeping().closeOverdue().await(10, TimeUnit.SECONDS);

            long expected = presence(server, site);
            assertThat(counted(guard, site)).as("the in-memory count right after the load").isEqualTo((int) expected);
            SseClient.Event last = null;
            int events = 0;
            for (SseClient.Event e = sse.next(2000); e != null; e = sse.next(1000)) {
                if (!"confirmation".equals(e.type())) {
                    assertThat(e.data().getValue("inside")).as("the count on event " + e.data()).isNotNull();
                    assertThat(e.data().getInteger("presence")).isBetween(-1, 1);
                    last = e;
                    events++;
                }
            }
            System.out.printf("occupancy: %d events, %d inside by SQL, last event says %s%n", events, expected,
                    last == null ? null : last.data().getInteger("inside"));
            assertThat(last).isNotNull();
            assertThat(last.data().getInteger("inside")).as("the count on the last event").isEqualTo((int) expected);
            assertThat(expected).as("people inside after the mix").isPositive();
        }
    }

    @Test
    @DisplayName("A count that went wrong (presence changed behind the server's back) is corrected once the site is quiet")
    void correctedWhenQuiet() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("market");
        for (int i = 0; i < 5; i++) {
            admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người " + i, "0916 000 00" + i)));
        }
        assertThat(counted(admin, site)).isEqualTo(5);
        // An event this instance never saw: two rows go without one.
        server.server().pool().query("delete from presence where site_id = " + site
                + " and visitor_id in (select visitor_id from presence where site_id = " + site + " limit 2)")
                .execute().await(10, TimeUnit.SECONDS);
        assertThat(counted(admin, site)).as("the count does not read the database on every call").isEqualTo(5);
        // the next event marks the site to be counted again once it is quiet
        admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người mới", "0916 000 099")));
        long deadline = System.currentTimeMillis() + 10_000;
        while (counted(admin, site) != 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(counted(admin, site)).isEqualTo(4).isEqualTo((int) presence(server, site));
    }
}
