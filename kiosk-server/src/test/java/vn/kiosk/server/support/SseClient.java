package vn.kiosk.server.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a text/event-stream in the background, one {@link Event} per event. */
public final class SseClient implements AutoCloseable {
    public record Event(String type, JsonObject data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int status;

    public SseClient(String url, String bearer) {
        reader = new Thread(() -> read(url, bearer), "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int awaitConnected() throws InterruptedException {
        connected.await(10, TimeUnit.SECONDS);
        return status;
    }

    /** Whether the server ended the stream within the time. */
    public boolean awaitEnded(long timeoutMillis) throws InterruptedException {
        return ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public Event next(long timeoutMillis) throws InterruptedException {
        return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void read(String url, String bearer) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(b.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = r.statusCode();
            connected.countDown();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String type = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        events.add(new Event(type, new JsonObject(line.substring(6)), System.nanoTime()));
                    }
                }
            }
        } catch (Exception e) {
            connected.countDown();
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
