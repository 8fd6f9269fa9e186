package vn.kiosk.server.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many people are inside each site, counted in memory from the events this instance sees — its own and,
 * through {@link EventRelay}, every other instance's — and stamped on each event as {@code inside}, so that
 * consoles keep their count and list without asking the database after every event.
 *
 * <p>Each event carries its {@code presence} delta (+1 in, -1 out, 0 otherwise; V41). A site is counted from
 * the moment someone asks for it (an occupancy request, an event stream opened): its count is then read once
 * from {@code presence}. A count may be off for a moment — an event committed while that read ran, events of an
 * instance still on the previous release (no delta), notifications lost while the relay reconnected — so a site
 * whose count changed is counted again from {@code presence} once it has been quiet for {@link #QUIET_MS}: once
 * load stops, every count equals the SQL count.
 */
public final class Occupancy {
    private static final Logger log = LoggerFactory.getLogger(Occupancy.class);
    static final long QUIET_MS = 1_000;
    private static final int CHECK_BATCH = 1_000;
    private static final String COUNT = "select site_id, count(*)::int as n from presence"
            + " where site_id = any($1) group by site_id";

    private final Vertx vertx;
    private final Pool pool;
    private final Map<Long, Count> sites = new ConcurrentHashMap<>();
    private final Counter corrections;
    private long timer = -1;

    /** One site's count; guarded by its own monitor. */
    private static final class Count {
        int inside;
        boolean known;
        /** Events applied so far: a database count is taken as is only if none arrived while it ran. */
        long changes;
        long checkedAt = -1;
        long lastChange;
        Future<Integer> loading;
    }

    public Occupancy(Vertx vertx, Pool pool, MeterRegistry registry) {
        this.vertx = vertx;
        this.pool = pool;
        this.corrections = Counter.builder("kiosk.occupancy.corrections")
                .description("Sites whose in-memory count of people inside differed from presence when checked")
                .register(registry);
        registry.gauge("kiosk.occupancy.sites", sites, Map::size);
    }

    public void start() {
        timer = vertx.setPeriodic(QUIET_MS / 2, t -> checkQuietSites());
    }

    public void stop() {
        vertx.cancelTimer(timer);
    }

    /** The count of people inside {@code siteId}; read from the database the first time. */
    public Future<Integer> inside(long siteId) {
        Count c = sites.computeIfAbsent(siteId, id -> new Count());
        synchronized (c) {
            if (c.known) {
                return Future.succeededFuture(c.inside);
            }
            if (c.loading == null) {
                long before = c.changes;
                c.loading = count(List.of(siteId)).map(counts -> {
                    int n = counts.getOrDefault(siteId, 0);
                    synchronized (c) {
                        c.inside = n;
                        c.known = true;
                        // Events that arrived meanwhile may or may not be in n: count again when quiet.
                        c.checkedAt = c.changes == before ? before : -1;
                        c.loading = null;
                        return c.inside;
                    }
                }).onFailure(e -> {
                    synchronized (c) {
                        c.loading = null;
                    }
                });
            }
            return c.loading;
        }
    }

    /** Applies an event's delta and stamps the site's count on it (when this instance counts that site). */
    void apply(JsonObject event) {
        Long siteId = event.getLong("siteId");
        Count c = siteId == null ? null : sites.get(siteId);
        if (c == null) {
            return;
        }
        Object presence = event.getValue("presence");
        boolean noDelta = !(presence instanceof Number);
        if (noDelta && !isVisitEvent(event)) {
            return; // not about who is inside (a kiosk gone silent, say)
        }
        synchronized (c) {
            int delta = noDelta ? 0 : ((Number) presence).intValue();
            if (delta != 0 || noDelta) {
                c.changes++;
                c.lastChange = System.nanoTime();
                if (noDelta) {
                    c.checkedAt = -1; // an event of an instance on the previous release: count again when quiet
                }
            }
            if (c.known) {
                c.inside = Math.max(0, c.inside + delta);
                event.put("inside", c.inside);
            }
        }
    }

    /** After the relay reconnects: notifications sent meanwhile are lost, so every count is checked again. */
    void recheckAll() {
        for (Count c : sites.values()) {
            synchronized (c) {
                c.checkedAt = -1;
                c.lastChange = System.nanoTime() - QUIET_MS * 1_000_000;
            }
        }
    }

    private static boolean isVisitEvent(JsonObject event) {
        String type = event.getString("type");
        return Events.CHECKIN.equals(type) || Events.CHECKOUT.equals(type);
    }

    private void checkQuietSites() {
        long now = System.nanoTime();
        Map<Long, Long> due = new HashMap<>();
        sites.forEach((id, c) -> {
            synchronized (c) {
                if (c.known && c.changes != c.checkedAt && now - c.lastChange >= QUIET_MS * 1_000_000) {
                    due.put(id, c.changes);
                }
            }
        });
        List<Long> ids = new ArrayList<>(due.keySet());
        for (int i = 0; i < ids.size(); i += CHECK_BATCH) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + CHECK_BATCH));
            count(part).onSuccess(counts -> part.forEach(id -> settle(id, due.get(id), counts.getOrDefault(id, 0))))
                    .onFailure(e -> log.debug("Checking occupancy counts failed ({}); will retry", e.getClass().getSimpleName()));
        }
    }

    private void settle(long siteId, long changesBefore, int counted) {
        Count c = sites.get(siteId);
        synchronized (c) {
            if (c.changes != changesBefore) {
                return; // an event arrived while counting: wait until the site is quiet again
            }
            if (c.inside != counted) {
                corrections.increment();
                log.debug("Occupancy of site {} corrected from {} to {}", siteId, c.inside, counted);
                c.inside = counted;
            }
            c.checkedAt = changesBefore;
        }
    }

    private Future<Map<Long, Integer>> count(List<Long> siteIds) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(siteIds.toArray(Long[]::new))).map(rows -> {
            Map<Long, Integer> counts = new HashMap<>();
            for (Row r : rows) {
                counts.put(r.getLong("site_id"), r.getInteger("n"));
            }
            return counts;
        });
    }
}
