package vn.kiosk.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.events.Events;

/**
 * Periodic upkeep: daily partitions kept ahead of time, and open visits past
 * their site's closing time or maximum stay closed as inferred exits.
 */
public final class Housekeeping extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final long PERIOD_MS = 30_000;

    private final Pool pool;
    private final EventRelay relay;
    private final Clock clock;
    private long timer;

    public Housekeeping(Pool pool, EventRelay relay, Clock clock) {
        this.pool = pool;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(PERIOD_MS, t -> runOnce());
        return ensurePartitions();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** Partitions from four days back (offline replays reach 72 h) to a week ahead. */
    public Future<Void> ensurePartitions() {
        return pool.preparedQuery("select kiosk_ensure_partitions(($1::timestamptz at time zone 'UTC')::date - 4, 12)")
                .execute(Tuple.of(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)))
                .mapEmpty();
    }

    public Future<Integer> closeOverdue() {
        return pool.preparedQuery("select * from kiosk_close_overdue($1, $2)")
                .execute(Tuple.of(OffsetDateTime.now(clock), relay.origin()))
                .map(rows -> {
                    for (Row r : rows) {
                        // the function sent the other instances the same events (NOTIFY, on its commit)
                        relay.publishLocally(new Events.Event(Events.CHECKOUT, r.getLong("site_id"),
                                r.getUUID("visit_id").toString(), r.getLong("visitor_id"), null,
                                r.getOffsetDateTime("exited_at").toString(), "inferred", null, null, true, -1, false));
                    }
                    if (rows.size() > 0) {
                        log.info("Closed {} overdue visits as inferred exits", rows.size());
                    }
                    return rows.size();
                });
    }

    private void runOnce() {
        ensurePartitions().compose(v -> closeOverdue())
                .onFailure(t -> log.warn("Housekeeping round failed ({}); will retry", t.getClass().getSimpleName()));
    }
}
