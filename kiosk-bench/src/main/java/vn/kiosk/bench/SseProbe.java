package vn.kiosk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Many consoles on one site's event stream while check-ins go on: each probe
 * check-in carries a numbered visitor name, and every subscriber's copy of
 * its event is timed from the moment the check-in was due to be sent.
 */
final class SseProbe implements LoadGenerator.Extra {
    static final String MARK = "Dò SSE ";
    private static final byte[] MARK_BYTES = ("\"name\":\"" + MARK).getBytes(StandardCharsets.UTF_8);

    private final Vertx vertx;
    private final int port;
    private final long siteId;
    private final String subscriberToken;
    private final LoadGenerator.Device prober;
    private final long periodNanos;
    private final Recorder recorder = new Recorder(3);
    private final ConcurrentHashMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();
    private final List<HttpClientResponse> streams = new ArrayList<>();
    private HttpClientAgent client;
    private long nextProbe;
    private volatile boolean probing;

    SseProbe(Vertx vertx, int port, long siteId, String subscriberToken, LoadGenerator.Device prober, double perSecond) {
        this.vertx = vertx;
        this.port = port;
        this.siteId = siteId;
        this.subscriberToken = subscriberToken;
        this.prober = prober;
        this.periodNanos = (long) (1e9 / perSecond);
    }

    /** Opens the streams; returns how many are connected. */
    int connect(int subscribers) throws Exception {
        client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true)
                        .setIdleTimeout(0).setConnectTimeout(10_000))
                .with(new PoolOptions().setHttp1MaxSize(subscribers + 10).setMaxWaitQueueSize(-1))
                .build();
        List<Future<?>> opened = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET)
                    .setURI("/api/v1/sites/" + siteId + "/events")
                    .putHeader("Authorization", "Bearer " + subscriberToken).putHeader("Accept", "text/event-stream");
            opened.add(client.request(o).compose(req -> req.send()).map(resp -> {
                if (resp.statusCode() != 200) {
                    throw new IllegalStateException("events answered " + resp.statusCode());
                }
                byte[][] carry = {new byte[0]};
                resp.handler(buf -> scan(carry, buf.getBytes()));
                synchronized (streams) {
                    streams.add(resp);
                }
                connected.incrementAndGet();
                return resp;
            }));
            if (i % 100 == 99) {
                Future.join(opened).await(60, TimeUnit.SECONDS);
            }
        }
        Future.join(opened).await(60, TimeUnit.SECONDS);
        return connected.get();
    }

    private void scan(byte[][] carry, byte[] chunk) {
        long now = System.nanoTime();
        byte[] data = chunk;
        if (carry[0].length > 0) {
            data = new byte[carry[0].length + chunk.length];
            System.arraycopy(carry[0], 0, data, 0, carry[0].length);
            System.arraycopy(chunk, 0, data, carry[0].length, chunk.length);
        }
        int i = 0;
        int consumed = 0;
        while ((i = indexOf(data, MARK_BYTES, i)) >= 0) {
            int j = i + MARK_BYTES.length;
            int n = 0;
            int k = j;
            while (k < data.length && data[k] >= '0' && data[k] <= '9') {
                n = n * 10 + (data[k] - '0');
                k++;
            }
            if (k == data.length) {
                break; // the number may go on in the next chunk
            }
            Long t = sentAt.get(n);
            if (t != null) {
                recorder.recordValue(Math.max(1, (now - t) / 1000));
                delivered.incrementAndGet();
            }
            i = k;
            consumed = k;
        }
        int keep = Math.min(data.length - consumed, 64);
        carry[0] = java.util.Arrays.copyOfRange(data, data.length - keep, data.length);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    void startProbing() {
        nextProbe = System.nanoTime();
        probing = true;
    }

    void stopProbing() {
        probing = false;
    }

    @Override
    public void tick(LoadGenerator.Lane lane, long now) {
        if (!probing || lane != laneOwner(lane)) {
            return;
        }
        while (nextProbe <= now) {
            int n = probes.incrementAndGet();
            sentAt.put(n, nextProbe);
            lane.send(prober, MARK + n, "039" + String.format("%07d", n), nextProbe, null, null);
            nextProbe += periodNanos;
        }
    }

    private LoadGenerator.Lane owner;

    private synchronized LoadGenerator.Lane laneOwner(LoadGenerator.Lane lane) {
        if (owner == null) {
            owner = lane;
        }
        return owner;
    }

    int probesSent() {
        return probes.get();
    }

    long delivered() {
        return delivered.get();
    }

    int connected() {
        return connected.get();
    }

    org.HdrHistogram.Histogram latency() {
        return recorder.getIntervalHistogram();
    }

    void close() throws Exception {
        if (client != null) {
            client.close().await(10, TimeUnit.SECONDS);
        }
    }
}
