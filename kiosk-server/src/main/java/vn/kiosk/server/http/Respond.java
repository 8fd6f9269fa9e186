package vn.kiosk.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Small helpers every handler uses. */
public final class Respond {
    private Respond() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body instanceof JsonObject j ? j.toBuffer() : io.vertx.core.json.Json.encodeToBuffer(body));
    }

    /** Sends what the future yields with {@code status}, or routes its failure to the problem handler. */
    public static void async(RoutingContext ctx, int status, Future<?> future) {
        future.onComplete(ar -> {
            if (ar.succeeded()) {
                if (ar.result() == null) {
                    ctx.response().setStatusCode(204).end();
                } else {
                    json(ctx, status, ar.result());
                }
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    public static JsonObject body(RoutingContext ctx) {
        ValidatedRequest v = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
        if (v != null && v.getBody() != null && !v.getBody().isNull()) {
            return v.getBody().getJsonObject();
        }
        JsonObject body = ctx.body().asJsonObject();
        return body == null ? new JsonObject() : body;
    }

    public static long pathLong(RoutingContext ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-request", name + " must be a number");
        }
    }

    /**
     * A whole-number query value in [min, max], {@code fallback} when absent. Read here even where the contract
     * validated it: the validator takes "1e2" for 100, which {@link Long#parseLong} does not.
     */
    public static long queryLong(RoutingContext ctx, String name, long fallback, long min, long max) {
        String raw = ctx.request().getParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("invalid-request", name + " must be a whole number from " + min + " to " + max)
                .with("field", name);
    }

    /** Runs {@code body}, turning a thrown {@link ApiException} into a problem response. */
    public static void guarded(RoutingContext ctx, Runnable body) {
        try {
            body.run();
        } catch (ApiException e) {
            ctx.fail(e);
        }
    }
}
