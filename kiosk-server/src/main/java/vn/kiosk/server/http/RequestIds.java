package vn.kiosk.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request carries an id: the caller's {@code X-Request-Id} when it is a
 * plain token (a proxy's), a new one otherwise. It is echoed in the answer and
 * set in the logging MDC ({@code requestId}) while the request's handlers run
 * and while a failure is reported, so a failed request's log line names it.
 */
public final class RequestIds implements PlatformHandler {
    public static final String HEADER = "X-Request-Id";
    public static final String KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,80}");

    @Override
    public void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        MDC.put(KEY, id);
        try {
            ctx.next();
        } finally {
            MDC.remove(KEY);
        }
    }

    /** Wraps a failure handler so that what it logs names the request. */
    public static Handler<RoutingContext> logged(Handler<RoutingContext> failureHandler) {
        return ctx -> {
            String id = ctx.get(KEY);
            if (id == null) {
                failureHandler.handle(ctx);
                return;
            }
            MDC.put(KEY, id);
            try {
                failureHandler.handle(ctx);
            } finally {
                MDC.remove(KEY);
            }
        };
    }
}
