package vn.kiosk.server.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place failures become {@code application/problem+json}. */
public final class Problems {
    public static final String TYPE_BASE = "https://kiosk.gov.vn/problems/";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    /** PostgreSQL's disk_full: a file could not be extended or written. */
    static final String DISK_FULL = "53100";
    private static final Unavailable UNAVAILABLE = new Unavailable();

    private Problems() {
    }

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof io.vertx.core.http.HttpClosedException) {
            // The client went away (or was cut for sending too slowly) before its request was read: nobody to answer.
            log.debug("Request {} {} abandoned: the connection closed", ctx.request().method(), ctx.normalizedPath());
            return;
        }
        ApiException problem = toProblem(ctx.statusCode(), failure);
        if (problem.status() < 500 && failure != null && !(failure instanceof ApiException)) {
            log.debug("Request {} {} refused: {} (cause {})", ctx.request().method(), ctx.normalizedPath(), failure,
                    failure.getCause());
        }
        if (problem.status() == 503 && failure != null && !(failure instanceof ApiException)) {
            // The database is away or its disk is full: a line now and then, not a stack trace per request.
            UNAVAILABLE.log(problem.type(), failure);
        } else if (problem.status() >= 500) {
            // The message of a database or internal error may quote request data: log the class only.
            log.error("Request {} {} failed with {}", ctx.request().method(), ctx.normalizedPath(),
                    failure == null ? "status " + ctx.statusCode() : failure.getClass().getName(),
                    failure instanceof ApiException ? null : failure);
        }
        send(ctx, problem);
    }

    public static void send(RoutingContext ctx, ApiException problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.getMessage())
                .put("instance", ctx.request().path());
        if (problem.extra() != null) {
            body.mergeIn(problem.extra());
        }
        if (problem.retryAfterSeconds() != null) {
            response.putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", "application/problem+json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.toBuffer());
    }

    static ApiException toProblem(int status, Throwable failure) {
        if (failure instanceof HttpException he && he.getCause() instanceof ValidatorException) {
            failure = he.getCause();
        }
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof SchemaValidationException sve) {
            String where = sve.getOutputUnit() == null ? "" : sve.getOutputUnit().getInstanceLocation();
            ApiException e = ApiException.badRequest("invalid-request",
                    (where == null || where.isEmpty() ? "" : where + ": ") + sve.getMessage());
            return field(e, where);
        }
        if (failure instanceof ValidatorException ve) {
            return ApiException.badRequest("invalid-request", ve.getMessage());
        }
        if (failure instanceof DecodeException) {
            return ApiException.badRequest("malformed-json", "The body is not valid JSON");
        }
        if (failure instanceof PgException pg && DISK_FULL.equals(pg.getSqlState())) {
            return ApiException.diskFull();
        }
        if (failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("57P")) {
            // admin or crash shutdown, or "cannot connect now" while it stops or starts
            return ApiException.unavailable("The database is restarting; try again", 2);
        }
        int code = failure instanceof HttpException he ? he.getStatusCode() : status;
        return switch (code) {
            case 400 -> ApiException.badRequest("bad-request", "The request could not be read");
            case 401 -> ApiException.unauthorized("Sign in first");
            case 403 -> ApiException.forbidden("Not allowed");
            case 404 -> ApiException.of(404, "not-found", "Not found", "No such resource");
            case 405 -> ApiException.of(405, "method-not-allowed", "Method not allowed", "This resource does not accept that method");
            case 413 -> ApiException.of(413, "too-large", "Request too large", "The request body is larger than allowed");
            case 415 -> ApiException.of(415, "unsupported-media-type", "Unsupported media type", "Send application/json");
            default -> isUnavailable(failure)
                    ? ApiException.unavailable("The database is unreachable; try again shortly", 5)
                    : ApiException.of(500, "internal", "Internal error", "Something went wrong on the server; nothing was changed");
        };
    }

    /**
     * Names the field a validation failure is about ("/visitor/phone" → "visitor.phone"), so that a screen can show
     * its message under that field.
     */
    public static ApiException field(ApiException e, String jsonPointer) {
        if (jsonPointer == null || jsonPointer.length() < 2 || !jsonPointer.startsWith("/")) {
            return e;
        }
        return e.with("field", jsonPointer.substring(1).replace("~1", "/").replace("~0", "~").replace('/', '.'));
    }

    private static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            // The only sockets a request's handling opens are the database's: a reset or broken one means it is
            // away (NIO reports a reset as a plain IOException). A closed pool means the server is stopping.
            if (c instanceof java.net.SocketException || c.getClass() == java.io.IOException.class
                    || name.contains("NativeIoException")
                    || "Pool closed".equals(c.getMessage()) || "Client is closed".equals(c.getMessage())
                    || String.valueOf(c.getMessage()).startsWith("Connection is not active now")
                    || c instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                    || name.contains("ClosedConnectionException") || name.contains("NoStackTraceTimeoutException")
                    || (c instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /** At most one line per kind of unavailability every ten seconds, with how many requests it refused. */
    static final class Unavailable {
        private static final long EVERY_NANOS = 10_000_000_000L;
        private final java.util.Map<String, long[]> seen = new java.util.HashMap<>();

        synchronized void log(String type, Throwable failure) {
            long now = System.nanoTime();
            long[] s = seen.computeIfAbsent(type, t -> new long[] {now - EVERY_NANOS, 0});
            s[1]++;
            if (now - s[0] < EVERY_NANOS) {
                return;
            }
            if (type.equals("disk-full")) {
                log.error("The database's disk is full (SQLSTATE 53100): writes are refused with 503 disk-full until"
                        + " space is freed where the data dir is; {} refused since the last such line", s[1]);
            } else {
                log.warn("The database is unavailable ({}): requests are refused with 503; {} refused since the last"
                        + " such line", failure.getClass().getName(), s[1]);
            }
            s[0] = now;
            s[1] = 0;
        }
    }
}
