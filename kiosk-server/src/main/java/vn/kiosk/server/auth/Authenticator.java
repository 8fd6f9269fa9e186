package vn.kiosk.server.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.util.regex.Pattern;
import vn.kiosk.server.http.ApiException;

/**
 * Root handler: turns a bearer token into a {@link Principal} before the
 * request is validated, so an anonymous caller learns nothing but 401.
 */
public final class Authenticator implements AuthenticationHandler {
    private static final String KEY = "principal";
    private static final String TOKEN = "token";
    private static final Pattern EVENTS = Pattern.compile("^/api/v1/sites/[^/]+/events$");
    private static final Pattern NOTICE = Pattern.compile("^/api/v1/sites/[^/]+/privacy-notice$");

    private final AuthService auth;

    public Authenticator(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (ctx.normalizedPath().equals("/metrics")) {
            ctx.next(); // its bearer token is the metrics token, which that route checks itself
            return;
        }
        if (header == null) {
            if (anonymousAllowed(ctx)) {
                ctx.next();
            } else {
                ctx.fail(ApiException.unauthorized("Sign in first: send Authorization: Bearer <token>"));
            }
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            ctx.fail(ApiException.unauthorized("Authorization must be 'Bearer <token>'"));
            return;
        }
        String token = header.substring(7).trim();
        auth.resolve(token).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                ctx.fail(ApiException.unauthorized("The token is unknown, expired or revoked"));
            } else {
                Principal p = ar.result().get();
                ctx.put(KEY, p);
                ctx.put(TOKEN, token);
                if (p.is(Principal.Role.ADMIN, Principal.Role.OFFICER, Principal.Role.MANAGER)
                        && ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
                    // A change by staff (a user disabled, a kiosk revoked, a site removed, …) may end or
                    // narrow some token: forget the cached ones before this answer leaves, so that the
                    // change holds at once on this instance. Such requests are rare; check-ins are not.
                    ctx.addHeadersEndHandler(v -> auth.invalidateAll());
                }
                ctx.next();
            }
        });
    }

    private static boolean anonymousAllowed(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/api/")) {
            return true;
        }
        HttpMethod m = ctx.request().method();
        return (m == HttpMethod.POST && (path.equals("/api/v1/auth/login") || path.equals("/api/v1/kiosks/pair")
                        || path.equals("/api/v1/checkins") || path.startsWith("/api/v1/sms/")
                        || path.equals("/api/v1/my-data") || path.equals("/api/v1/my-data/requests")
                        || path.equals("/api/v1/confirmations/status")))
                || (m == HttpMethod.GET && (EVENTS.matcher(path).matches() || NOTICE.matcher(path).matches()
                        || path.equals("/api/v1/qr/render.svg")
                        || path.startsWith("/api/v1/site-tokens/")
                        || path.equals("/api/v1/pass-key") || path.equals("/api/v1/sms")));
    }

    /** The caller's bearer token, or null when anonymous. */
    public static String token(RoutingContext ctx) {
        return ctx.get(TOKEN);
    }

    /** The caller, or null when anonymous. */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    public static Principal require(RoutingContext ctx, Principal.Role... roles) {
        Principal p = principal(ctx);
        if (p == null) {
            throw ApiException.unauthorized("Sign in first");
        }
        if (roles.length > 0 && !p.is(roles)) {
            throw ApiException.forbidden("Your role may not do this");
        }
        return p;
    }
}
