package vn.kiosk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import vn.kiosk.qr.QrCodes;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.db.DbTarget;
import vn.kiosk.server.report.DailyStatsJob;

/**
 * The benchmark in one run: starts the server, measures the PostgreSQL
 * baseline on the same database, generates the history, drives check-ins
 * open-loop, probes the read paths, SSE fan-out, QR rendering, memory and
 * start-up, and writes the figures as JSON and as BENCHMARKS.md.
 *
 * <pre>java -cp kiosk-bench.jar:kiosk-server.jar vn.kiosk.bench.Bench [--profile full|short] [--json F] [--markdown F]</pre>
 */
public final class Bench {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What to run and where to put it. */
    public record Options(Profile profile, Path serverJar, String dbUrl, Path dataDir, Path json, Path markdown,
                          Path baselineScript, List<String> serverJvm, boolean readsOnly) {
    }

    private final Options o;
    private final Profile p;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final JsonObject details = new JsonObject();
    private final Map<String, Long> phaseRssKb = new ConcurrentHashMap<>();
    private volatile String phase = "start";
    private ServerProcess server;
    private CpuMeter cpu;

    public Bench(Options options) {
        this.o = options;
        this.p = options.profile();
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        JsonObject result = new Bench(options).run();
        System.out.println("Wrote " + options.json() + (options.markdown() != null ? " and " + options.markdown() : "")
                + "; budgets met: " + result.getJsonObject("summary").getInteger("met") + " of "
                + result.getJsonObject("summary").getInteger("budgets"));
        System.exit(0);
    }

