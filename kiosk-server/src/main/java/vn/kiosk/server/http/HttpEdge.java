package vn.kiosk.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/**
 * What a request meets before the router: forwarding headers are made
 * trustworthy, and with HTTPS on, the plain HTTP port only answers
 * {@code /health} (load-balancer probes) and requests a trusted proxy says
 * arrived over HTTPS; everything else is redirected to HTTPS.
 */
public final class HttpEdge {
    private HttpEdge() {
    }

    /** The HTTPS port, or the only port when there is no HTTPS. */
    public static Handler<HttpServerRequest> direct(Handler<HttpServerRequest> router, TrustedProxies proxies) {
        return req -> {
            proxies.normalise(req);
            router.handle(req);
        };
    }

    /**
     * The HTTP port next to an HTTPS one. Redirects go to {@code httpsOrigin} (from the configured public URL):
     * a Host or X-Forwarded-Host header is the client's to choose, and copying it would make this server send
     * people wherever a crafted link says (an open redirect).
     */
    public static Handler<HttpServerRequest> redirecting(Handler<HttpServerRequest> router, TrustedProxies proxies,
                                                         String httpsOrigin) {
        return req -> {
            boolean proxied = proxies.normalise(req);
            if ("/health".equals(req.path()) || (proxied && forwardedHttps(req))) {
                router.handle(req);
                return;
            }
            boolean safe = req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD;
            // 308 keeps a POST a POST (an old kiosk page posting over HTTP); browsers follow both.
            req.response().setStatusCode(safe ? 301 : 308)
                    .putHeader("Location", location(req, httpsOrigin))
                    .putHeader("Cache-Control", "no-store")
                    .end();
        };
    }

    static String location(HttpServerRequest req, String httpsOrigin) {
        String uri = req.path() == null || !req.path().startsWith("/") ? "/" : req.path();
        if (req.query() != null) {
            uri += "?" + req.query();
        }
        return httpsOrigin + uri;
    }

    /**
     * {@code https://host[:port]} of the public URL when it is an HTTPS one (the name the certificate and the
     * QR codes carry, maybe a proxy's port), else its host on the HTTPS port.
     */
    public static String httpsOrigin(String publicUrl, int httpsPort) {
        URI url = URI.create(publicUrl);
        if (url.getHost() == null) {
            throw new IllegalArgumentException("The public URL " + publicUrl + " names no host");
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = https ? url.getPort() : httpsPort;
        return "https://" + url.getHost() + (port == -1 || port == 443 ? "" : ":" + port);
    }

    private static boolean forwardedHttps(HttpServerRequest req) {
        String proto = req.getHeader("X-Forwarded-Proto");
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
