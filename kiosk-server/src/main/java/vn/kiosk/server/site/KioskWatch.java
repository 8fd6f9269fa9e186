package vn.kiosk.server.site;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.metrics.KioskMetrics;

/**
 * Watches the kiosk fleet: a paired kiosk silent for longer than the
 * threshold raises one {@code kiosk_silent} event on its site's stream per
 * silence (the UPDATE that marks it hands each silence to exactly one
 * server instance), and the fleet gauges are refreshed.
 */
public final class KioskWatch extends VerticleBase {
    public static final String SILENT = "kiosk_silent";
    public static final String BACK = "kiosk_online";
    private static final Logger log = LoggerFactory.getLogger(KioskWatch.class);

    private static final String MARK_SILENT = "update kiosks set silent_alerted_for = last_seen_at"
            + " where paired_at is not null and revoked_at is null"
            + " and last_seen_at < now() - make_interval(secs => $1)"
            + " and silent_alerted_for is distinct from last_seen_at"
            + " returning id, site_id, name, gate, last_seen_at, extract(epoch from now() - last_seen_at)::bigint as silent";
    private static final String FLEET = "select count(*) filter (where paired_at is not null and revoked_at is null) as paired,"
            + " count(*) filter (where paired_at is not null and revoked_at is null"
            + " and last_seen_at > now() - make_interval(secs => $1)) as online,"
            + " coalesce(sum(queued) filter (where paired_at is not null and revoked_at is null), 0) as queued"
            + " from kiosks";

    private final Pool pool;
    private final EventRelay relay;
    private final int silentSeconds;
    private final int onlineSeconds;
    private final AtomicLong paired = new AtomicLong();
    private final AtomicLong online = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private long timer = -1;

    public KioskWatch(Pool pool, EventRelay relay, int silentSeconds, int onlineSeconds, MeterRegistry registry) {
        this.pool = pool;
        this.relay = relay;
        this.silentSeconds = silentSeconds;
        this.onlineSeconds = onlineSeconds;
        KioskMetrics.gauge(registry, "kiosk.kiosks.paired", "Paired kiosks that are not revoked", paired::get);
        KioskMetrics.gauge(registry, "kiosk.kiosks.online", "Paired kiosks heard from in the last "
                + onlineSeconds + " s", online::get);
        KioskMetrics.gauge(registry, "kiosk.kiosks.queued.checkins", "Check-ins waiting in kiosks' offline queues,"
                + " as their last heartbeats said", queued::get);
    }

    /** Often enough that an alert comes at most a quarter of the threshold late; never busier than once a second. */
    long periodMillis() {
        return Math.max(1000, Math.min(30_000, silentSeconds * 250L));
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(0, periodMillis(), t -> tick());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    Future<Void> tick() {
        Future<Void> alerts = pool.preparedQuery(MARK_SILENT).execute(Tuple.of(silentSeconds)).compose(rows -> {
            Future<Void> all = Future.succeededFuture();
            for (Row r : rows) {
                log.warn("Kiosk {} of site {} has been silent for {} s", r.getLong("id"), r.getLong("site_id"), r.getLong("silent"));
                JsonObject event = new JsonObject().put("type", SILENT).put("siteId", r.getLong("site_id"))
                        .put("kioskId", r.getLong("id")).put("name", r.getString("name")).put("gate", r.getString("gate"))
                        .put("lastSeenAt", r.getOffsetDateTime("last_seen_at").toString())
                        .put("silentSeconds", r.getLong("silent"));
                all = all.compose(x -> relay.publish(event));
            }
            return all;
        });
        Future<Void> gauges = pool.preparedQuery(FLEET).execute(Tuple.of(onlineSeconds)).map(rows -> {
            Row r = rows.iterator().next();
            paired.set(r.getLong("paired"));
            online.set(r.getLong("online"));
            queued.set(r.getLong("queued"));
            return null;
        });
        return Future.join(alerts, gauges).<Void>mapEmpty()
                .onFailure(t -> log.warn("Kiosk fleet check failed ({}); trying again in {} ms", t.getClass().getSimpleName(),
                        periodMillis()));
    }

    /** The event a heartbeat sends when it ends a silence that was alerted. */
    public static JsonObject back(long siteId, long kioskId, String name, String gate, String lastSeenAt) {
        return new JsonObject().put("type", BACK).put("siteId", siteId).put("kioskId", kioskId).put("name", name)
                .put("gate", gate).put("lastSeenAt", lastSeenAt);
    }
}
