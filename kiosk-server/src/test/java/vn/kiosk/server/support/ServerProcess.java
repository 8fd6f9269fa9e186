package vn.kiosk.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The built jar as a real server process, for tests that kill it. */
public final class ServerProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target/kiosk-server.jar");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServerProcess start(Path dataDir, Map<String, String> env) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run these tests with 'mvn verify' (after package)");
        }
        // A fixed port when given (a restarted instance behind a balancer keeps its address), else a free one.
        int port;
        if (env.containsKey("KIOSK_HTTP_PORT")) {
            port = Integer.parseInt(env.get("KIOSK_HTTP_PORT"));
        } else {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        }
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
        pb.environment().put("KIOSK_HTTP_PORT", String.valueOf(port));
        pb.environment().put("KIOSK_DATA_DIR", dataDir.toString());
        pb.environment().put("KIOSK_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        pb.environment().put("KIOSK_DEMO", "false");
        pb.environment().put("KIOSK_METRICS_TOKEN", TestServer.METRICS_TOKEN);
        pb.environment().putAll(env);
        ServerProcess server = new ServerProcess(pb.start(), port);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    public void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become healthy in " + timeout);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(baseUrl());
    }

    /** The Prometheus text of {@code /metrics}, fetched with the metrics token. */
    public String metrics() {
        return api().as(TestServer.METRICS_TOKEN).get("/metrics").body();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        // the embedded PostgreSQL is left running, as after a real crash
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the graceful path. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
    }
}
