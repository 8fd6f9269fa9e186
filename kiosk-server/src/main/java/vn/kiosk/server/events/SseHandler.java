package vn.kiosk.server.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.atomic.AtomicLong;
import vn.kiosk.server.auth.AuthService;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Authenticator;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;

/**
 * A site's events as Server-Sent Events. Opened with the Authorization
 * header, or by a browser EventSource with a single-use ticket that lives a
 * minute, so the long-lived token never appears in a URL.
 */
public final class SseHandler {
    private static final long HEARTBEAT_MS = 20_000;
    private static final String NEW_TICKET = "insert into event_tickets (ticket_hash, site_id, user_id, expires_at)"
            + " values ($1, $2, $3, now() + interval '60 seconds')";
    private static final String REDEEM = "delete from event_tickets where ticket_hash = $1 and site_id = $2"
            + " and expires_at > now() returning user_id";

    private final Vertx vertx;
    private final Pool pool;
    private final SiteAccess access;
    private final AtomicLong open = new AtomicLong();

    public SseHandler(Vertx vertx, Pool pool, SiteAccess access) {
        this.vertx = vertx;
        this.pool = pool;
        this.access = access;
    }

    public long openStreams() {
        return open.get();
    }

    public void ticket(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
        long siteId = Respond.pathLong(ctx, "siteId");
        String ticket = AuthService.randomToken();
        Respond.async(ctx, 201, access.visible(p, siteId)
                .compose(site -> pool.preparedQuery(NEW_TICKET)
                        .execute(Tuple.of(Buffer.buffer(AuthService.sha256(ticket)), siteId, p.id())))
                .map(v -> new JsonObject().put("ticket", ticket).put("expiresInSeconds", 60)));
    }

    public void stream(RoutingContext ctx) {
        long siteId = Respond.pathLong(ctx, "siteId");
        Principal p = Authenticator.principal(ctx);
        String ticket = ctx.request().getParam("ticket");
        Future<?> allowed;
        if (p != null) {
            allowed = access.visible(p, siteId);
        } else if (ticket != null) {
            allowed = pool.preparedQuery(REDEEM).execute(Tuple.of(Buffer.buffer(AuthService.sha256(ticket)), siteId))
                    .compose(rows -> rows.iterator().hasNext() ? Future.succeededFuture()
                            : Future.failedFuture(ApiException.unauthorized("The ticket is unknown, used or expired")));
        } else {
            allowed = Future.failedFuture(ApiException.unauthorized("Sign in first, or open the stream with a ticket"));
        }
        allowed.onSuccess(v -> open(ctx, siteId)).onFailure(ctx::fail);
    }

    private void open(RoutingContext ctx, long siteId) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": connected\nretry: 2000\n\n");
        open.incrementAndGet();
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Events.siteAddress(siteId), msg -> {
            if (!response.writeQueueFull()) {
                JsonObject e = msg.body();
                String id = e.getString("visitId");
                response.write("event: " + e.getString("type") + (id == null ? "" : "\nid: " + id) + "\ndata: "
                        + e.encode() + "\n\n");
            }
        });
        long timer = vertx.setPeriodic(HEARTBEAT_MS, t -> response.write(": keep-alive\n\n"));
        Runnable close = () -> {
            if (vertx.cancelTimer(timer)) {
                consumer.unregister();
                open.decrementAndGet();
            }
        };
        response.closeHandler(v -> close.run());
        response.exceptionHandler(e -> close.run());
        // A stopping server ends its streams at once instead of holding its shutdown for the drain period;
        // the browser reconnects (retry: 2000) and the balancer sends it to another instance.
        ctx.request().connection().shutdownHandler(v -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
    }
}
