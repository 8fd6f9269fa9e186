package vn.kiosk.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.report.DailyStatsJob;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class RetentionTest {

    private static long count(TestServer s, String sql) throws Exception {
        return s.server().pool().query(sql).execute().await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    }

    /** Five entries a minute apart from {@code at}, as an offline kiosk replays them. */
    private static void replayEntries(Api admin, long site, OffsetDateTime at, String name, String phonePrefix) {
        for (int i = 0; i < 5; i++) {
            admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("occurredAt", at.plusMinutes(i).toString())
                    .put("visitor", Api.visitor(name + i, String.format(phonePrefix + "%06d", i))));
        }
    }

    @Test
    @DisplayName("Moving the clock past the retention period drops old partitions, keeps the daily figures and recent visits")
    void purge() throws Exception {
        try (TestServer server = TestServer.start(Files.createTempDirectory("kiosk-retention-"), Map.of())) {
            Api admin = server.admin();
            long site = admin.createSite("market");
            long shortSite = admin.createSite("shop");
            admin.patch("/api/v1/sites/" + shortSite, new JsonObject().put("retentionDays", 7));
            OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusHours(70);
            replayEntries(admin, site, old, "Khách cũ ", "0918");
            admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Khách mới", "0918 999 999")));
            admin.checkIn(new JsonObject().put("siteId", shortSite).put("visitor", Api.visitor("Khách ngắn", "0918 888 888")));
            // Close the old stays so that their day's figures are final.
            server.server().housekeeping().closeOverdue().await(10, TimeUnit.SECONDS);

            // The database's own clock does not move: these visitors were last seen 30 days ago as far as it knows.
            server.server().pool().query("update visitors set last_seen_at = now() - interval '30 days'"
                    + " where name like 'Khách cũ%'").execute().await(10, TimeUnit.SECONDS);
            // ...and the sites have been running for a year (daily figures start with a site's first day).
            server.server().pool().query("update sites set created_at = now() - interval '1 year'")
                    .execute().await(10, TimeUnit.SECONDS);
            // 27 days on: the visits of 70 hours ago are 30 days old, today's 27 days old.
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(27));
            Retention retention = new Retention(server.server().pool(), server.server().dailyStats(), later, 28);
            Retention.Purge purge = retention.purge().await(60, TimeUnit.SECONDS);

            assertThat(purge.partitions()).isGreaterThan(0);
            assertThat(count(server, "select count(*) from visits where site_id = " + site)).isEqualTo(1);
            // Events are kept by the day they were recorded: these replays of 70 hours ago were recorded today.
            assertThat(count(server, "select count(*) from visit_events where recorded_at < now() - interval '1 day'"))
                    .isZero();
            assertThat(count(server, "select count(*) from visits where site_id = " + shortSite)).isZero();
            assertThat(purge.siteRows()).isEqualTo(2);
            assertThat(count(server, "select count(*) from visitors where name like 'Khách cũ%'")).isZero();
            assertThat(count(server, "select count(*) from visitors where name = 'Khách mới'")).isEqualTo(1);
            LocalDate oldDay = old.atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
            assertThat(count(server, "select coalesce(sum(entries), 0) from daily_site_stats where site_id = " + site
                    + " and day between '" + oldDay.minusDays(1) + "' and '" + oldDay.plusDays(1) + "'"))
                    .as("the daily figures outlive the visits").isEqualTo(5);
            var visits = admin.get("/api/v1/sites/" + site + "/visits?from=2000-01-01T00:00:00Z").items();
            assertThat(visits).hasSize(1);
        }
    }

    /** A site and the query of its entries in the daily figures around the day of its old visits. */
    private record ShortSite(long id, String figures) {
    }

    /** A shop kept 2 days, running for a year, with five closed entries of 70 hours ago. */
    private static ShortSite shortSite(TestServer server, String name, String phonePrefix) throws Exception {
        Api admin = server.admin();
        long site = admin.createSite("shop");
        server.server().pool().query("update sites set created_at = now() - interval '1 year'")
                .execute().await(10, TimeUnit.SECONDS);
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("retentionDays", 2));
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusHours(70);
        replayEntries(admin, site, old, name, phonePrefix);
        server.server().housekeeping().closeOverdue().await(10, TimeUnit.SECONDS);
        LocalDate oldDay = old.atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
        return new ShortSite(site, "select coalesce(sum(entries), 0) from daily_site_stats where site_id = " + site
                + " and day between '" + oldDay.minusDays(1) + "' and '" + oldDay.plusDays(1) + "'");
    }

    @Test
    @DisplayName("A site with a period shorter than the recent days keeps its figures of purged days when they are recomputed")
    void shortPeriodKeepsFigures() throws Exception {
        try (TestServer server = TestServer.start(Files.createTempDirectory("kiosk-retention-short-"), Map.of())) {
            ShortSite shop = shortSite(server, "Khách ngắn ", "0917");
            long site = shop.id();
            String figures = shop.figures();
            server.figuresRound();
            assertThat(count(server, figures)).isEqualTo(5);

            new Retention(server.server().pool(), server.server().dailyStats(), Clock.systemUTC(), 28)
                    .purge().await(60, TimeUnit.SECONDS);
            assertThat(count(server, "select count(*) from visits where site_id = " + site)).isZero();
            // The next round of the figures job recomputes the recent days: not from the visits that are gone.
            server.figuresRound();
            assertThat(count(server, figures)).as("the figures of the purged day are kept").isEqualTo(5);
        }
    }

    @Test
    @DisplayName("While the figures are busy elsewhere, a site's short period waits: no visit goes before its day's figures are stored")
    void shortPeriodWaitsForFigures() throws Exception {
        try (TestServer server = TestServer.start(Files.createTempDirectory("kiosk-retention-busy-"), Map.of())) {
            ShortSite shop = shortSite(server, "Khách bận ", "0916");
            long site = shop.id();
            server.fillMissingFigures(); // the round the server started with is over
            Retention retention = new Retention(server.server().pool(), server.server().dailyStats(), Clock.systemUTC(), 28);

            // another instance's figures round holds the lock
            SqlConnection other = server.server().pool().getConnection().await(10, TimeUnit.SECONDS);
            try {
                other.preparedQuery("select pg_advisory_lock($1)").execute(Tuple.of(DailyStatsJob.LOCK))
                        .await(10, TimeUnit.SECONDS);
                retention.purge().await(60, TimeUnit.SECONDS);
                assertThat(count(server, "select count(*) from visits where site_id = " + site))
                        .as("the visits wait for their figures").isEqualTo(5);
            } finally {
                other.close().await(10, TimeUnit.SECONDS);
            }
            retention.purge().await(60, TimeUnit.SECONDS);
            assertThat(count(server, "select count(*) from visits where site_id = " + site)).isZero();
            assertThat(count(server, shop.figures())).isEqualTo(5);
        }
    }
}
