package vn.kiosk.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/** Headers every answer carries: no inline script, no framing, no sniffing, no referrer leaks; HSTS over HTTPS. */
public final class SecurityHeaders implements SecurityPolicyHandler {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";

    private final String hsts;

    public SecurityHeaders(int hstsSeconds) {
        this.hsts = hstsSeconds > 0 ? "max-age=" + hstsSeconds : null;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (hsts != null && ctx.request().isSSL()) {
            // isSSL is also true behind a trusted proxy that says it took the request over HTTPS.
            ctx.response().headers().set("Strict-Transport-Security", hsts);
        }
        ctx.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Permissions-Policy", "camera=(self), geolocation=(), microphone=()")
                .set(HttpHeaders.VARY, "Authorization");
        ctx.next();
    }
}
