package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * The batch function is planned once per connection (a generic plan) and that plan lives while the tables grow
 * under it. A plan made while visitors was small hashed the whole table on every call to check an ID number
 * (half of PostgreSQL's CPU per check-in once the table held twelve thousand visitors, and growing): every read
 * of a check-in is by key, so no check-in scans a table whole, however small it was when the plan was made.
 * Counted by PostgreSQL's own statistics, not timed.
 */
class WritePlanTest {

    private static long seqScans(TestServer server) throws Exception {
        // The server's connections report their counts within a second of going idle: read until they hold still.
        String sql = "select coalesce(sum(seq_scan), 0) from pg_stat_user_tables"
                + " where relname in ('visitors', 'presence') or relname like 'visits%' or relname like 'visit_events%'";
        long last = -1;
        for (int i = 0; i < 40; i++) {
            server.server().pool().query("select pg_stat_clear_snapshot()").execute().await(10, TimeUnit.SECONDS);
            long now = server.server().pool().query(sql).execute().await(10, TimeUnit.SECONDS).iterator().next()
                    .getLong(0);
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(600);
        }
        return last;
    }

    private static void checkIns(Api guard, long site, int from, int count) {
        checkIns(guard, site, from, count, "auto");
    }

    private static void checkIns(Api guard, long site, int from, int count, String direction) {
        for (int i = from; i < from + count; i++) {
            Api.Response r = guard.checkIn(new JsonObject().put("siteId", site).put("direction", direction)
                    .put("visitor", Api.visitor("Khách kế hoạch", String.format("0913%06d", i))));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    @Test
    @DisplayName("Check-ins and check-outs read by key only: none scans visitors, presence or a partition whole as the tables grow")
    void noCheckInScansATable() throws Exception {
        try (TestServer server = TestServer.start(Files.createTempDirectory("kiosk-write-plan-"), Map.of())) {
            Api admin = server.admin();
            long site = admin.createSite("bus_station");
            checkIns(admin, site, 0, 20); // every connection's plan is made now, while the tables are small
            long before = seqScans(server);
            checkIns(admin, site, 20, 300);
            // returning visitors: exits of stays on record, entries again (the stays around them are read)
            checkIns(admin, site, 20, 100, "out");
            checkIns(admin, site, 20, 100, "in");
            checkIns(admin, site, 120, 50, "in");
            long scans = seqScans(server) - before;
            // (184 during the first 300 before the fix: the ID number check; a few may come from the jobs meanwhile)
            assertThat(scans).as("sequential scans of visitors, presence, visits, visit events during 550 check-ins")
                    .isLessThan(10);
        }
    }
}
