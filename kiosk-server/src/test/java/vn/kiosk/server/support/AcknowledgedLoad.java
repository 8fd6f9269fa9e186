package vn.kiosk.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Check-ins sent by many clients while something fails, remembering which were
 * acknowledged; afterwards, retries of the rest (same ids) and a count of what
 * the log holds: every acknowledged one exactly once, no duplicates.
 */
public final class AcknowledgedLoad {
    private final Map<String, JsonObject> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, java.util.concurrent.atomic.LongAdder> statuses = new ConcurrentHashMap<>();
    /** {sent at (nanoTime), latency in µs} of each acknowledged check-in. */
    private final java.util.Queue<long[]> latencyMicros = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final long site;

    public AcknowledgedLoad(Api api, long site, int clients) {
        this(api, site, clients, 0);
    }

    /**
     * {@code perClientPerSecond} > 0 paces each client on a fixed schedule (open loop: a slow answer
     * does not delay the next send beyond its slot); 0 sends as fast as the answers come.
     */
    public AcknowledgedLoad(Api api, long site, int clients, int perClientPerSecond) {
        this.site = site;
        this.pool = Executors.newFixedThreadPool(clients);
        long period = perClientPerSecond > 0 ? 1_000_000_000L / perClientPerSecond : 0;
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long slot = System.nanoTime();
                for (int i = 0; running.get(); i++) {
                    if (period > 0) {
                        slot += period;
                        java.util.concurrent.locks.LockSupport.parkNanos(slot - System.nanoTime());
                    }
                    String id = UUID.randomUUID().toString();
                    JsonObject body = new JsonObject().put("id", id).put("siteId", site).put("direction", "in")
                            .put("visitor", Api.visitor("Hành khách " + client + "-" + i,
                                    String.format("09%02d%06d", 10 + client, i)));
                    bodies.put(id, body);
                    long t0 = System.nanoTime();
                    try {
                        Api.Response r = api.post("/api/v1/checkins", body.copy());
                        statuses.computeIfAbsent(r.status(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
                        if (r.status() == 201 || r.status() == 200) {
                            acknowledged.put(id, r.json().getString("visitId"));
                            latencyMicros.add(new long[] {t0, (System.nanoTime() - t0) / 1000});
                        } else {
                            backOff();
                        }
                    } catch (RuntimeException e) {
                        // no answer: not acknowledged, retried later
                        statuses.computeIfAbsent(0, k -> new java.util.concurrent.atomic.LongAdder()).increment();
                        backOff();
                    }
                }
            });
        }
    }

    /** A refused or unanswered client waits a little, as a kiosk does, instead of spinning. */
    private static void backOff() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    /** The visit ids acknowledged so far (a copy). */
    public java.util.Set<String> acknowledgedVisitIds() {
        return new java.util.HashSet<>(acknowledged.values());
    }

    public int sentCount() {
        return bodies.size();
    }

    /** How many answers of each status the load got (0: no answer). */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        statuses.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** "p50 … ms, p99 … ms, max … ms" of the acknowledged check-ins. */
    public String latencies() {
        return latencies(l -> true);
    }

    /** The same, of the check-ins sent between two {@link System#nanoTime()} readings. */
    public String latencies(long fromNanos, long toNanos) {
        return latencies(l -> l[0] - fromNanos >= 0 && toNanos - l[0] > 0);
    }

    private String latencies(java.util.function.Predicate<long[]> which) {
        long[] v = latencyMicros.stream().filter(which).mapToLong(l -> l[1]).sorted().toArray();
        if (v.length == 0) {
            return "no acknowledged check-ins";
        }
        return String.format("%d check-ins: p50 %.1f ms, p99 %.1f ms, max %.1f ms", v.length, v[v.length / 2] / 1000.0,
                v[Math.min(v.length - 1, (int) (v.length * 0.99))] / 1000.0, v[v.length - 1] / 1000.0);
    }

    public void stop() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Retries everything with the same ids, then checks the log; prints what it counted. */
    public void verify(Api api, String label) {
        int retried = 0;
        for (Map.Entry<String, JsonObject> e : bodies.entrySet()) {
            Api.Response r = api.post("/api/v1/checkins", e.getValue().copy());
            assertThat(r.status()).isIn(200, 201);
            if (acknowledged.containsKey(e.getKey())) {
                assertThat(r.status()).as("an acknowledged id replays").isEqualTo(200);
                assertThat(r.json().getString("visitId")).isEqualTo(acknowledged.get(e.getKey()));
            } else {
                retried++;
            }
        }
        Map<String, Integer> stored = new HashMap<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/sites/" + site + "/visits?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            for (Object o : page.items()) {
                stored.merge(((JsonObject) o).getString("id"), 1, Integer::sum);
            }
            cursor = page.json().getString("next");
        } while (cursor != null);
        long duplicates = stored.values().stream().filter(n -> n > 1).count();
        long lost = acknowledged.values().stream().filter(v -> !stored.containsKey(v)).count();
        System.out.printf("%s: sent %d, acknowledged %d, retried %d, stored %d, duplicates: %d, lost: %d%n",
                label, bodies.size(), acknowledged.size(), retried, stored.size(), duplicates, lost);
        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        assertThat(stored).hasSize(bodies.size());
    }
}
