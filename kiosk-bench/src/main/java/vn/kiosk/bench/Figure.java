package vn.kiosk.bench;

import io.vertx.core.json.JsonObject;

/**
 * One measured figure next to its budget. {@code perP} is the figure as a
 * multiple of the pgbench single-row baseline of the same run (rates only).
 */
record Figure(String key, String path, double value, String unit, String budget, Boolean met, Double perP,
              String note) {

    JsonObject json() {
        JsonObject j = new JsonObject().put("path", path).put("value", finite(value)).put("unit", unit)
                .put("budget", budget).put("met", met);
        if (perP != null) {
            j.put("perBaseline", finite(perP));
        }
        if (note != null) {
            j.put("note", note);
        }
        return j;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : null;
    }

    static Figure atMost(String key, String path, double value, String unit, double limit, String note) {
        return new Figure(key, path, value, unit, "≤ " + fmt(limit) + " " + unit,
                Double.isFinite(value) ? value <= limit : Boolean.FALSE, null, note);
    }

    static Figure atLeast(String key, String path, double value, String unit, double limit, Double perP, String note) {
        return new Figure(key, path, value, unit, "≥ " + fmt(limit) + " " + unit,
                Double.isFinite(value) ? value >= limit : Boolean.FALSE, perP, note);
    }

    static Figure info(String key, String path, double value, String unit, Double perP, String note) {
        return new Figure(key, path, value, unit, "—", null, perP, note);
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", v);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
