package vn.kiosk.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.regex.Pattern;

/**
 * What a request meets before the router: forwarding headers are made
 * trustworthy, and with HTTPS on, the plain HTTP port only answers
 * {@code /health} (load-balancer probes) and requests a trusted proxy says
 * arrived over HTTPS; everything else is redirected to HTTPS.
 */
public final class HttpEdge {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private HttpEdge() {
    }

    /** The HTTPS port, or the only port when there is no HTTPS. */
    public static Handler<HttpServerRequest> direct(Handler<HttpServerRequest> router, TrustedProxies proxies) {
        return req -> {
            proxies.normalise(req);
            router.handle(req);
        };
    }

    /** The HTTP port next to an HTTPS one. */
    public static Handler<HttpServerRequest> redirecting(Handler<HttpServerRequest> router, TrustedProxies proxies,
                                                         int httpsPort) {
        return req -> {
            boolean proxied = proxies.normalise(req);
            if ("/health".equals(req.path()) || (proxied && forwardedHttps(req))) {
                router.handle(req);
                return;
            }
            boolean safe = req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD;
            // 308 keeps a POST a POST (an old kiosk page posting over HTTP); browsers follow both.
            req.response().setStatusCode(safe ? 301 : 308)
                    .putHeader("Location", location(req, httpsPort))
                    .putHeader("Cache-Control", "no-store")
                    .end();
        };
    }

    static String location(HttpServerRequest req, int httpsPort) {
        HostAndPort authority = req.authority();
        String host = authority == null ? null : authority.host();
        if (host != null && host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = req.localAddress() == null ? "localhost" : hostOf(req.localAddress().hostAddress());
        }
        String uri = req.path() == null || !req.path().startsWith("/") ? "/" : req.path();
        if (req.query() != null) {
            uri += "?" + req.query();
        }
        return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + uri;
    }

    private static String hostOf(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static boolean forwardedHttps(HttpServerRequest req) {
        String proto = req.getHeader("X-Forwarded-Proto");
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