    static Options parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String db = a.getOrDefault("db-url", System.getenv("KIOSK_DB_URL"));
        String jar = a.get("server-jar");
        // The server's heap is capped as docs/ARCHITECTURE.md's memory budget needs (the JVM's default takes a
        // quarter of the machine's memory and keeps what it took).
        String jvm = a.getOrDefault("server-jvm", System.getenv().getOrDefault("KIOSK_BENCH_SERVER_JVM", "-Xmx300m"));
        return new Options(Profile.named(a.getOrDefault("profile", "full")),
                jar == null ? ServerProcess.defaultJar() : Path.of(jar).toAbsolutePath(),
                db == null || db.isBlank() ? null : db,
                a.containsKey("data-dir") ? Path.of(a.get("data-dir")).toAbsolutePath() : null,
                Path.of(a.getOrDefault("json", "kiosk-bench/results.json")).toAbsolutePath(),
                a.containsKey("markdown") ? Path.of(a.get("markdown")).toAbsolutePath()
                        : Path.of("BENCHMARKS.md").toAbsolutePath(),
                a.containsKey("baseline") ? Path.of(a.get("baseline")).toAbsolutePath() : findBaseline(),
                jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+")),
                "reads".equals(a.getOrDefault("only", System.getenv("KIOSK_BENCH_ONLY"))));
    }

    /**
     * ../shared/bench/pg-baseline.sh beside the repository (looked for from the working directory upwards);
     * where there is none (a clean clone on its own), the byte-for-byte copy in bench/, which
     * BenchShortFormTest keeps equal to the shared one whenever both exist.
     */
    static Path findBaseline() {
        String env = System.getenv("KIOSK_BENCH_BASELINE");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        Path shared = sharedBaseline();
        return shared != null ? shared : copiedBaseline();
    }

    static Path sharedBaseline() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            for (String relative : new String[] {"shared/bench/pg-baseline.sh", "../shared/bench/pg-baseline.sh"}) {
                Path candidate = dir.resolve(relative).normalize();
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** bench/pg-baseline.sh of this repository, looked for from the working directory upwards. */
    static Path copiedBaseline() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("bench/pg-baseline.sh");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of("bench/pg-baseline.sh").toAbsolutePath();
    }

    static void log(String fmt, Object... args) {
        System.out.printf("[bench %s] %s%n", OffsetDateTime.now().toLocalTime().truncatedTo(ChronoUnit.SECONDS),
                String.format(java.util.Locale.ROOT, fmt, args));
    }

    public JsonObject run() throws Exception {
        long runStart = System.nanoTime();
        Path dataDir = o.dataDir() != null ? o.dataDir() : Files.createTempDirectory("kiosk-bench-");
        Files.createDirectories(o.json().getParent());
        server = new ServerProcess(o.serverJar(), dataDir, o.dbUrl(), o.serverJvm(), o.json().getParent(), p.days() + 30);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
        Thread sampler = memorySampler();
        try {
            log("profile %s; server %s; database %s", p.name(), o.serverJar() != null ? o.serverJar() : "from the class path",
                    o.dbUrl() != null ? "KIOSK_DB_URL" : "embedded in " + dataDir);
            long coldStart = server.start();
            String dbUrl = server.databaseUrl();
            Config.DbUrl db = Config.DbUrl.parse(dbUrl);
            details.put("coldStartMs", coldStart);
            cpu = new CpuMeter(server.pid(), postmasterPid(dataDir));
            JsonObject machine = machine(db);
            Dataset dataset = new Dataset(db.jdbcUrl(), db.user(), db.password(), p);

            phase = "bulk";
            Dataset.Loaded kept = o.readsOnly() ? dataset.existing() : null;
            Dataset.Loaded loaded;
            if (kept != null) {
                loaded = kept;
                log("reusing the history in %s: %,d visits at %d sites", dataDir, loaded.visits(), loaded.siteIds().length);
            } else {
                List<String> provinces = new ArrayList<>();
                long[] siteIds = dataset.createSites(provinces);
                log("%d sites; generating %,d visits over %d days (%,d at the hot site)", siteIds.length, p.bulkVisits(),
                        p.days(), p.hotVisits());
                vn.kiosk.server.visitor.Keys keys = new vn.kiosk.server.visitor.Keys(dataDir, Map.of());
                loaded = dataset.load(siteIds, provinces, new vn.kiosk.server.visitor.PersonalData(
                        keys.secret(vn.kiosk.server.visitor.Keys.DATA), keys.secret(vn.kiosk.server.visitor.Keys.LOOKUP)));
            }
            long[] siteIds = loaded.siteIds();
            log("bulk load: %,d visits and %,d visitors in %.1f s (%,.0f rows/s)", loaded.visits(), loaded.visitors(),
                    loaded.seconds(), loaded.rowsPerSecond());
            figures.put("bulk_load", Figure.info("bulk_load", "bulk load (COPY, generator only)", loaded.rowsPerSecond(),
                    "rows/s", null, String.format("%,d visits + %,d visitors in %.0f s", loaded.visits(),
                            loaded.visitors(), loaded.seconds())));
            details.put("dataset", new JsonObject().put("visits", loaded.visits()).put("visitors", loaded.visitors())
                    .put("sites", siteIds.length).put("hotSiteId", loaded.hotSiteId()).put("days", p.days())
                    .put("seconds", Figure.finite(loaded.seconds())).put("sizes", sizes(dataset)));

            phase = "figures";
            dailyFigures(vertx, db);

            phase = "setup";
            Http admin = new Http(server.baseUrl(), null).login("admin", ServerProcess.ADMIN_PASSWORD);
            if (o.readsOnly()) {
                // Iterating on the read paths: the kept history, its figures and the reads only (no markdown).
                phase = "reads";
                reads(admin, dataset, loaded);
                JsonObject result = result(machine, new JsonObject(), runStart);
                // Beside the full run's results, never over them: a partial run is not a result.
                Path partial = o.json().resolveSibling("results-reads-only.json");
                Files.writeString(partial, result.encodePrettily() + "\n");
                log("wrote %s", partial);
                return result;
            }
            long[] loadSites = java.util.Arrays.copyOf(siteIds, p.loadSites());
            List<LoadGenerator.Device> devices = devices(admin, loadSites);
            log("%d devices paired or signed in on %d sites", devices.size(), loadSites.length);

            phase = "baseline";
            JsonObject baseline = baseline(dbUrl);
            double P = baseline.getDouble("single_tps");
            log("baseline: %s", baseline.encode());

            LoadGenerator gen = new LoadGenerator(vertx, server.port(), devices, 2, 512);
            gen.start();
            phase = "warm-up";
            gen.run(Math.max(50, 0.05 * P), p.name().equals("full") ? 10 : 2, 10, null);

            phase = "peak";
            double peak = peak(gen, P);
            phase = "fixed";
            fixed(gen, P);
            phase = "closed";
            closedLoop(vertx, dbUrl, devices, P, peak);
            // SSE and purge are measured "under the fixed load"; when the server cannot sustain 25 % of P that
            // load would only measure the overload, so they run at half the measured peak instead (and say so).
            double background = Math.min(0.25 * P, 0.5 * peak);
            phase = "sse";
            sse(vertx, gen, admin, devices, background);
            phase = "reads";
            reads(admin, dataset, loaded);
            phase = "purge";
            purge(gen, dataset, background);
            phase = "qr";
            qr(admin, siteIds);
            gen.close();

            phase = "restart";
            Map<String, Long> mem = server.memoryKb();
            long peakRss = Math.max(mem.getOrDefault("VmHWM", 0L), phaseRssKb.values().stream().max(Long::compare).orElse(0L));
            details.put("rssKbByPhase", new JsonObject(new LinkedHashMap<>(phaseRssKb)));
            figures.put("rss", Figure.atMost("rss", "server memory at peak (resident)", peakRss / 1024.0, "MB", 512,
                    "VmHWM of the server JVM over the whole run" + (o.serverJvm().isEmpty() ? " (default JVM flags)"
                            : " (" + String.join(" ", o.serverJvm()) + ")")));
            long blocked = server.blockedThreadWarnings();
            server.stop();
            long warmStart = server.start();
            figures.put("startup", Figure.atMost("startup", "start-up with a warm data dir to a healthy /health",
                    warmStart, "ms", 5000, (o.dbUrl() == null ? "embedded PostgreSQL started by the server, "
                            : "external PostgreSQL, ") + String.format("%,d visits", loaded.visits())));
            figures.put("blocked", Figure.atMost("blocked", "\"Thread blocked\" warnings in the server log", blocked,
                    "warnings", 0, null));
            log("warm start-up %d ms; %d blocked-thread warnings", warmStart, blocked);

            JsonObject result = result(machine, baseline, runStart);
            Files.writeString(o.json(), result.encodePrettily() + "\n");
            if (o.markdown() != null) {
                Files.writeString(o.markdown(), Markdown.render(result));
            }
            return result;
        } finally {
            sampler.interrupt();
            server.stop();
            vertx.close().await(10, TimeUnit.SECONDS);
            if (o.dataDir() == null) {
                deleteTree(dataDir); // the generated database takes several GB
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            log("could not remove %s (%s)", dir, e);
        }
    }

    // ---------------------------------------------------------------- phases

    /**
     * A busy gate rather than a thousand kiosks: closed loops of 1, 4, 16 and 64 signed-in guards, each sending the
     * next check-in when the last is answered, against the server and against one INSERT per request through the
     * same HTTP stack (InsertReference), interleaved and repeated; medians.
     */
    private void closedLoop(Vertx vertx, String dbUrl, List<LoadGenerator.Device> devices, double P, double peak)
            throws Exception {
        List<ClosedLoop.Guard> guards = devices.stream().filter(LoadGenerator.Device::guard)
                .map(d -> new ClosedLoop.Guard(d.token(), d.siteId())).toList();
        JsonArray points;
        try (ClosedLoopPhase phase = new ClosedLoopPhase(vertx, dbUrl, server.port(), guards, o.json().getParent())) {
            points = phase.run(new int[] {1, 4, 16, 64}, p.closedSeconds(), p.closedRounds(), P);
        }
        details.put("closedLoop", new JsonObject().put("points", points).put("seconds", p.closedSeconds())
                .put("rounds", p.closedRounds()).put("openLoopPeak", Figure.finite(peak)));
        for (Object o : points) {
            JsonObject pt = (JsonObject) o;
            int n = pt.getInteger("connections");
            JsonObject k = pt.getJsonObject("kiosk");
            JsonObject ref = pt.getJsonObject("reference");
            String how = String.format(java.util.Locale.ROOT, "closed loop, %d guards, %d × %d s, median; one INSERT per"
                            + " request through the same HTTP stack: %,.0f/s (p99 %.1f ms), Kiosk %.2f × that; p50 %.1f ms;"
                            + " load average %s", n, p.closedRounds(), p.closedSeconds(), ref.getDouble("perSecond"),
                    ref.getDouble("p99"), pt.getDouble("vsReference"), k.getDouble("p50"), k.getValue("loadAverages"));
            String key = "closed_" + n;
            double rate = k.getDouble("perSecond");
            switch (n) {
                case 16 -> {
                    figures.put(key, Figure.atLeast(key, "check-in, 16 connections closed loop (≥ 3 × one INSERT per request)",
                            rate, "check-ins/s", 3 * ref.getDouble("perSecond"), rate / P, how));
                    figures.put(key + "_p99", Figure.atMost(key + "_p99", "check-in, 16 connections closed loop: p99",
                            k.getDouble("p99"), "ms", 15, how));
                }
                case 64 -> figures.put(key, Figure.atLeast(key, "check-in, 64 connections closed loop", rate,
                        "check-ins/s", P, rate / P, how));
                default -> figures.put(key, Figure.info(key, "check-in, " + n + " connection" + (n == 1 ? "" : "s")
                        + " closed loop", rate, "check-ins/s", rate / P, how + String.format(java.util.Locale.ROOT,
                        "; p99 %.1f ms", k.getDouble("p99"))));
            }
        }
    }

    /** Open-loop steps from 10 % of P up by half each time, until the server falls behind; returns the peak. */
    private double peak(LoadGenerator gen, double P) throws Exception {
        JsonArray steps = new JsonArray();
        double best = 0;
        LoadGenerator.Result bestStep = null;
        double rate = Math.max(50, 0.1 * P);
        int maxSteps = p.name().equals("full") ? 10 : 3;
        for (int i = 0; i < maxSteps; i++) {
            Map<String, Double> before = cpu.snapshot();
            LoadGenerator.Result r = gen.run(rate, p.peakStepSeconds(), 30, null);
            steps.add(step(r).put("cpuMsPerCheckin", new JsonObject(new LinkedHashMap<>(
                    CpuMeter.perUnit(before, cpu.snapshot(), r.ok())))));
            log("peak step: offered %,.0f/s → %,.0f ok/s, p99 %.1f ms, errors %d %s %s; %s", rate, r.okPerSecond(),
                    r.p(99), r.errors(), r.statuses(), r.failures(), serverMetrics());
            boolean kept = r.okPerSecond() >= 0.95 * rate && r.errors() <= r.sent() / 1000 && r.p(99) <= 1000;
            if (r.okPerSecond() > best && r.errors() <= r.sent() / 100) {
                best = r.okPerSecond();
                bestStep = r;
            }
            if (!kept) {
                break;
            }
            rate *= 1.5;
            Thread.sleep(1000);
        }
        details.put("peakSteps", steps);
        figures.put("peak", Figure.atLeast("peak", "check-in, durable, peak throughput", best, "check-ins/s", 1.5 * P,
                best / P, bestStep == null ? "no step without errors" : String.format(
                        "open loop, offered %,.0f/s for %d s: p50 %.1f ms, p99 %.1f ms", bestStep.offeredPerSecond(),
                        p.peakStepSeconds(), bestStep.p(50), bestStep.p(99))));
        return best;
    }

    private void fixed(LoadGenerator gen, double P) throws Exception {
        double rate = 0.25 * P;
        Map<String, Double> before = cpu.snapshot();
        LoadGenerator.Result r = gen.run(rate, p.fixedSeconds(), 30, null);
        Map<String, Double> perCheckin = CpuMeter.perUnit(before, cpu.snapshot(), r.ok());
        log("CPU per check-in (ms): %s", perCheckin);
        details.put("fixed", step(r).put("cpuMsPerCheckin", new JsonObject(new LinkedHashMap<>(perCheckin))));
        figures.put("cpu_server", Figure.info("cpu_server", "server CPU per check-in", perCheckin.get("server"), "ms",
                null, "at the fixed load; PostgreSQL " + perCheckin.getOrDefault("postgres", Double.NaN)
                        + " ms, load generator " + perCheckin.get("bench") + " ms"));
        log("fixed %,.0f/s for %d s: p50 %.2f p99 %.2f p99.9 %.2f max %.1f ms, errors %d %s %s; %s", rate,
                p.fixedSeconds(), r.p(50), r.p(99), r.p(99.9), r.maxMs(), r.errors(), r.statuses(), r.failures(),
                serverMetrics());
        String at = String.format("%,.0f/s (25 %% of P) for %d s", rate, p.fixedSeconds());
        figures.put("fixed_p50", Figure.info("fixed_p50", "check-in at 25 % of P: p50", r.p(50), "ms", null, at));
        figures.put("fixed_p99", Figure.atMost("fixed_p99", "check-in at 25 % of P: p99", r.p(99), "ms", 10, at));
        figures.put("fixed_p999", Figure.atMost("fixed_p999", "check-in at 25 % of P: p99.9", r.p(99.9), "ms", 50, at));
        figures.put("fixed_errors", Figure.atMost("fixed_errors", "check-in at 25 % of P: errors", r.errors()
                + r.unfinished(), "errors", 0, String.format("%,d requests", r.sent())));
    }

    private void sse(Vertx vertx, LoadGenerator gen, Http admin, List<LoadGenerator.Device> devices, double rate)
            throws Exception {
        LoadGenerator.Device prober = devices.stream().filter(d -> !d.guard()).findFirst().orElseThrow();
        long site = siteOfKiosk(admin, prober);
        double probeRate = p.name().equals("full") ? 10 : 5;
        SseProbe probe = new SseProbe(vertx, server.port(), site, admin.token(), prober, probeRate);
        try {
            int connected = probe.connect(p.sseSubscribers());
            log("%d event streams open on site %d", connected, site);
            probe.startProbing();
            LoadGenerator.Result r = gen.run(rate, p.sseSeconds(), 30, probe);
            probe.stopProbing();
            Thread.sleep(2000);
            Histogram h = probe.latency();
            long expected = (long) probe.probesSent() * connected;
            double p99 = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
            log("SSE: %d probes × %d streams, %d delivered; p50 %.1f p99 %.1f max %.1f ms; check-ins p99 %.1f ms",
                    probe.probesSent(), connected, probe.delivered(), h.getValueAtPercentile(50) / 1000.0, p99,
                    h.getMaxValue() / 1000.0, r.p(99));
            details.put("sse", new JsonObject().put("subscribers", connected).put("probes", probe.probesSent())
                    .put("delivered", probe.delivered()).put("expected", expected)
                    .put("p50Ms", Figure.finite(h.getValueAtPercentile(50) / 1000.0)).put("p99Ms", Figure.finite(p99))
                    .put("maxMs", Figure.finite(h.getMaxValue() / 1000.0)).put("checkins", step(r)));
            figures.put("sse_p99", Figure.atMost("sse_p99", "SSE event to " + connected + " subscribers, under the fixed load (p99)",
                    expected > 0 && probe.delivered() < expected ? Double.POSITIVE_INFINITY : p99, "ms", 50,
                    String.format("from the check-in's send to each subscriber's copy; %d of %d copies delivered; p50 %.1f ms;"
                            + " %,.0f check-ins/s meanwhile (p99 %.1f ms)", probe.delivered(), expected,
                            h.getValueAtPercentile(50) / 1000.0, rate, r.p(99))));
        } finally {
            probe.close();
        }
    }

    private void reads(Http admin, Dataset dataset, Dataset.Loaded loaded) throws Exception {
        // The server's own background work that competes with the probes: a daily figures round (every 5 min).
        BackgroundWatch watch = new BackgroundWatch(dataset);
        watch.start();
        try {
            readProbes(admin, dataset, loaded);
        } finally {
            details.put("backgroundDuringReads", watch.finish());
        }
    }

    /** Samples pg_stat_activity every 100 ms: how often a daily figures round of the server was running. */
    private static final class BackgroundWatch extends Thread {
        private final Dataset dataset;
        private volatile boolean done;
        private long samples;
        private long busy;

        BackgroundWatch(Dataset dataset) {
            super("background-watch");
            setDaemon(true);
            this.dataset = dataset;
        }

        @Override
        public void run() {
            try (Connection c = dataset.connect(); Statement s = c.createStatement()) {
                while (!done) {
                    try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where state = 'active'"
                            + " and query like '%insert into daily_site_stats%' and pid <> pg_backend_pid()")) {
                        rs.next();
                        samples++;
                        busy += rs.getLong(1) > 0 ? 1 : 0;
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                // best effort: the figure says how many samples it has
            }
        }

        JsonObject finish() throws InterruptedException {
            done = true;
            join(5000);
            return new JsonObject().put("samples", samples).put("dailyFiguresRoundRunning", busy)
                    .put("loadAverage", loadAverage());
        }
    }

    private void readProbes(Http admin, Dataset dataset, Dataset.Loaded loaded) throws Exception {
        long hot = loaded.hotSiteId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime from = now.minusDays(p.days() + 1);
        String range = "from=" + enc(from.toString()) + "&to=" + enc(now.toString());
        int n = p.querySamples();

        // Where a slow page's time goes: the server's own response-time histogram of the route, its GC pauses
        // and the CPU each process used, around the probes (the warm-up requests included).
        String route = "/api/v1/sites/:siteId/visits";
        Map<String, Double> viewBefore = serverView(route);
        Map<String, Double> cpuBefore = cpu.snapshot();
        ReadProbes.Timing first = ReadProbes.time(n, () -> page(admin, "/api/v1/sites/" + hot + "/visits?limit=50&" + range));
        try (Connection c = dataset.connect()) {
            long depth = p.hotVisits() / 2;
            Object[] row = ReadProbes.rowAtDepth(c, hot, now, depth);
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString((row[0] + "|" + row[1])
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, Double> viewMiddle = serverView(route);
            ReadProbes.Timing deep = ReadProbes.time(n, () -> page(admin, "/api/v1/sites/" + hot
                    + "/visits?limit=50&cursor=" + cursor + "&" + range));
            Map<String, Double> viewAfter = serverView(route);
            JsonObject logProbe = logProbe(viewBefore, viewMiddle, viewAfter, first, deep,
                    CpuMeter.perUnit(cpuBefore, cpu.snapshot(), 2L * n));
            details.put("logProbe", logProbe);
            figures.put("log_first", Figure.atMost("log_first", "log page of 50, first page, hot site (p99)", first.p(99), "ms", 5,
                    String.format("HTTP, %,d visits at the site over %d days; p50 %.2f ms; inside the server p99 %s",
                            p.hotVisits(), p.days(), first.p(50), logProbe.getString("firstServerP99"))));
            figures.put("log_deep", Figure.atMost("log_deep", "log page of 50 via cursor, " + String.format("%,d", depth)
                    + " rows deep, hot site (p99)", deep.p(99), "ms", 5, String.format("HTTP; p50 %.2f ms; inside the"
                    + " server p99 %s", deep.p(50), logProbe.getString("deepServerP99"))));

            // A day in the middle of the history, local time.
            LocalDate day = LocalDate.now(VN).minusDays(Math.max(2, p.days() / 3));
            OffsetDateTime dayFrom = day.atStartOfDay(VN).toOffsetDateTime();
            OffsetDateTime dayTo = day.plusDays(1).atStartOfDay(VN).toOffsetDateTime();
            long normal = ReadProbes.normalSite(c, dayFrom, dayTo, hot);
            Object[] normalStay = ReadProbes.visitAt(c, normal, dayFrom, dayTo);
            Object[] hotStay = ReadProbes.visitAt(c, hot, dayFrom, dayTo);
            OffsetDateTime twoFrom = dayFrom.minusDays(7);
            OffsetDateTime twoTo = dayFrom.plusDays(7);
            Object[] busy = busyVisitor(c, twoFrom, twoTo);
            boolean api = admin.post("/api/v1/traces", new JsonObject()).status() != 404;
            String how = api ? "POST /api/v1/traces" : "SQL of the trace (no /api/v1/traces on this branch yet)";
            ReadProbes.Timing t1n;
            ReadProbes.Timing t1h;
            Histogram tookNormal = new Histogram(3);
            ReadProbes.Timing t2;
            if (api) {
                t1n = ReadProbes.time(n, () -> trace(admin, new JsonObject().put("visitId", normalStay[1].toString())
                        .put("from", dayFrom.toString()).put("to", dayTo.toString()), tookNormal));
                t1h = ReadProbes.time(n, () -> trace(admin, new JsonObject().put("visitId", hotStay[1].toString())
                        .put("from", dayFrom.toString()).put("to", dayTo.toString())));
                t2 = ReadProbes.time(Math.max(5, n / 20), () -> trace(admin, new JsonObject()
                        .put("visitId", busy[1].toString()).put("from", twoFrom.toString()).put("to", twoTo.toString())
                        .put("hops", 2)));
            } else {
                t1n = ReadProbes.time(n, () -> ReadProbes.trace1(c, (Long) normalStay[0], dayFrom, dayTo, 15));
                t1h = ReadProbes.time(n, () -> ReadProbes.trace1(c, (Long) hotStay[0], dayFrom, dayTo, 15));
                t2 = ReadProbes.time(Math.max(5, n / 20), () -> ReadProbes.trace2(c, (Long) busy[0], twoFrom, twoTo, 15));
            }
            figures.put("trace1_normal", Figure.atMost("trace1_normal", "1-hop trace, normal site (p99)", t1n.p(99), "ms", 5,
                    how + String.format("; the subject's stays of one day, %d contacts; p50 %.2f ms", t1n.lastCount(), t1n.p(50))));
            if (tookNormal.getTotalCount() > 0) {
                details.put("trace1NormalServer", new JsonObject()
                        .put("p50Ms", Figure.finite(tookNormal.getValueAtPercentile(50) / 1000.0))
                        .put("p99Ms", Figure.finite(tookNormal.getValueAtPercentile(99) / 1000.0))
                        .put("clientP50Ms", Figure.finite(t1n.p(50))).put("clientP99Ms", Figure.finite(t1n.p(99))));
            }
            figures.put("trace1_hot", Figure.atMost("trace1_hot", "1-hop trace, hot site (p99)", t1h.p(99), "ms", 50,
                    how + String.format("; the subject's stays of one day, %d contacts; p50 %.2f ms", t1h.lastCount(), t1h.p(50))));
            figures.put("trace2", Figure.atMost("trace2", "2-hop trace over 14 days (p99)", t2.p(99), "ms", 500,
                    how + String.format("; a visitor with %s stays in the window, %,d contacts; p50 %.0f ms", busy[2],
                            t2.lastCount(), t2.p(50))));

            String province = Dataset.HOT_PROVINCE;
            boolean reportApi = admin.get("/api/v1/reports/daily?date=" + day + "&province=" + enc(province)).status() != 404;
            ReadProbes.Timing rep = reportApi
                    ? ReadProbes.time(Math.max(10, n / 4), () -> {
                        Http.Response r = admin.get("/api/v1/reports/daily?date=" + day + "&province=" + enc(province));
                        if (r.status() != 200) {
                            throw new IllegalStateException("report answered " + r.status());
                        }
                        return r.json().getJsonArray("rows").size();
                    })
                    : ReadProbes.time(Math.max(10, n / 4), () -> ReadProbes.report(c, province, dayFrom, dayTo));
            figures.put("report", Figure.atMost("report", "daily report for a whole province (p99)", rep.p(99), "ms", 200,
                    (reportApi ? "GET /api/v1/reports/daily" : "SQL of the report (no /api/v1/reports/daily on this branch yet)")
                            + String.format("; %s, %s (a past day: the figures the server's daily job stored), %d sites;"
                            + " p50 %.1f ms", province, day, rep.lastCount(), rep.p(50))));
            // Today is computed from the visits on every request (check-ins still change it): its own row, no budget.
            ReadProbes.Timing live = ReadProbes.time(Math.max(10, n / 20), () -> {
                Http.Response r = admin.get("/api/v1/reports/daily?province=" + enc(province));
                if (r.status() != 200) {
                    throw new IllegalStateException("report answered " + r.status());
                }
                return r.json().getJsonObject("totals").getLong("entries");
            });
            figures.put("report_today", Figure.info("report_today", "daily report for a whole province, today (p99)",
                    live.p(99), "ms", null, String.format("GET /api/v1/reports/daily; %s, computed from today's visits"
                            + " (%,d entries so far, from this run's check-ins); p50 %.1f ms", province, live.lastCount(),
                            live.p(50))));
            log("reads: log first %.2f / deep %.2f ms; trace normal %.2f / hot %.2f / 2-hop %.0f ms; report %.1f ms,"
                    + " today %.1f ms (p99)", first.p(99), deep.p(99), t1n.p(99), t1h.p(99), t2.p(99), rep.p(99), live.p(99));
        }
    }

    /**
     * The generated history was written behind the server's back, so its daily figures job has stored nothing
     * for it. Runs that job (the server's own class and SQL, on a pool of its own) as the server does at start:
     * the days no row has yet, then the recent days; the reports then read past days as in real operation.
     */
    private void dailyFigures(Vertx vertx, Config.DbUrl db) throws Exception {
        Pool pool = DbTarget.of(db).pool(vertx, 1, "bench-figures");
        try {
            DailyStatsJob job = new DailyStatsJob(pool, Clock.systemUTC(), server.retentionDays());
            long t0 = System.nanoTime();
            int older = locked(() -> job.fillMissing());
            int recent = locked(() -> job.runOnce());
            double secs = (System.nanoTime() - t0) / 1e9;
            log("daily figures stored by the server's job: %,d site-days (%,d of the recent days) in %.1f s",
                    older + recent, recent, secs);
            details.put("dailyFigures", new JsonObject().put("siteDays", older + recent).put("recentSiteDays", recent)
                    .put("seconds", Figure.finite(secs)));
        } finally {
            pool.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** The route's response-time histogram ({@code le} → count) and the JVM's GC pauses, from the server's /metrics. */
    private Map<String, Double> serverView(String route) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : new Http(server.baseUrl(), ServerProcess.METRICS_TOKEN).get("/metrics").text().split("\n")) {
            double v;
            try {
                v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } catch (RuntimeException e) {
                continue;
            }
            if (line.startsWith("kiosk_http_server_response_time_seconds_bucket{") && line.contains("route=\"" + route + "\"")
                    && line.contains("code=\"200\"")) {
                out.merge(line.replaceAll(".*le=\"([^\"]+)\".*", "$1"), v, Double::sum);
            } else if (line.startsWith("jvm_gc_pause_seconds_count")) {
                out.merge("gcPauses", v, Double::sum);
            } else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
                out.merge("gcSeconds", v, Double::sum);
            }
        }
        return out;
    }

    /**
     * The log probes seen from both ends: the client's latencies, the server's histogram of the same requests
     * (from the request's arrival to its response, so it includes PostgreSQL but not the client), the GC
     * pauses meanwhile, and the CPU per request of the server, PostgreSQL and this client.
     */
    private JsonObject logProbe(Map<String, Double> before, Map<String, Double> middle, Map<String, Double> after,
                                ReadProbes.Timing first, ReadProbes.Timing deep, Map<String, Double> cpuPerRequest) {
        JsonObject o = new JsonObject();
        o.put("firstServerP99", serverP99(before, middle)).put("deepServerP99", serverP99(middle, after));
        double requests = after.getOrDefault("+Inf", 0.0) - before.getOrDefault("+Inf", 0.0);
        double server5 = after.getOrDefault("0.005", 0.0) - before.getOrDefault("0.005", 0.0);
        long clientOver5 = first.latency().getCountBetweenValues(5001, Long.MAX_VALUE / 2)
                + deep.latency().getCountBetweenValues(5001, Long.MAX_VALUE / 2);
        long measured = first.latency().getTotalCount() + deep.latency().getTotalCount();
        return o.put("serverRequests", (long) requests).put("serverOver5ms", (long) (requests - server5))
                .put("clientMeasured", measured).put("clientOver5ms", clientOver5)
                .put("gcPauses", (long) (after.getOrDefault("gcPauses", 0.0) - before.getOrDefault("gcPauses", 0.0)))
                .put("gcMs", Figure.finite(1000 * (after.getOrDefault("gcSeconds", 0.0) - before.getOrDefault("gcSeconds", 0.0))))
                .put("cpuMsPerRequest", new JsonObject(new LinkedHashMap<>(cpuPerRequest)))
                .put("loadAverage", loadAverage());
    }

    /** The bucket of the server's histogram that holds the 99th percentile of the requests between two views. */
    private static String serverP99(Map<String, Double> before, Map<String, Double> after) {
        double total = after.getOrDefault("+Inf", 0.0) - before.getOrDefault("+Inf", 0.0);
        for (Map.Entry<String, Double> e : after.entrySet()) {
            if (!e.getKey().matches("[0-9.]+")) {
                continue;
            }
            if (total > 0 && e.getValue() - before.getOrDefault(e.getKey(), 0.0) >= 0.99 * total) {
                return String.format(java.util.Locale.ROOT, "≤ %s ms", fmtMs(Double.parseDouble(e.getKey()) * 1000));
            }
        }
        return "> 10 s";
    }

    private static String fmtMs(double ms) {
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
    }

    /** Runs a round of the job, waiting while the server's own round holds the figures lock (-1). */
    private static int locked(java.util.function.Supplier<io.vertx.core.Future<Integer>> round) throws Exception {
        while (true) {
            int n = round.get().toCompletionStage().toCompletableFuture().get();
            if (n >= 0) {
                return n;
            }
            Thread.sleep(1000);
        }
    }

    private void purge(LoadGenerator gen, Dataset dataset, double rate) throws Exception {
        LocalDate oldest;
        try (Connection c = dataset.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select min(c.relname) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                     + " join pg_class p on p.oid = i.inhparent where p.relname = 'visits' and c.relname ~ '^visits_[0-9]{8}$'")) {
            rs.next();
            String name = rs.getString(1);
            oldest = LocalDate.parse(name.substring(7, 11) + "-" + name.substring(11, 13) + "-" + name.substring(13, 15));
        }
        String day = oldest.toString().replace("-", "");
        long[] purge = new long[3];
        Thread purger = new Thread(() -> {
            try {
                Thread.sleep(p.purgeSeconds() * 400L);
                try (Connection c = dataset.connect(); Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("select count(*) from visits_" + day)) {
                        rs.next();
                        purge[2] = rs.getLong(1);
                    }
                    s.execute("set lock_timeout = '50ms'");
                    long t0 = System.nanoTime();
                    for (String table : List.of("visits_" + day, "visit_events_" + day)) {
                        while (true) {
                            try {
                                s.execute("drop table if exists " + table);
                                break;
                            } catch (SQLException e) {
                                if (!"55P03".equals(e.getSQLState())) {
                                    throw e;
                                }
                                purge[1]++;
                                Thread.sleep(100 + (long) (Math.random() * 200));
                            }
                        }
                    }
                    purge[0] = (System.nanoTime() - t0) / 1000;
                }
            } catch (Exception e) {
                purge[0] = -1;
                log("purge failed: %s", e);
            }
        }, "purge");
        purger.start();
        LoadGenerator.Result r = gen.run(rate, p.purgeSeconds(), 30, null);
        purger.join();
        double ms = purge[0] < 0 ? Double.NaN : purge[0] / 1000.0;
        log("purge of %s (%,d visits): %.1f ms, %d lock-timeout retries; check-ins meanwhile p99 %.1f max %.1f ms",
                oldest, purge[2], ms, purge[1], r.p(99), r.maxMs());
        details.put("purge", new JsonObject().put("day", oldest.toString()).put("visits", purge[2]).put("ms", Figure.finite(ms))
                .put("lockRetries", purge[1]).put("checkins", step(r)));
        figures.put("purge", Figure.atMost("purge", "retention purge of one day", ms, "ms", 1000, String.format(
                "DROP TABLE of the day's visits and visit_events partitions (%,d visits) with lock_timeout 50 ms and retries, as the server's Retention job does; %d retries",
                purge[2], purge[1])));
        figures.put("purge_stall", Figure.atMost("purge_stall", "longest check-in during the purge", r.maxMs(), "ms", 100,
                String.format("%,.0f check-ins/s for %d s around it, %d errors; p99 %.1f ms", rate, p.purgeSeconds(),
                        r.errors(), r.p(99))));
    }

    private void qr(Http admin, long[] siteIds) throws Exception {
        long site = siteIds[1];
        double secs = p.qrSeconds();
        String url = "http://localhost:8080/c/";
        double svgDirect = direct(secs, i -> QrCodes.svg(url + "p1." + i + ".AbCdEfGhIjKlMnOpQrStUv"));
        double pngDirect = direct(secs, i -> QrCodes.png(url + "p1." + i + ".AbCdEfGhIjKlMnOpQrStUv", 512));
        admin.get("/api/v1/sites/" + site + "/qr.png?size=512");
        double svgHttp = closedLoop(secs, 4, i -> admin.get("/api/v1/sites/" + site + "/qr.svg"));
        double pngHttp = closedLoop(secs, 4, i -> admin.get("/api/v1/sites/" + site + "/qr.png?size=512"));
        int sites = siteIds.length;
        double coldHttp = closedLoop(secs, 4, i -> admin.get("/api/v1/sites/" + siteIds[(int) (i % sites)]
                + "/qr.png?size=" + (300 + (i / sites) % 200)));
        int cores = Runtime.getRuntime().availableProcessors();
        log("QR per core: SVG %.0f/s, PNG %.0f/s; over HTTP (%d cores shared with the client): SVG %.0f, cached PNG %.0f, cold PNG %.0f /s",
                svgDirect, pngDirect, cores, svgHttp, pngHttp, coldHttp);
        figures.put("qr_svg", Figure.atLeast("qr_svg", "QR: SVG, per core", svgDirect, "codes/s", 1000, null,
                String.format("QrCodes.svg on one thread; over HTTP %,.0f/s on %d cores", svgHttp, cores)));
        figures.put("qr_png_cached", Figure.atLeast("qr_png_cached", "QR: cached PNG, per core", pngHttp / cores, "codes/s",
                1000, null, String.format("GET …/qr.png over HTTP: %,.0f/s on %d cores, shared with the client", pngHttp, cores)));
        figures.put("qr_png_cold", Figure.info("qr_png_cold", "QR: cold PNG, per core", pngDirect, "codes/s", null,
                String.format("QrCodes.png 512 px on one thread; over HTTP (new site or size each time) %,.0f/s on %d cores",
                        coldHttp, cores)));
    }

    // ---------------------------------------------------------------- helpers

    private List<LoadGenerator.Device> devices(Http admin, long[] sites) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LoadGenerator.Device>> out = new ArrayList<>();
            for (long site : sites) {
                for (int k = 0; k < p.kiosksPerLoadSite(); k++) {
                    int kk = k;
                    out.add(pool.submit(() -> {
                        JsonObject kiosk = admin.expect(201, admin.post("/api/v1/sites/" + site + "/kiosks",
                                new JsonObject().put("name", "Kiosk " + (kk + 1)).put("gate", "Cổng " + (char) ('A' + kk))
                                        .put("mode", "both")), "create kiosk");
                        JsonObject paired = admin.expect(200, admin.as(null).post("/api/v1/kiosks/pair",
                                new JsonObject().put("pairingCode", kiosk.getString("pairingCode"))), "pair kiosk");
                        return new LoadGenerator.Device(paired.getString("deviceToken"), site, false);
                    }));
                }
            }
            String stamp = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            for (int g = 0; g < p.guards(); g++) {
                long site = sites[g % sites.length];
                String user = "guard-" + stamp + "-" + g;
                out.add(pool.submit(() -> {
                    admin.expect(201, admin.post("/api/v1/users", new JsonObject().put("username", user)
                            .put("password", "password-of-" + user).put("role", "guard")
                            .put("siteIds", new JsonArray().add(site))), "create guard");
                    return new LoadGenerator.Device(admin.as(null).login(user, "password-of-" + user).token(), site, true);
                }));
            }
            List<LoadGenerator.Device> devices = new ArrayList<>();
            for (Future<LoadGenerator.Device> f : out) {
                devices.add(f.get());
            }
            Collections.shuffle(devices, new java.util.Random(7));
            return devices;
        } finally {
            pool.shutdown();
        }
    }

    private long siteOfKiosk(Http admin, LoadGenerator.Device kiosk) {
        return kiosk.siteId();
    }

    private JsonObject baseline(String dbUrl) throws IOException, InterruptedException {
        return baseline(o.baselineScript(), dbUrl, p.baselineSeconds());
    }

    /** P: pg-baseline.sh's durable single-row INSERT rate on the database at {@code dbUrl}. */
    static double baselineTps(Path script, String dbUrl, int seconds) throws IOException, InterruptedException {
        return baseline(script, dbUrl, seconds).getDouble("single_tps");
    }

    private static JsonObject baseline(Path script, String dbUrl, int seconds) throws IOException, InterruptedException {
        if (!Files.exists(script)) {
            throw new IllegalStateException("The baseline script " + script + " is missing"
                    + " (it lives in ../shared/bench/; or set KIOSK_BENCH_BASELINE)");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), String.valueOf(seconds));
        pb.environment().put("KIOSK_DB_URL", dbUrl);
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = proc.waitFor();
        String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (rc != 0 || last == null) {
            throw new IllegalStateException("pg-baseline.sh failed (" + rc + "): " + out);
        }
        JsonObject j = new JsonObject(last);
        if (j.getDouble("single_tps") <= 0) {
            throw new IllegalStateException("pg-baseline.sh measured nothing: " + out);
        }
        return j.put("seconds", seconds).put("script", script.toString());
    }

    /** A visitor with the most stays in the window (among a sample): {visitor id, one visit id, stays}. */
    private Object[] busyVisitor(Connection c, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        try (var ps = c.prepareStatement("select visitor_id, (array_agg(id))[1], count(*) from visits"
                + " where entered_at >= ? and entered_at < ?"
                + " and visitor_id in (select visitor_id from visits where entered_at >= ? and entered_at < ? limit 2000)"
                + " group by visitor_id order by count(*) desc, visitor_id limit 1")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setObject(3, from.plusDays(6));
            ps.setObject(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Object[] {rs.getLong(1), rs.getObject(2, java.util.UUID.class), rs.getLong(3)};
            }
        }
    }

    private static long trace(Http admin, JsonObject body) {
        return trace(admin, body, null);
    }

    /** A trace; {@code took} gets the server's own time for it (tookMs: the look-ups, before the audit row). */
    private static long trace(Http admin, JsonObject body, Histogram took) {
        Http.Response r = admin.post("/api/v1/traces", body.put("minOverlapMinutes", 15));
        if (r.status() != 200) {
            throw new IllegalStateException("trace answered " + r.status() + " " + r.text());
        }
        JsonObject j = r.json();
        if (took != null && j.getDouble("tookMs") != null) {
            took.recordValue(Math.max(1, Math.round(j.getDouble("tookMs") * 1000)));
        }
        return j.getJsonArray("contacts").size();
    }

    private static long page(Http admin, String path) {
        Http.Response r = admin.get(path);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " answered " + r.status() + " " + r.text());
        }
        return r.body().length;
    }

    interface Work {
        Object run(long i) throws Exception;
    }

    private static double direct(double secs, Work w) throws Exception {
        long end = System.nanoTime() + 300_000_000L;
        long i = 0;
        while (System.nanoTime() < end) {
            w.run(i++); // warm
        }
        long t0 = System.nanoTime();
        end = t0 + (long) (secs * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            w.run(i++);
            n++;
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double closedLoop(double secs, int threads, Work w) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong seq = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        long end = t0 + (long) (secs * 1e9);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Object r = w.run(seq.getAndIncrement());
                    if (r instanceof Http.Response hr && hr.status() != 200) {
                        throw new IllegalStateException("answered " + hr.status());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private final Map<String, Double> lastMetrics = new LinkedHashMap<>();

    /** Batches written since the last call and their mean size, from the server's /metrics. */
    private String serverMetrics() {
        try {
            Http.Response r = new Http(server.baseUrl(), ServerProcess.METRICS_TOKEN).get("/metrics");
            Map<String, Double> now = new LinkedHashMap<>();
            for (String line : r.text().split("\n")) {
                if (line.startsWith("kiosk_write_batch_size_count") || line.startsWith("kiosk_write_batch_size_sum")) {
                    now.merge(line.substring(0, line.indexOf(line.startsWith("kiosk_write_batch_size_count") ? "_count" : "_sum")
                                    + (line.startsWith("kiosk_write_batch_size_count") ? 6 : 4)),
                            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
            double batches = now.getOrDefault("kiosk_write_batch_size_count", 0.0)
                    - lastMetrics.getOrDefault("kiosk_write_batch_size_count", 0.0);
            double rows = now.getOrDefault("kiosk_write_batch_size_sum", 0.0)
                    - lastMetrics.getOrDefault("kiosk_write_batch_size_sum", 0.0);
            lastMetrics.putAll(now);
            return String.format(java.util.Locale.ROOT, "%,.0f batches, mean %.1f check-ins", batches,
                    batches == 0 ? 0 : rows / batches);
        } catch (RuntimeException e) {
            return "no metrics";
        }
    }

    private static JsonObject step(LoadGenerator.Result r) {
        return new JsonObject().put("offeredPerSecond", Figure.finite(r.offeredPerSecond()))
                .put("okPerSecond", Figure.finite(r.okPerSecond())).put("sent", r.sent()).put("ok", r.ok())
                .put("errors", r.errors()).put("unfinished", r.unfinished())
                .put("statuses", new JsonObject(new LinkedHashMap<>(stringKeys(r.statuses()))))
                .put("p50Ms", Figure.finite(r.p(50))).put("p99Ms", Figure.finite(r.p(99)))
                .put("p999Ms", Figure.finite(r.p(99.9))).put("maxMs", Figure.finite(r.maxMs()));
    }

    private static Map<String, Object> stringKeys(Map<Integer, Long> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return null; // an external database: its CPU is not visible from here
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Thread memorySampler() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(250);
                    if (server != null) {
                        Long rss = server.memoryKb().get("VmRSS");
                        if (rss != null) {
                            phaseRssKb.merge(phase, rss, Math::max);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the server is restarting
                }
            }
        }, "rss-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private JsonObject sizes(Dataset dataset) throws SQLException {
        try (Connection c = dataset.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select (select sum(pg_total_relation_size(i.inhrelid)) from pg_inherits i
                         where i.inhparent = 'visits'::regclass) as visits_bytes,
                       pg_total_relation_size('visitors') as visitors_bytes,
                       pg_database_size(current_database()) as database_bytes""")) {
            rs.next();
            return new JsonObject().put("visitsBytes", rs.getLong(1)).put("visitorsBytes", rs.getLong(2))
                    .put("databaseBytes", rs.getLong(3));
        }
    }

    private JsonObject machine(Config.DbUrl db) throws Exception {
        JsonObject m = new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverageAtStart", loadAverage());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memoryGb", Figure.finite(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_setting('server_version'), current_setting('fsync'),"
                    + " current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
                rs.next();
                m.put("postgres", rs.getString(1)).put("fsync", rs.getString(2))
                        .put("synchronousCommit", rs.getString(3)).put("sharedBuffers", rs.getString(4));
            }
        }
        m.put("database", o.dbUrl() == null ? "embedded (zonky)" : "KIOSK_DB_URL");
        m.put("pgbench", version("pgbench"));
        return m;
    }

    /** The 1-minute load average: how busy the shared machine was (2.0 = both cores of a 2-core machine). */
    static Double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String version(String tool) {
        try {
            Process pr = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            pr.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "not found";
        }
    }

    private JsonObject result(JsonObject machine, JsonObject baseline, long runStart) {
        JsonObject figs = new JsonObject();
        int budgets = 0;
        int met = 0;
        JsonArray missed = new JsonArray();
        for (Figure f : figures.values()) {
            figs.put(f.key(), f.json());
            if (f.met() != null) {
                budgets++;
                if (f.met()) {
                    met++;
                } else {
                    missed.add(f.key());
                }
            }
        }
        machine.put("loadAverageAtEnd", loadAverage());
        return new JsonObject().put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("profile", new JsonObject(new LinkedHashMap<>(p.describe())))
                .put("machine", machine).put("baseline", baseline).put("figures", figs).put("details", details)
                .put("summary", new JsonObject().put("budgets", budgets).put("met", met).put("missed", missed)
                        .put("runSeconds", Math.round((System.nanoTime() - runStart) / 1e9))
                        .put("serverStarts", server.starts()));
    }
}
