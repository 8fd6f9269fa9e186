package vn.kiosk.server.http;

import io.vertx.core.json.JsonObject;

/**
 * A failed request as the client will see it: an RFC 9457 problem with a
 * stable {@code type}. Handlers fail with one; {@link Problems} renders it.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final JsonObject extra;
    private final Integer retryAfterSeconds;

    private ApiException(int status, String type, String title, String detail, JsonObject extra, Integer retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extra = extra;
        this.retryAfterSeconds = retryAfter;
    }

    public static ApiException of(int status, String type, String title, String detail) {
        return new ApiException(status, type, title, detail, null, null);
    }

    public static ApiException badRequest(String type, String detail) {
        return of(400, type, "Bad request", detail);
    }

    public static ApiException unprocessable(String type, String detail) {
        return of(422, type, "Unprocessable request", detail);
    }

    public static ApiException unauthorized(String detail) {
        return of(401, "unauthorized", "Not signed in", detail);
    }

    public static ApiException forbidden(String detail) {
        return of(403, "forbidden", "Not allowed", detail);
    }

    public static ApiException notFound(String what) {
        return of(404, "not-found", "Not found", what + " does not exist or is not visible to you");
    }

    public static ApiException conflict(String type, String detail) {
        return of(409, type, "Conflict", detail);
    }

    public static ApiException tooMany(String detail, int retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too many requests", detail, null, retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(503, "unavailable", "Service unavailable", detail, null, retryAfterSeconds);
    }

    /** The database's disk is full (SQLSTATE 53100): nothing was stored. */
    public static ApiException diskFull() {
        return new ApiException(503, "disk-full", "Service unavailable",
                "The server's disk is full; nothing was stored. Try again later", null, 30);
    }

    public ApiException with(String key, Object value) {
        JsonObject e = extra == null ? new JsonObject() : extra.copy();
        return new ApiException(status, type, title, getMessage(), e.put(key, value), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public JsonObject extra() {
        return extra;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
