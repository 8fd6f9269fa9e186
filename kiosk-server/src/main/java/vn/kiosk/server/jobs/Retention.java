package vn.kiosk.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.report.DailyStatsJob;

/**
 * Visit data is kept for the retention period, then removed: whole daily
 * partitions are dropped (no row-by-row deletes on the hot tables), after the
 * daily figures of those days are stored; sites with a shorter retention lose
 * their older rows by delete; visitors left without visits go too. Counts are
 * logged, never people.
 */
public final class Retention extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final long PERIOD_MS = 60 * 60_000;
    static final int LOCK_TIMEOUT_MS = 50;
    static final int DROP_ATTEMPTS = 600;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PARTITIONS = "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
            + " join pg_class p on p.oid = i.inhparent where p.relname in ('visits', 'visit_events')"
            + " and c.relname ~ '_[0-9]{8}$' order by c.relname";
    private static final String SHORTER_SITES = "select id, retention_days from sites"
            + " where retention_days is not null and retention_days < $1";
    private static final String DELETE_SITE_VISITS = "delete from visits where site_id = $1 and entered_at < $2";
    private static final String DELETE_SITE_EVENTS = "delete from visit_events where site_id = $1 and occurred_at < $2";
    private static final String DELETE_DEFAULT_VISITS = "delete from visits_default where entered_at < $1";
    private static final String DELETE_DEFAULT_EVENTS = "delete from visit_events_default where recorded_at < $1";
    private static final String DELETE_VISITORS = "delete from visitors v where v.last_seen_at < $1"
            + " and not exists (select 1 from visits x where x.visitor_id = v.id)";
    private static final String DELETE_STALE = "delete from sessions where expires_at < now() - interval '1 day';"
            + " delete from event_tickets where expires_at < now()";

    /** What one purge removed. */
    public record Purge(int partitions, long siteRows, long visitors) {
    }

    private final Pool pool;
    private final DailyStatsJob figures;
    private final Clock clock;
    private final int retentionDays;
    private long timer = -1;

    public Retention(Pool pool, DailyStatsJob figures, Clock clock, int retentionDays) {
        this.pool = pool;
        this.figures = figures;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Override
    public Future<?> start() {
        vertx.setTimer(60_000, t -> purge()
                .onFailure(e -> log.warn("Retention purge failed ({}); will retry", e.getClass().getSimpleName())));
        timer = vertx.setPeriodic(PERIOD_MS, t -> purge()
                .onFailure(e -> log.warn("Retention purge failed ({}); will retry", e.getClass().getSimpleName())));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    public Future<Purge> purge() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minusDays(retentionDays);
        LocalDate firstKept = cutoff.toLocalDate();
        return pool.query(PARTITIONS).execute().compose(rows -> {
            List<String> expired = new ArrayList<>();
            LocalDate oldest = firstKept;
            for (Row r : rows) {
                String name = r.getString(0);
                LocalDate day = LocalDate.parse(name.substring(name.length() - 8), SUFFIX);
                if (day.isBefore(firstKept)) {
                    expired.add(name);
                    oldest = day.isBefore(oldest) ? day : oldest;
                }
            }
            if (expired.isEmpty()) {
                return Future.succeededFuture(0);
            }
            // A UTC day holds parts of two local days: keep the figures of both sides first.
            return figures.keepDays(oldest.minusDays(1), firstKept.plusDays(1)).compose(kept -> {
                if (kept < 0) {
                    return Future.succeededFuture(0); // figures busy elsewhere: drop next round
                }
                Future<Void> chain = Future.succeededFuture();
                for (String table : expired) {
                    chain = chain.compose(v -> drop(table, 0));
                }
                return chain.map(expired.size());
            });
        }).compose(partitions -> pool.preparedQuery(DELETE_DEFAULT_VISITS).execute(Tuple.of(cutoff))
                .compose(r -> pool.preparedQuery(DELETE_DEFAULT_EVENTS).execute(Tuple.of(cutoff)))
                .compose(r -> shorterSites(now))
                .compose(siteRows -> pool.preparedQuery(DELETE_VISITORS).execute(Tuple.of(cutoff))
                        .map(v -> new Purge(partitions, siteRows, v.rowCount()))))
                .compose(purge -> pool.query(DELETE_STALE).execute().map(purge))
                .onSuccess(p -> log.info("Retention purge ({} days): {} daily partitions dropped, {} rows of sites with"
                        + " a shorter period deleted, {} visitors without visits removed", retentionDays, p.partitions(),
                        p.siteRows(), p.visitors()));
    }

    /**
     * Drops one partition without stalling check-ins: DROP needs an ACCESS EXCLUSIVE lock on the parent, and
     * while it waits for a long reader (a report, the daily figures) every check-in queues behind it. The
     * benchmark measured a 7.4 s check-in stall that way; with a short lock_timeout the drop gives way and
     * tries again a moment later.
     */
    private Future<Void> drop(String table, int attempt) {
        return pool.withTransaction(tx -> tx.query("set local lock_timeout = '" + LOCK_TIMEOUT_MS + "ms'").execute()
                        .compose(x -> tx.query("drop table if exists " + table).execute()))
                .<Void>mapEmpty()
                .recover(t -> {
                    if (t instanceof io.vertx.pgclient.PgException pg && "55P03".equals(pg.getSqlState())
                            && attempt < DROP_ATTEMPTS && vertx != null) {
                        return vertx.timer(100 + (long) (Math.random() * 200)).compose(x -> drop(table, attempt + 1));
                    }
                    return Future.failedFuture(t);
                });
    }

    private Future<Long> shorterSites(OffsetDateTime now) {
        return pool.preparedQuery(SHORTER_SITES).execute(Tuple.of(retentionDays)).compose(rows -> {
            Future<Long> chain = Future.succeededFuture(0L);
            for (Row r : rows) {
                long site = r.getLong("id");
                OffsetDateTime siteCutoff = now.minusDays(r.getInteger("retention_days"));
                chain = chain.compose(n -> figures.keepDays(siteCutoff.toLocalDate().minusDays(3),
                                siteCutoff.toLocalDate().plusDays(1))
                        .compose(kept -> kept < 0
                                ? Future.succeededFuture(n) // figures busy elsewhere: this site's rows go next round
                                : pool.preparedQuery(DELETE_SITE_VISITS).execute(Tuple.of(site, siteCutoff))
                                        .compose(v -> pool.preparedQuery(DELETE_SITE_EVENTS)
                                                .execute(Tuple.of(site, siteCutoff))
                                                .map(e -> n + v.rowCount() + e.rowCount()))));
            }
            return chain;
        });
    }
}
