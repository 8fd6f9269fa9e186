package vn.kiosk.server.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines Vert.x's idle timeout cannot give: a client that trickles one
 * byte every few seconds is never idle. A connection must deliver a
 * request's complete headers within the header timeout (counted from when it
 * opened, or from when its previous answer was seen finished) and the body
 * within the body timeout after the headers; otherwise it is closed. A request
 * whose body has arrived is the server's to answer and is never cut here (an
 * SSE stream, a check-in waiting for the database). HTTP/2 connections carry
 * many streams and are left to the idle timeout once their first request came.
 *
 * <p>One guard per HTTP server; every handler runs on that server's event
 * loop, so the table needs no locking. A sweep once a second checks the
 * deadlines.
 */
public final class SlowClientGuard {
    private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);
    private static final AtomicLong CUT = new AtomicLong();

    private final Vertx vertx;
    private final long headerNanos;
    private final long bodyNanos;
    private final Map<HttpConnection, State> connections = new HashMap<>();
    private long timer = -1;

    private static final class State {
        HttpServerRequest current;
        long since = System.nanoTime();
    }

    public SlowClientGuard(Vertx vertx, HttpLimits limits) {
        this.vertx = vertx;
        this.headerNanos = limits.headerTimeoutSeconds() * 1_000_000_000L;
        this.bodyNanos = limits.bodyTimeoutSeconds() * 1_000_000_000L;
    }

    /** Connections cut by this process so far for being too slow. */
    public static long cutCount() {
        return CUT.get();
    }

    public HttpServer install(HttpServer server, Handler<HttpServerRequest> handler) {
        server.connectionHandler(conn -> {
            connections.put(conn, new State());
            conn.closeHandler(v -> connections.remove(conn));
            if (timer < 0) {
                timer = vertx.setPeriodic(1000, t -> sweep());
            }
        });
        return server.requestHandler(req -> {
            State s = connections.get(req.connection());
            if (s != null) {
                if (req.version() == HttpVersion.HTTP_2) {
                    connections.remove(req.connection());
                } else {
                    s.current = req;
                    s.since = System.nanoTime();
                }
            }
            handler.handle(req);
        });
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<HttpConnection, State>> it = connections.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<HttpConnection, State> e = it.next();
            State s = e.getValue();
            String slow = null;
            if (s.current == null) {
                if (now - s.since > headerNanos) {
                    slow = "headers";
                }
            } else if (!s.current.isEnded()) {
                if (now - s.since > bodyNanos) {
                    slow = "body";
                }
            } else if (s.current.response().ended()) {
                // answered: the next request's headers are due from about now
                s.current = null;
                s.since = now;
            }
            if (slow != null) {
                it.remove();
                long n = CUT.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    // 1, 2, 4, 8, …: an attack does not flood the log
                    log.info(slow.equals("headers")
                            ? "Closed a connection with no complete request headers in {} s: idle, or trickling them"
                              + " ({} such so far)"
                            : "Closed a connection whose request body did not arrive in {} s ({} such so far)",
                            (slow.equals("headers") ? headerNanos : bodyNanos) / 1_000_000_000L, n);
                }
                e.getKey().close();
            }
        }
    }
}
