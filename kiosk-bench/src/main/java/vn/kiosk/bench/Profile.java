package vn.kiosk.bench;

import java.util.Map;

/**
 * How big one run is. {@link #full()} is the run that BENCHMARKS.md reports;
 * {@link #smoke()} is the CI form: every figure produced in about a minute on
 * small data, so the harness cannot rot (its figures say nothing about speed).
 */
public record Profile(
        String name,
        int sites,              // all sites, reference data
        int loadSites,          // sites that receive check-ins during the load phases
        int kiosksPerLoadSite,  // paired kiosks (device tokens) per load site
        int guards,             // signed-in guards, each on one load site
        long bulkVisits,        // generated history
        long hotVisits,         //   of which at the hot bus station
        int days,               //   spread over this many days before today
        int visitors,           //   by this many distinct visitors
        int baselineSeconds,    // pg-baseline.sh duration per part
        int peakStepSeconds,    // duration of one offered-rate step of the peak search
        int fixedSeconds,       // the fixed 25 % load
        int sseSubscribers,
        int sseSeconds,
        int purgeSeconds,
        int querySamples,       // requests per read-path figure
        int qrSeconds,
        int closedSeconds,      // one closed-loop point (1, 4, 16, 64 connections; Kiosk and the INSERT reference)
        int closedRounds) {     //   repeated this often, medians reported

    public static Profile full() {
        return new Profile("full", 20_000, 500, 2, 200, 10_000_000, 1_000_000, 90, 3_000_000,
                15, 8, 60, 1_000, 30, 20, 400, 5, 10, 3);
    }

    public static Profile smoke() {
        return new Profile("short", 400, 20, 1, 10, 100_000, 10_000, 30, 30_000,
                2, 2, 5, 50, 4, 5, 40, 1, 2, 1);
    }

    public static Profile named(String name) {
        return switch (name) {
            case "full" -> full();
            case "short", "smoke" -> smoke();
            default -> throw new IllegalArgumentException("unknown profile " + name + " (full | short)");
        };
    }

    public Map<String, Object> describe() {
        return Map.ofEntries(Map.entry("name", name), Map.entry("sites", sites), Map.entry("loadSites", loadSites),
                Map.entry("kiosks", loadSites * kiosksPerLoadSite), Map.entry("guards", guards),
                Map.entry("bulkVisits", bulkVisits), Map.entry("hotVisits", hotVisits), Map.entry("days", days),
                Map.entry("visitors", visitors), Map.entry("fixedSeconds", fixedSeconds),
                Map.entry("sseSubscribers", sseSubscribers));
    }
}
