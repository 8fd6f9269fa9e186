package vn.kiosk.server.visitor;

import java.util.Locale;
import java.util.Optional;

/** Citizen ID (12 digits), old ID (9 digits) or passport numbers, compared without spaces. */
public final class IdNumbers {
    private IdNumbers() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String id = raw.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        return id.matches("\\d{9}|\\d{12}|[A-Z][A-Z0-9]{5,11}") ? Optional.of(id) : Optional.empty();
    }

    /** Keeps the last four characters. */
    public static String mask(String id) {
        int keep = Math.min(4, id.length());
        return "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
    }
}
