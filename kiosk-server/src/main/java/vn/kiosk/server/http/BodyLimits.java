package vn.kiosk.server.http;

import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * JSON bodies are small; images (a camera frame, a campaign poster) may be
 * larger. A declared Content-Length over the limit is refused before a byte
 * is read; a chunked body is measured once read.
 */
public final class BodyLimits {
    public static final int UPLOAD_LIMIT = 2 * 1024 * 1024;

    private final int jsonLimit;

    public BodyLimits(int jsonLimit) {
        this.jsonLimit = jsonLimit;
    }

    public int limitFor(String path) {
        return path.equals("/api/v1/qr/decode") || (path.startsWith("/api/v1/campaigns/") && path.endsWith("/image"))
                ? UPLOAD_LIMIT : jsonLimit;
    }

    public PlatformHandler declared() {
        return ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.length() < 19 && Long.parseLong(length.strip()) > limitFor(ctx.normalizedPath())) {
                ctx.fail(413);
            } else {
                ctx.next();
            }
        };
    }

    public InputTrustHandler actual() {
        return ctx -> {
            if (ctx.body().length() > limitFor(ctx.normalizedPath())) {
                ctx.fail(413);
            } else {
                ctx.next();
            }
        };
    }
}
