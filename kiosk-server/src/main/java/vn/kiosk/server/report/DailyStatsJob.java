package vn.kiosk.server.report;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps daily_site_stats and daily_area_stats (the distinct visitors of each
 * district, each province and all sites) filled so that the figures outlive
 * the visits. Every round recomputes the recent days (each site's yesterday
 * and today, and the days an offline kiosk may still add to: replays reach
 * 72 h back); at start it fills any older day still held that has no rows
 * yet (after downtime, or the areas after an upgrade).
 * Several instances may run it: one at a time does the work (an advisory
 * lock), and the upserts are idempotent anyway.
 */
public final class DailyStatsJob extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(DailyStatsJob.class);
    static final long PERIOD_MS = 5 * 60_000;
    /** Local days recomputed each round, counting back from the latest UTC date any site can be in. */
    static final int RECENT_DAYS = 6;
    /** The advisory lock one figures round holds at a time, across instances. */
    public static final long LOCK = 0x4b696f736b5374L;

    // Sites whose local day has begun and that count on it, as the reports decide; the site's own time zone decides.
    private static final String SITES_OF_DAY = "select coalesce(array_agg(s.id), '{}') from sites s"
            + " where ($1::date::timestamp at time zone s.time_zone) <= $2::timestamptz and " + ReportService.countsOn("$1");
    private static final String SITE_COLUMNS = "site_id, day, entries, exits, unique_visitors, peak_occupancy,"
            + " hourly, bluezone";
    private static final String AREA_COLUMNS = "day, kind, province, district, unique_visitors, site_ids";
    // One pass over the visits gives the site rows and the area rows; both tables are written by one statement.
    private static final String UPSERT = "with fig as materialized (select * from kiosk_day_stats((" + SITES_OF_DAY
            + "), $1::date, $2::timestamptz)),"
            + " areas as (insert into daily_area_stats (" + AREA_COLUMNS + ")"
            + "   select day, area, province, district, unique_visitors, site_ids from fig where area is not null"
            + "   on conflict (day, kind, province, district) do update set unique_visitors = excluded.unique_visitors,"
            + "   site_ids = excluded.site_ids)"
            + " insert into daily_site_stats as d (" + SITE_COLUMNS + ")"
            + " select " + SITE_COLUMNS + " from fig where area is null"
            + " on conflict (site_id, day) do update set entries = excluded.entries, exits = excluded.exits,"
            + " unique_visitors = excluded.unique_visitors, peak_occupancy = excluded.peak_occupancy,"
            + " hourly = excluded.hourly, bluezone = excluded.bluezone"
            // A site with a period shorter than the recent days has had some of them purged (Retention stored
            // their figures first, up to the day after its cut-off): those rows are final, not recomputed.
            + " where not exists (select 1 from sites s where s.id = d.site_id and s.retention_days is not null"
            + "   and d.day <= (($2::timestamptz - make_interval(days => s.retention_days))"
            + "   at time zone s.time_zone)::date + 1)";
    // A day with a site or the areas not stored yet is computed for all its sites (an area needs every site's
    // visitors). Rows already stored are kept, as near the retention limit part of the day's visits may be gone,
    // except an area's row that counted other sites than the area has now (a site added with an earlier start).
    private static final String FILL_MISSING = "with ids as (select (" + SITES_OF_DAY + ") as a),"
            + " need as (select a from ids where exists (select 1 from unnest(a) x where not exists"
            + "   (select 1 from daily_site_stats d where d.site_id = x and d.day = $1::date))"
            + "   or not exists (select 1 from daily_area_stats r where r.day = $1::date and r.kind = 'all')),"
            + " fig as materialized (select * from kiosk_day_stats((select a from need), $1::date, $2::timestamptz)),"
            + " areas as (insert into daily_area_stats (" + AREA_COLUMNS + ")"
            + "   select day, area, province, district, unique_visitors, site_ids from fig where area is not null"
            + "   on conflict (day, kind, province, district) do update set unique_visitors = excluded.unique_visitors,"
            + "   site_ids = excluded.site_ids where daily_area_stats.site_ids <> excluded.site_ids)"
            + " insert into daily_site_stats (" + SITE_COLUMNS + ")"
            + " select " + SITE_COLUMNS + " from fig where area is null"
            + " on conflict (site_id, day) do nothing";

    private final Pool pool;
    private final Clock clock;
    private final int retentionDays;
    private long timer = -1;

    public DailyStatsJob(Pool pool, Clock clock, int retentionDays) {
        this.pool = pool;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Override
    public Future<?> start() {
        // Not awaited: start-up does not wait for figures; the first round runs in the background.
        fillMissing().compose(v -> runOnce())
                .onFailure(t -> log.warn("Daily figures could not be brought up to date at start ({}); will retry",
                        t.getClass().getSimpleName()));
        timer = vertx.setPeriodic(PERIOD_MS, t -> runOnce()
                .onFailure(e -> log.warn("Daily figures round failed ({}); will retry", e.getClass().getSimpleName())));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** Recomputes the recent days; returns the number of site-days written. */
    public Future<Integer> runOnce() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate latest = now.toLocalDate().plusDays(1);
        return locked(UPSERT, latest.minusDays(RECENT_DAYS - 1), latest, now);
    }

    /** Writes the days still held (but not recent) that have no row yet. */
    public Future<Integer> fillMissing() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate latest = now.toLocalDate().plusDays(1);
        return locked(FILL_MISSING, latest.minusDays(retentionDays + 1), latest.minusDays(RECENT_DAYS), now);
    }

    /**
     * Stores the figures of the local days {@code first..last} that have none yet, before their visits
     * are purged; -1 when another instance holds the figures lock (try again later).
     */
    public Future<Integer> keepDays(LocalDate first, LocalDate last) {
        return locked(FILL_MISSING, first, last, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    private Future<Integer> locked(String sql, LocalDate first, LocalDate last, OffsetDateTime now) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1) as got")
                .execute(Tuple.of(LOCK)).compose(rows -> {
                    if (!rows.iterator().next().getBoolean("got")) {
                        return Future.succeededFuture(-1); // another instance is writing figures right now
                    }
                    return days(tx, sql, first, last, now, 0);
                }));
    }

    /**
     * One day after the other, each started when the one before has finished: a chain built up front
     * for years of retention overflowed the stack when its first link failed.
     */
    private static Future<Integer> days(SqlConnection tx, String sql, LocalDate day, LocalDate last,
                                        OffsetDateTime now, int written) {
        if (day.isAfter(last)) {
            return Future.succeededFuture(written);
        }
        return tx.preparedQuery(sql).execute(Tuple.of(day, now))
                .compose(r -> days(tx, sql, day.plusDays(1), last, now, written + r.rowCount()));
    }
}
