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

    /**
     * Sequential scans of visitors, presence, visits and visit events; and index entries read in visits (a look-up
     * by key reads one or two, a range scan on a later column of an index all of them).
     */
    private static long[] counts(TestServer server) throws Exception {
        // An idle connection reports its counts within PostgreSQL's idle flush interval (10 s): wait that out.
        Thread.sleep(11_000);
        var pool = server.server().pool();
        pool.query("select pg_stat_clear_snapshot()").execute().await(10, TimeUnit.SECONDS);
        var row = pool.query("select (select coalesce(sum(seq_scan), 0) from pg_stat_user_tables"
                + "   where relname in ('visitors', 'presence') or relname like 'visits%' or relname like 'visit_events%'),"
                + " (select coalesce(sum(idx_tup_read), 0) from pg_stat_user_indexes where relname like 'visits%')")
                .execute().await(10, TimeUnit.SECONDS).iterator().next();
        return new long[] {row.getLong(0), row.getLong(1)};
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
            // Every connection's plans are made now, while the tables are empty and analyzed so (as after a
            // restore, or autovacuum early in a day's partition): entries, exits, entries again.
            server.server().pool().query("analyze visits, visit_events, presence, visitors").execute()
                    .await(30, TimeUnit.SECONDS);
            checkIns(admin, site, 0, 20, "in");
            checkIns(admin, site, 0, 20, "out");
            checkIns(admin, site, 0, 20, "in");
            long[] before = counts(server);
            checkIns(admin, site, 20, 300);
            // returning visitors: exits of stays on record, entries again (the stays around them are read)
            checkIns(admin, site, 20, 100, "out");
            checkIns(admin, site, 20, 100, "in");
            checkIns(admin, site, 120, 50, "in");
            long[] after = counts(server);
            long scans = after[0] - before[0];
            long reads = after[1] - before[1];
            // An exit's stay found by its key, not among every entry of the day (a join of the batch with an index
            // range on entered_at, a later column of every index of visits: about 300 entries read per exit).
            assertThat(reads).as("index entries of visits read during 250 exits and entries of returning visitors")
                    .isLessThan(250 * 10);
            // (184 during the first 300 before the fix: the ID number check; a few may come from the jobs meanwhile)
            assertThat(scans).as("sequential scans of visitors, presence, visits, visit events during 550 check-ins")
                    .isLessThan(10);
        }
    }
}
