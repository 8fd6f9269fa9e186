package vn.kiosk.server.log;

import java.util.Set;
import vn.kiosk.server.http.ApiException;

/** Query values checked by hand where the contract validator cannot be used (see ApiVerticle). */
final class QueryParams {
    private QueryParams() {
    }

    static int integer(String raw, String name, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("invalid-request", name + " must be a whole number from " + min + " to " + max)
                .with("field", name);
    }

    static Boolean bool(String raw, String name) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("invalid-request", name + " must be true or false")
                    .with("field", name);
        };
    }

    static String oneOf(String raw, String name, Set<String> allowed) {
        if (raw != null && !allowed.contains(raw)) {
            throw ApiException.badRequest("invalid-request", name + " must be one of " + String.join(", ", allowed))
                    .with("field", name);
        }
        return raw;
    }

    static String text(String raw, String name, int maxLength) {
        if (raw != null && raw.length() > maxLength) {
            throw ApiException.badRequest("invalid-request", name + " must be at most " + maxLength + " characters")
                    .with("field", name);
        }
        return raw;
    }
}
