package vn.kiosk.server.checkin;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Problems;

/**
 * The {@code CheckIn} schema of openapi.yaml, checked by hand: the generic
 * OpenAPI validator builds a schema validator per request and cost about a
 * third of the server's CPU per check-in (measured by kiosk-bench), the
 * busiest call there is. Same rules, same 400 {@code invalid-request} answer:
 * CheckinContractTest runs the contract's own validator and this one on the
 * same generated and mutated bodies, so the two cannot drift apart. Read the
 * accepted body with {@link CheckinRequest#parse}.
 */
final class CheckinSchema {
    private static final Set<String> TOP = Set.of("id", "siteToken", "siteId", "direction", "visitor", "pass", "cccd",
            "bluezone", "occurredAt", "gate", "consent", "dependants");
    private static final Set<String> DEPENDANT = Set.of("name");
    static final int MAX_DEPENDANTS = 8;
    private static final Set<String> CONSENT = Set.of("version", "method");
    private static final Set<String> CONSENT_METHODS = Set.of("self", "kiosk", "staff", "pass");
    private static final Set<String> VISITOR = Set.of("name", "phone", "idNumber");
    private static final Set<String> BLUEZONE = Set.of("status", "bluezoneId");
    private static final Set<String> DIRECTIONS = Set.of("in", "out", "auto");
    private static final Set<String> STATUSES = Set.of("qr_confirmed", "declared", "installed_on_site", "not_installed",
            "no_smartphone");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern BLUEZONE_ID = Pattern.compile("^[A-Za-z0-9]+$");
    private static final long MAX_SAFE = 9_007_199_254_740_991L;

    private CheckinSchema() {
    }

    static void check(JsonObject body) {
        only(body, TOP, "");
        if (!body.containsKey("id")) {
            throw invalid("", "the property 'id' is required");
        }
        String id = text(body, "id", "", 36, 36);
        if (!UUID.matcher(id).matches()) {
            throw invalid("/id", "is not a uuid");
        }
        text(body, "siteToken", "", 1, 200);
        if (body.containsKey("siteId")) {
            Object v = body.getValue("siteId");
            if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1
                    || ((Number) v).longValue() > MAX_SAFE) {
                throw invalid("/siteId", "must be a whole number from 1");
            }
        }
        String direction = text(body, "direction", "", 0, Integer.MAX_VALUE);
        if (direction != null && !DIRECTIONS.contains(direction)) {
            throw invalid("/direction", "must be one of in, out, auto");
        }
        if (body.containsKey("visitor")) {
            JsonObject v = object(body, "visitor");
            only(v, VISITOR, "/visitor");
            if (!v.containsKey("name")) {
                throw invalid("/visitor", "the property 'name' is required");
            }
            text(v, "name", "/visitor", 1, 100);
            text(v, "phone", "/visitor", 1, 30);
            text(v, "idNumber", "/visitor", 1, 20);
        }
        if (body.containsKey("dependants")) {
            if (!(body.getValue("dependants") instanceof io.vertx.core.json.JsonArray list) || list.isEmpty()
                    || list.size() > MAX_DEPENDANTS) {
                throw invalid("/dependants", "must be an array of 1 to " + MAX_DEPENDANTS + " objects");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.getValue(i) instanceof JsonObject d)) {
                    throw invalid("/dependants/" + i, "must be an object");
                }
                only(d, DEPENDANT, "/dependants/" + i);
                if (!d.containsKey("name")) {
                    throw invalid("/dependants/" + i, "the property 'name' is required");
                }
                text(d, "name", "/dependants/" + i, 1, 100);
            }
        }
        text(body, "pass", "", 1, 600);
        text(body, "cccd", "", 1, 1024);
        if (body.containsKey("bluezone")) {
            JsonObject b = object(body, "bluezone");
            only(b, BLUEZONE, "/bluezone");
            if (!b.containsKey("status")) {
                throw invalid("/bluezone", "the property 'status' is required");
            }
            if (!STATUSES.contains(text(b, "status", "/bluezone", 0, Integer.MAX_VALUE))) {
                throw invalid("/bluezone/status", "must be one of " + String.join(", ", new java.util.TreeSet<>(STATUSES)));
            }
            String bz = text(b, "bluezoneId", "/bluezone", 1, 16);
            if (bz != null && !BLUEZONE_ID.matcher(bz).matches()) {
                throw invalid("/bluezone/bluezoneId", "must be letters and digits");
            }
        }
        text(body, "occurredAt", "", 0, 40);
        text(body, "gate", "", 0, 100);
        if (body.containsKey("consent")) {
            JsonObject c = object(body, "consent");
            only(c, CONSENT, "/consent");
            String method = text(c, "method", "/consent", 0, Integer.MAX_VALUE);
            if (method == null || !CONSENT_METHODS.contains(method)) {
                throw invalid("/consent/method", "must be one of kiosk, pass, self, staff");
            }
            // a consent given now names the notice version shown; a pass's carried one is looked up
            if (method.equals("pass") == c.containsKey("version")) {
                throw invalid("/consent", method.equals("pass") ? "the property 'version' is not allowed with pass"
                        : "the property 'version' is required");
            }
            Object v = c.getValue("version");
            if (c.containsKey("version") && (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1
                    || ((Number) v).longValue() > Integer.MAX_VALUE)) {
                throw invalid("/consent/version", "must be a whole number from 1 to 2147483647");
            }
        }
    }

    private static void only(JsonObject o, Set<String> allowed, String at) {
        for (Map.Entry<String, Object> e : o) {
            if (!allowed.contains(e.getKey())) {
                throw invalid(at, "the property '" + e.getKey() + "' is not allowed");
            }
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        Object v = o.getValue(key);
        if (!(v instanceof JsonObject j)) {
            throw invalid("/" + key, "must be an object");
        }
        return j;
    }

    /** The string at {@code key} (null when absent), its length in code points within [min, max]. */
    private static String text(JsonObject o, String key, String at, int min, int max) {
        if (!o.containsKey(key)) {
            return null;
        }
        Object v = o.getValue(key);
        if (!(v instanceof String s)) {
            throw invalid(at + "/" + key, "must be a string");
        }
        int n = s.codePointCount(0, s.length());
        if (n < min || n > max) {
            throw invalid(at + "/" + key, min == max ? "must be " + min + " characters long"
                    : "must be " + min + " to " + max + " characters long");
        }
        return s;
    }

    private static ApiException invalid(String where, String message) {
        return Problems.field(ApiException.badRequest("invalid-request", (where.isEmpty() ? "" : where + ": ") + message),
                where);
    }
}
