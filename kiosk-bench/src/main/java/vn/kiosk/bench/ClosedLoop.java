package vn.kiosk.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop check-ins, as a busy gate makes them: {@code connections} clients (guards at their consoles), each on
 * its own keep-alive connection, each sending its next check-in the moment the previous one is answered. Every
 * check-in is a new typed visitor (so each is an entry, never a repeat), from a signed-in guard. Latency is from send
 * to answer; the rate counts answered check-ins (201), and the caller counts the rows that landed.
 */
final class ClosedLoop {
    /** Latencies in microseconds. */
    record Result(int connections, double seconds, long ok, long errors, Histogram latency) {
        double perSecond() {
            return ok / seconds;
        }

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** A signed-in guard: bearer token and the site they work at. */
    record Guard(String token, long siteId) {
    }

    private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000) * 1_000L);

    private ClosedLoop() {
    }

    /** Runs {@code connections} closed loops against {@code port} for {@code seconds}; guards are taken in turn. */
    static Result run(Vertx vertx, int port, List<Guard> guards, int connections, double seconds) throws Exception {
        HttpClientAgent client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true)
                        .setTcpNoDelay(true).setConnectTimeout(5_000).setIdleTimeout(300))
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1))
                .build();
        try {
            Recorder recorder = new Recorder(3);
            LongAdder ok = new LongAdder();
            LongAdder errors = new LongAdder();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<Void>> loops = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Guard g = guards.get(i % guards.size());
                Promise<Void> done = Promise.promise();
                loops.add(done.future());
                next(client, g, end, recorder, ok, errors, done);
            }
            Future.all(loops).await((long) seconds + 60, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(connections, elapsed, ok.sum(), errors.sum(), recorder.getIntervalHistogram());
        } finally {
            client.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void next(HttpClientAgent client, Guard g, long end, Recorder recorder, LongAdder ok,
                             LongAdder errors, Promise<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete();
            return;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long phone = PHONES.incrementAndGet();
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"direction\":\"auto\",\"siteId\":" + g.siteId()
                + ",\"visitor\":{\"name\":\"" + LoadGenerator.name(r) + "\",\"phone\":\""
                + LoadGenerator.PREFIX[(int) (phone % LoadGenerator.PREFIX.length)]
                + String.format("%07d", (phone / LoadGenerator.PREFIX.length) % 10_000_000L)
                + "\"},\"bluezone\":{\"status\":\"declared\"}}";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/checkins")
                .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + g.token());
        long sent = System.nanoTime();
        client.request(options)
                .compose(req -> req.send(Buffer.buffer(body)).compose(resp -> resp.body().map(x -> resp.statusCode())))
                .onComplete(ar -> {
                    recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                    if (ar.succeeded() && ar.result() == 201) {
                        ok.increment();
                    } else {
                        errors.increment();
                    }
                    next(client, g, end, recorder, ok, errors, done);
                });
    }
}
