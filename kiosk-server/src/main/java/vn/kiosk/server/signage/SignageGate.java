package vn.kiosk.server.signage;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;

/**
 * What a public screen's token may call: what a screen shows (its site, its campaigns and their images, its
 * install rate), its heartbeat, and what anyone may call without signing in, except recording a check-in.
 * Everything else is refused before its handler runs, so no operation added later (and none that takes "any
 * signed-in caller" at its word) can let a screen record or read a visit.
 */
public final class SignageGate {
    static final Set<String> ALLOWED = Set.of("screenSelf", "screenInstallRate", "screenCampaigns", "campaignImage",
            "kioskHeartbeat", "me", "logout", "login", "pairKiosk", "passKey", "renderQr", "openSiteToken");

    private SignageGate() {
    }

    /** {@code handler}, or for an operation a screen may not call, a 403 to a screen and {@code handler} to others. */
    public static Handler<RoutingContext> guard(String operationId, Handler<RoutingContext> handler) {
        if (ALLOWED.contains(operationId)) {
            return handler;
        }
        return ctx -> {
            Principal p = Authenticator.principal(ctx);
            if (p != null && p.isSignage()) {
                ctx.fail(ApiException.forbidden("A public screen shows posters, its check-in code and its install"
                        + " rate; it records and reads no visits"));
            } else {
                handler.handle(ctx);
            }
        };
    }
}
