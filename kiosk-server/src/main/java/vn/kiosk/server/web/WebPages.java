package vn.kiosk.server.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The screens from the kiosk-web module (classpath {@code webroot/}) and the
 * bundled poster art from qr-assets. Nothing is loaded from a CDN.
 */
public final class WebPages {
    private WebPages() {
    }

    public static void mount(Router router) {
        page(router, "/", "index.html");
        page(router, "/kiosk", "kiosk.html");
        page(router, "/screen", "screen.html");
        page(router, "/guard", "guard.html");
        page(router, "/admin", "admin.html");
        page(router, "/c/:token", "checkin.html");
        router.get("/posters/*").handler(StaticHandler.create("vn/kiosk/qr/posters").setCachingEnabled(true)
                .setMaxAgeSeconds(3600));
        router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300)
                .setIndexPage("index.html").setDirectoryListing(false));
    }

    private static void page(Router router, String path, String file) {
        router.get(path).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .sendFile("webroot/" + file).onFailure(t -> ctx.fail(404)));
    }
}
