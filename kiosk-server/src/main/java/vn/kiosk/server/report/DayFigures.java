package vn.kiosk.server.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One site's (or one area's) figures of one day.
 *
 * Install rate = (qr_confirmed + declared + installed_on_site) / (entries
 * whose Bluezone status is known, i.e. any of the five statuses; entries with
 * no status are left out). Null when no entry has a known status. The rate
 * among smartphone users leaves no_smartphone out of the denominator too.
 */
public record DayFigures(int entries, int exits, int uniqueVisitors, int peakOccupancy, int[] hourly,
                         Map<String, Integer> bluezone) {
    public static final List<String> STATUSES = List.of("qr_confirmed", "declared", "installed_on_site",
            "not_installed", "no_smartphone", "unknown");
    private static final List<String> INSTALLED = List.of("qr_confirmed", "declared", "installed_on_site");

    public static DayFigures empty() {
        return new DayFigures(0, 0, 0, 0, new int[24], new TreeMap<>());
    }

    static DayFigures from(Row r) {
        int[] hourly = new int[24];
        Integer[] h = r.getArrayOfIntegers("hourly");
        for (int i = 0; i < Math.min(24, h == null ? 0 : h.length); i++) {
            hourly[i] = h[i] == null ? 0 : h[i];
        }
        Map<String, Integer> bz = new TreeMap<>();
        Object raw = r.getValue("bluezone");
        JsonObject json = raw instanceof JsonObject j ? j : raw == null ? new JsonObject() : new JsonObject(raw.toString());
        json.forEach(e -> bz.put(e.getKey(), ((Number) e.getValue()).intValue()));
        return new DayFigures(r.getInteger("entries"), r.getInteger("exits"), r.getInteger("unique_visitors"),
                r.getInteger("peak_occupancy"), hourly, bz);
    }

    /**
     * Sums of entries, exits, visitors, hours and statuses; the peak is the largest. The visitors sum counts a
     * person at two sites twice: a roll-up replaces it with its distinct count ({@link #withUniqueVisitors}).
     */
    public DayFigures plus(DayFigures o) {
        int[] h = new int[24];
        for (int i = 0; i < 24; i++) {
            h[i] = hourly[i] + o.hourly[i];
        }
        Map<String, Integer> bz = new TreeMap<>(bluezone);
        o.bluezone.forEach((k, v) -> bz.merge(k, v, Integer::sum));
        return new DayFigures(entries + o.entries, exits + o.exits, uniqueVisitors + o.uniqueVisitors,
                Math.max(peakOccupancy, o.peakOccupancy), h, bz);
    }

    public DayFigures withUniqueVisitors(int n) {
        return new DayFigures(entries, exits, n, peakOccupancy, hourly, bluezone);
    }

    public int count(String status) {
        return bluezone.getOrDefault(status, 0);
    }

    public boolean silent() {
        return entries == 0 && exits == 0;
    }

    public Double installRate() {
        int installed = INSTALLED.stream().mapToInt(this::count).sum();
        int known = installed + count("not_installed") + count("no_smartphone");
        return known == 0 ? null : round(installed / (double) known);
    }

    public Double smartphoneInstallRate() {
        int installed = INSTALLED.stream().mapToInt(this::count).sum();
        int known = installed + count("not_installed");
        return known == 0 ? null : round(installed / (double) known);
    }

    JsonObject toJson() {
        JsonObject bz = new JsonObject();
        bluezone.forEach(bz::put);
        JsonArray hours = new JsonArray();
        for (int n : hourly) {
            hours.add(n);
        }
        return new JsonObject().put("entries", entries).put("exits", exits).put("uniqueVisitors", uniqueVisitors)
                .put("peakOccupancy", peakOccupancy).put("hourly", hours).put("bluezone", bz)
                .put("installRate", installRate()).put("smartphoneInstallRate", smartphoneInstallRate())
                .put("silent", silent());
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
