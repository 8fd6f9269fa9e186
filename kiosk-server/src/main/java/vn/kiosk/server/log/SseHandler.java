package vn.kiosk.server.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.kiosk.server.auth.AuthService;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.events.Events;
import vn.kiosk.server.events.Occupancy;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;

/**
 * A site's events as Server-Sent Events. Opened with the Authorization
 * header, or by a browser EventSource with a single-use ticket that lives a
 * minute, so the long-lived token never appears in a URL.
 */
public final class SseHandler {
    private static final long HEARTBEAT_MS = 20_000;
    private static final long RECHECK_DELAY_MS = 500;

    /** An open stream: whose sign-in opened it, for which site, and how to end it on its own event loop. */
    private record Stream(boolean staff, byte[] tokenHash, long siteId, Context context, Runnable end) {
    }

    private final Vertx vertx;
    private final EventTicketStore tickets;
    private final SiteAccess access;
    private final AuthService auth;
    private final Occupancy occupancy;
    private final AtomicLong open = new AtomicLong();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean recheckPending = new AtomicBoolean();

    public SseHandler(Vertx vertx, EventTicketStore tickets, SiteAccess access, AuthService auth, Occupancy occupancy) {
        this.vertx = vertx;
        this.tickets = tickets;
        this.access = access;
        this.auth = auth;
        this.occupancy = occupancy;
    }

    public long openStreams() {
        return open.get();
    }

    public void ticket(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
        long siteId = Respond.pathLong(ctx, "siteId");
        String ticket = AuthService.randomToken();
        byte[] session = AuthService.sha256(Authenticator.token(ctx));
        Respond.async(ctx, 201, access.visible(p, siteId)
                .compose(site -> tickets.issue(AuthService.sha256(ticket), siteId, p.id(), session))
                .map(v -> new JsonObject().put("ticket", ticket).put("expiresInSeconds", 60)));
    }

    public void stream(RoutingContext ctx) {
        long siteId = Respond.pathLong(ctx, "siteId");
        Principal p = Authenticator.principal(ctx);
        String ticket = ctx.request().getParam("ticket");
        Future<Stream> allowed;
        if (p != null) {
            String token = Authenticator.token(ctx);
            allowed = access.visible(p, siteId).map(site -> new Stream(AuthService.isStaff(token),
                    AuthService.sha256(token), siteId, vertx.getOrCreateContext(), null));
        } else if (ticket != null) {
            // The sign-in the ticket was issued to must still hold, and still see the site.
            allowed = tickets.redeem(AuthService.sha256(ticket), siteId)
                    .compose(hash -> hash.isPresent() ? Future.succeededFuture(hash.get())
                            : Future.<byte[]>failedFuture(ApiException.unauthorized("The ticket is unknown, used or expired")))
                    .compose(hash -> stillAllowed(true, hash, siteId)
                            .map(v -> new Stream(true, hash, siteId, vertx.getOrCreateContext(), null)));
        } else {
            allowed = Future.failedFuture(ApiException.unauthorized("Sign in first, or open the stream with a ticket"));
        }
        allowed.onSuccess(stream -> open(ctx, stream)).onFailure(ctx::fail);
    }

    /**
     * After a change that may end or narrow sign-ins (on any instance: sign-out, a user disabled or given other
     * sites, a kiosk revoked): every open stream whose sign-in no longer holds, or no longer sees its site, ends.
     * Changes that come in a burst are checked once.
     */
    public void recheck() {
        if (!recheckPending.compareAndSet(false, true)) {
            return;
        }
        vertx.setTimer(RECHECK_DELAY_MS, t -> {
            recheckPending.set(false);
            for (Stream s : streams) {
                stillAllowed(s.staff(), s.tokenHash(), s.siteId()).onFailure(e -> {
                    if (e instanceof ApiException) { // not a database that is briefly away
                        s.context().runOnContext(v -> s.end().run());
                    }
                });
            }
        });
    }

    private Future<Void> stillAllowed(boolean staff, byte[] tokenHash, long siteId) {
        return auth.resolve(staff, tokenHash).compose(p -> p.isEmpty()
                ? Future.failedFuture(ApiException.unauthorized("The sign-in has ended"))
                : access.visible(p.get(), siteId).mapEmpty());
    }

    private void open(RoutingContext ctx, Stream opened) {
        long siteId = opened.siteId();
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": connected\nretry: 2000\n\n");
        open.incrementAndGet();
        occupancy.inside(siteId); // from now on the site's events carry its count of people inside
        // The bus carries each event as its finished frame (EventRelay): encoded once for every stream.
        MessageConsumer<String> consumer = vertx.eventBus().consumer(Events.siteAddress(siteId), msg -> {
            if (!response.ended() && !response.writeQueueFull()) {
                response.write(msg.body());
            }
        });
        long timer = vertx.setPeriodic(HEARTBEAT_MS, t -> response.write(": keep-alive\n\n"));
        Stream stream = new Stream(opened.staff(), opened.tokenHash(), siteId, opened.context(), () -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
        streams.add(stream);
        // However the stream ends (the client hangs up, the connection resets, the server ends it after a
        // sign-out or while stopping), its timer, consumer and count go exactly once. A response the server
        // ends keeps its connection open for the next request, so its close handler would never run: the end
        // handler runs on either.
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                consumer.unregister();
                streams.remove(stream);
                open.decrementAndGet();
            }
        };
        response.endHandler(v -> release.run());
        response.closeHandler(v -> release.run());
        response.exceptionHandler(e -> release.run());
        ctx.request().connection().shutdownHandler(v -> stream.end().run());
    }
}
