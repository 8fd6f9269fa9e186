package vn.kiosk.server.sms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.PublicKey;
import java.util.UUID;
import vn.kiosk.qr.PassClaims;
import vn.kiosk.qr.TokenException;
import vn.kiosk.qr.VisitorPass;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;

/**
 * The opt-in and opt-out: the visitor's phone proves who it is with its visitor pass; staff act on a visit of a
 * site they see. Without SMS configured ({@code sms} null) every choice is 404 and the screens do not offer one.
 */
public final class SmsHandlers {
    private final Sms sms;
    private final SmsRecipients recipients;
    private final SiteAccess access;
    private final PublicKey passKey;
    private final RateLimiter limiter;

    public SmsHandlers(Sms sms, SmsRecipients recipients, SiteAccess access, PublicKey passKey, RateLimiter limiter) {
        this.sms = sms;
        this.recipients = recipients;
        this.access = access;
        this.passKey = passKey;
        this.limiter = limiter;
    }

    /** Whether the screens offer the choice, and the reply keywords they may show. */
    public void settings(RoutingContext ctx) {
        Respond.json(ctx, 200, new JsonObject().put("enabled", sms != null)
                .put("optOutKeywords", new JsonArray(sms == null ? java.util.List.of() : Keywords.OPT_OUT)));
    }

    /** The visitor's own choice as stored (optedIn false when they never chose). */
    public void own(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            enabled();
            long visitor = visitorOf(ctx, Respond.body(ctx));
            Respond.async(ctx, 200, sms.queue().status(visitor).map(c -> c.map(SmsHandlers::json)
                    .orElseGet(() -> new JsonObject().put("optedIn", false).putNull("changedAt").putNull("via"))));
        });
    }

    /** The visitor opts in or out from their phone. */
    public void setOwn(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            enabled();
            JsonObject body = Respond.body(ctx);
            long visitor = visitorOf(ctx, body);
            boolean optIn = optIn(body);
            Respond.async(ctx, 200, recipients.visitor(visitor).compose(found -> found.isEmpty()
                    ? Future.failedFuture(ApiException.notFound("The visitor of this pass"))
                    : choose(visitor, found.get().hasPhone(), optIn, "self", null, null)));
        });
    }

    /** A guard (or manager) records the choice the visitor said aloud, on a visit they can see. */
    public void setForVisit(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD);
        long siteId = Respond.pathLong(ctx, "siteId");
        UUID visitId = UUID.fromString(ctx.pathParam("visitId"));
        boolean optIn = optIn(Respond.body(ctx));
        Respond.async(ctx, 200, access.visible(p, siteId).compose(site -> {
            enabled();
            return recipients.ofVisit(siteId, visitId);
        }).compose(found -> found.isEmpty() ? Future.failedFuture(ApiException.notFound("Visit " + visitId))
                : choose(found.get().visitorId(), found.get().hasPhone(), optIn, "staff", p.userId(), siteId)));
    }

    private Future<JsonObject> choose(long visitor, boolean hasPhone, boolean optIn, String via, Long userId, Long siteId) {
        if (optIn && !hasPhone) {
            return Future.failedFuture(ApiException.unprocessable("no-phone",
                    "This visitor gave no phone number: there is nowhere to send a reminder"));
        }
        return sms.queue().choose(visitor, optIn, via, userId, siteId, sms.clock().instant())
                // The first install reminder goes now, not at the planner's next round; the choice is stored
                // whatever happens here, so a failure only leaves the reminder to that round.
                .compose(c -> (optIn ? sms.queue().plan(sms.clock().instant(), visitor).onSuccess(n -> sms.wake())
                        : Future.succeededFuture(0)).otherwise(0).map(n -> json(c)));
    }

    private void enabled() {
        if (sms == null) {
            throw ApiException.of(404, "sms-off", "SMS reminders are off",
                    "This server sends no SMS: it has no SMSC configured (KIOSK_SMPP_HOST)");
        }
    }

    private long visitorOf(RoutingContext ctx, JsonObject body) {
        limiter.hit("sms-a:" + ctx.request().remoteAddress().hostAddress(), 60, "from this address");
        PassClaims claims;
        try {
            claims = VisitorPass.verify(body.getString("pass"), passKey);
        } catch (TokenException | RuntimeException e) {
            throw ApiException.of(401, "invalid-pass", "Invalid visitor pass", "The visitor pass is not valid")
                    .with("field", "pass");
        }
        limiter.hit("sms-v:" + claims.visitorId(), 20, "for this visitor");
        return claims.visitorId();
    }

    private static boolean optIn(JsonObject body) {
        Object v = body.getValue("optIn");
        if (!(v instanceof Boolean b)) {
            throw ApiException.unprocessable("invalid-request", "optIn must be true or false").with("field", "optIn");
        }
        return b;
    }

    private static JsonObject json(SmsQueue.Choice c) {
        return new JsonObject().put("optedIn", c.optedIn()).put("changedAt", c.changedAt().toString()).put("via", c.via());
    }
}
