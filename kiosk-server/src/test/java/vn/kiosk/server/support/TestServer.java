package vn.kiosk.server.support;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import vn.kiosk.server.KioskServer;
import vn.kiosk.server.config.Config;

/**
 * A real server on a real (embedded) PostgreSQL for tests. {@link #shared()}
 * is one server for the whole test run (tests create their own sites, so they
 * do not see each other); {@link #start} gives a test its own.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** What tests read /metrics with, as the monitoring system is configured to. */
    public static final String METRICS_TOKEN = "test-metrics-token-0123456789";
    private static TestServer shared;

    private final KioskServer server;
    private final Path dataDir;

    private TestServer(KioskServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static synchronized TestServer shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("kiosk-test-"), Map.of());
            } catch (Exception e) {
                throw new IllegalStateException("The test server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.close();
                } catch (IOException e) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    /** A server on {@code dataDir}; {@code extra} overrides or adds KIOSK_* settings. */
    public static TestServer start(Path dataDir, Map<String, String> extra) throws Exception {
        return start(dataDir, extra, Clock.systemUTC());
    }

    /** The same, taking its decisions at the time {@code clock} tells (see {@link MovableClock}). */
    public static TestServer start(Path dataDir, Map<String, String> extra, Clock clock) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(Config.HTTP_PORT, "0");
        env.put(Config.DATA_DIR, dataDir.toString());
        env.put(Config.ADMIN_PASSWORD, ADMIN_PASSWORD);
        env.put(Config.DEMO, "false");
        env.put(Config.INSTANCES, "2");
        env.put(Config.METRICS_TOKEN, METRICS_TOKEN);
        env.putAll(extra);
        return new TestServer(KioskServer.start(Config.from(env), env, false, clock), dataDir);
    }

    public KioskServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public Api api() {
        return new Api(baseUrl());
    }

    /** The Prometheus text of {@code /metrics}, fetched as a monitoring system is configured to. */
    public String metrics() {
        Api.Response r = api().as(METRICS_TOKEN).get("/metrics");
        if (r.status() != 200) {
            throw new IllegalStateException("/metrics answered " + r.status());
        }
        return r.body();
    }

    /**
     * One round of the daily figures job that did its work: a round returns -1 without doing anything
     * while another holds the figures lock (the round the server started with, on a loaded machine).
     */
    public int figuresRound() throws Exception {
        return whenLockFree(() -> server.dailyStats().runOnce());
    }

    /** {@link vn.kiosk.server.report.DailyStatsJob#fillMissing()} once it got the figures lock. */
    public int fillMissingFigures() throws Exception {
        return whenLockFree(() -> server.dailyStats().fillMissing());
    }

    private static int whenLockFree(Callable<Future<Integer>> round) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            int written = round.call().await(60, TimeUnit.SECONDS);
            if (written >= 0 || System.nanoTime() > until) {
                return written;
            }
            Thread.sleep(50);
        }
    }

    /** Signed in as the bootstrap admin. */
    public Api admin() {
        return api().login("admin", ADMIN_PASSWORD);
    }

    /** A fresh data dir holding a copy of this server's keys, for a second instance on the same database. */
    public Path sharingKeys() throws IOException {
        Path dir = Files.createTempDirectory("kiosk-peer-");
        Files.createDirectories(dir.resolve("keys"));
        try (var files = Files.list(dataDir.resolve("keys"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("keys").resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** The database URL of this server, for a second instance or direct checks. */
    public String dbUrl() {
        var t = server.database();
        return "postgresql://" + t.user() + ":" + t.password() + "@" + t.host() + ":" + t.port() + "/" + t.database();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
