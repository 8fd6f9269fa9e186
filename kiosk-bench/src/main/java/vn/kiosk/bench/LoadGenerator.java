package vn.kiosk.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop check-in load: requests leave on a fixed schedule whatever the
 * server does, and each latency is measured from the moment the request was
 * due, not from when it could be sent, so a stalled server is charged for every
 * request that waited (no coordinated omission). The simulated devices — paired
 * kiosks with their device tokens and signed-in guards — are split between
 * lanes, one per event loop, each with its own connections.
 */
final class LoadGenerator implements AutoCloseable {
    /** A kiosk (device token, its site implied) or a guard (session token and the site they work at). */
    record Device(String token, long siteId, boolean guard) {
    }

    /** What one phase measured. Latencies in microseconds. */
    /** {@code failures}: why requests got no answer (status -1), by the client's exception and message. */
    record Result(double offeredPerSecond, double seconds, long sent, long ok, long errors, Map<Integer, Long> statuses,
                  Map<String, Long> failures, Histogram latency, double okPerSecond, long unfinished) {
        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
        }
    }

    /** Hook for a phase that needs its own requests on the same schedule (the SSE probe). */
    interface Extra {
        /** Called on a lane's event loop once per millisecond tick. */
        void tick(Lane lane, long nowNanos);
    }

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"};
    static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương",
            "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo",
            "Trang", "Trung", "Tuấn", "Vy", "Yến", "Đạt"};
    static final String[] PREFIX = {"090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "035", "070",
            "077", "079", "081", "083"};
    static final int PHONE_POOL = 1_000_000;

    private final Vertx vertx;
    private final int port;
    private final List<Device> devices;
    private final int connections;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();

    LoadGenerator(Vertx vertx, int port, List<Device> devices, int lanes, int connections) {
        this.vertx = vertx;
        this.port = port;
        this.devices = devices;
        this.connections = connections;
        for (int i = 0; i < lanes; i++) {
            List<Device> mine = new ArrayList<>();
            for (int d = i; d < devices.size(); d += lanes) {
                mine.add(devices.get(d));
            }
            this.lanes.add(new Lane(mine, Math.max(1, connections / lanes)));
        }
    }

    void start() throws Exception {
        for (Lane lane : lanes) {
            deployments.add(vertx.deployVerticle(lane).await(30, TimeUnit.SECONDS));
        }
    }

    /** Sends at {@code perSecond} for {@code seconds}, then waits up to {@code drainSeconds} for answers. */
    Result run(double perSecond, double seconds, double drainSeconds, Extra extra) throws Exception {
        Recorder recorder = new Recorder(3);
        Stats stats = new Stats(recorder);
        // Past two seconds' worth of requests waiting, the server is overloaded anyway: further requests are
        // counted as shed (errors) instead of queued, so the next phase does not start behind a backlog.
        stats.maxInFlight = (long) Math.max(2_000, perSecond * 2);
        long start = System.nanoTime() + 20_000_000L;
        long total = (long) (perSecond * seconds);
        List<Future<Void>> done = new ArrayList<>();
        int n = lanes.size();
        for (int i = 0; i < n; i++) {
            Lane lane = lanes.get(i);
            long share = total / n + (i < total % n ? 1 : 0);
            Promise<Void> p = Promise.promise();
            lane.context().runOnContext(v -> lane.begin(start, perSecond / n, share, stats, extra, p));
            done.add(p.future());
        }
        long end = start + (long) (seconds * 1e9);
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        double window = (System.nanoTime() - start) / 1e9;
        Future.all(done).await((long) (5 + seconds), TimeUnit.SECONDS);
        long drainEnd = System.nanoTime() + (long) (drainSeconds * 1e9);
        while (stats.inFlight.get() > 0 && System.nanoTime() < drainEnd) {
            Thread.sleep(5);
        }
        long unfinished = stats.inFlight.get();
        Histogram h = recorder.getIntervalHistogram();
        // Sustained rate: all answers over the time until the last one (longer than the window when the server fell behind).
        double busy = Math.max(window, (stats.lastAnswer.get() - start) / 1e9);
        return new Result(perSecond, window, stats.sent.get(), stats.ok.sum(), stats.errors.sum(),
                Map.copyOf(stats.statuses), Map.copyOf(stats.failures), h, stats.ok.sum() / busy, unfinished);
    }

    List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void close() {
        for (String id : deployments) {
            try {
                vertx.undeploy(id).await(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // the client pool is going away with the run
            }
        }
        deployments.clear();
    }

    static final class Stats {
        final Recorder recorder;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong lastAnswer = new AtomicLong();
        final LongAdder shed = new LongAdder();
        volatile long maxInFlight = Long.MAX_VALUE;
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        final Map<String, Long> failures = new ConcurrentHashMap<>();

        Stats(Recorder recorder) {
            this.recorder = recorder;
        }
    }

    static String phone(int i) {
        return PREFIX[i % PREFIX.length] + String.format("%07d", (i * 7_919L) % 10_000_000L);
    }

    static String name(ThreadLocalRandom r) {
        return FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " "
                + GIVEN[r.nextInt(GIVEN.length)];
    }

    /** One event loop's share of the devices and of the schedule. */
    final class Lane extends VerticleBase {
        private final List<Device> mine;
        private final int poolSize;
        private final List<ArrayDeque<String[]>> inside = new ArrayList<>();
        private HttpClientAgent client;
        private long timer = -1;

        Lane(List<Device> mine, int poolSize) {
            this.mine = mine;
            this.poolSize = poolSize;
            for (int i = 0; i < mine.size(); i++) {
                inside.add(new ArrayDeque<>());
            }
        }

        @Override
        public Future<?> start() {
            // A connection left unused for 5 s is closed here: the server closes one that has sent no request for
            // its header timeout (10 s, slow-client protection), and a request sent just as it does fails
            // (HttpClosedException). A browser sends such a request again on a new connection; this client does not.
            client = vertx.httpClientBuilder()
                    .with(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true)
                            .setKeepAliveTimeout(5).setTcpNoDelay(true).setConnectTimeout(5_000).setIdleTimeout(300))
                    .with(new PoolOptions().setHttp1MaxSize(poolSize).setMaxWaitQueueSize(-1))
                    .build();
            return Future.succeededFuture();
        }

        @Override
        public Future<?> stop() {
            return client.close();
        }

        io.vertx.core.Context context() {
            return context;
        }

        void begin(long start, double perSecond, long total, Stats stats, Extra extra, Promise<Void> done) {
            double nanosPerRequest = 1e9 / perSecond;
            long[] sent = {0};
            timer = vertx.setPeriodic(1, t -> {
                long now = System.nanoTime();
                if (extra != null) {
                    extra.tick(this, now);
                }
                if (now < start) {
                    return;
                }
                long due = Math.min(total, (long) ((now - start) / nanosPerRequest) + 1);
                while (sent[0] < due) {
                    long intended = start + (long) (sent[0] * nanosPerRequest);
                    sent[0]++;
                    checkIn(intended, stats);
                }
                if (sent[0] >= total) {
                    vertx.cancelTimer(timer);
                    done.complete();
                }
            });
        }

        private void checkIn(long intended, Stats stats) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int d = r.nextInt(mine.size());
            Device device = mine.get(d);
            ArrayDeque<String[]> in = inside.get(d);
            String[] visitor;
            boolean leaving = in.size() > 8 && r.nextInt(100) < 45;
            if (leaving) {
                visitor = in.poll();
            } else {
                visitor = new String[] {name(r), phone(r.nextInt(PHONE_POOL))};
                if (in.size() < 200) {
                    in.add(visitor);
                }
            }
            // Leaving says so: an auto check-in seconds after the entry is "already checked in" (409), not an exit.
            send(device, visitor[0], visitor[1], leaving ? "out" : "auto", intended, stats, null);
        }

        /** Sends one check-in; {@code onAnswer} (may be null) gets the status. */
        void send(Device device, String name, String phone, long intended, Stats stats,
                  java.util.function.IntConsumer onAnswer) {
            send(device, name, phone, "auto", intended, stats, onAnswer);
        }

        void send(Device device, String name, String phone, String direction, long intended, Stats stats,
                  java.util.function.IntConsumer onAnswer) {
            StringBuilder b = new StringBuilder(200).append("{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"direction\":\"").append(direction).append('"');
            if (device.guard()) {
                b.append(",\"siteId\":").append(device.siteId());
            }
            b.append(",\"visitor\":{\"name\":\"").append(name).append("\",\"phone\":\"").append(phone)
                    .append("\"},\"bluezone\":{\"status\":\"declared\"}}");
            Buffer body = Buffer.buffer(b.toString());
            if (stats != null && stats.inFlight.get() >= stats.maxInFlight) {
                stats.sent.incrementAndGet();
                stats.shed.increment();
                stats.errors.increment();
                stats.statuses.merge(0, 1L, Long::sum);
                return;
            }
            if (stats != null) {
                stats.sent.incrementAndGet();
                stats.inFlight.incrementAndGet();
            }
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/checkins")
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Authorization", "Bearer " + device.token());
            client.request(options)
                    .compose(req -> req.send(body).compose(resp -> resp.body().map(x -> resp.statusCode())))
                    .onComplete(ar -> {
                        long micros = (System.nanoTime() - intended) / 1_000;
                        int status = ar.succeeded() ? ar.result() : -1;
                        if (stats != null && ar.failed()) {
                            String why = ar.cause().getClass().getSimpleName() + ": " + ar.cause().getMessage();
                            stats.failures.merge(why.length() > 120 ? why.substring(0, 120) : why, 1L, Long::sum);
                        }
                        if (stats != null) {
                            stats.inFlight.decrementAndGet();
                            stats.lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                            stats.recorder.recordValue(Math.max(1, micros));
                            if (status == 200 || status == 201) {
                                stats.ok.increment();
                            } else {
                                stats.errors.increment();
                                stats.statuses.merge(status, 1L, Long::sum);
                            }
                        }
                        if (onAnswer != null) {
                            onAnswer.accept(status);
                        }
                    });
        }
    }
}
