package vn.kiosk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.ServerProcess;

/** The jar as the systemd unit runs it: --help, check-config's exit codes, unknown commands. */
class PackagingIT {
    @Test
    @DisplayName("--help lists every setting and command; check-config fails with exit 2 and the reason; an unknown command is refused")
    void commandLine() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-pkg-");
        Jar help = Jar.run(dir, Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        Config.HELP.keySet().forEach(k -> assertThat(help.output()).contains(k));
        assertThat(help.output()).contains("make-certs <address>...", "backup <file.zip>", "restore <file.zip>", "check-config");

        Jar bad = Jar.run(dir, Map.of(Config.TLS_CERT, dir.resolve("none.crt").toString(),
                Config.TLS_KEY, dir.resolve("none.key").toString()), "check-config", "--skip-database");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("Configuration error: KIOSK_TLS_CERT " + dir.resolve("none.crt") + " does not exist")
                .contains("Configuration error: KIOSK_TLS_KEY " + dir.resolve("none.key") + " does not exist");

        Jar certs = Jar.run(dir, Map.of(), "make-certs", "192.168.1.10", "kiosk.local");
        assertThat(certs.exitCode()).isZero();
        assertThat(certs.output()).contains("KIOSK_TLS_CERT=" + dir.resolve("tls/server.crt"))
                .contains("KIOSK_TLS_KEY=" + dir.resolve("tls/server.key"));
        Jar good = Jar.run(dir, Map.of(Config.TLS_CERT, dir.resolve("tls/server.crt").toString(),
                Config.TLS_KEY, dir.resolve("tls/server.key").toString()), "check-config");
        assertThat(good.exitCode()).as(good.output()).isZero();

        Jar unknown = Jar.run(dir, Map.of(), "bakcup", "x.zip");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(unknown.output()).contains("Unknown command 'bakcup'");
    }

    @Test
    @DisplayName("KIOSK_LOG_FORMAT=json: every line is one JSON object, also when PostgreSQL stops under the server; request ids come back in X-Request-Id")
    void jsonLogs() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-json-");
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        try (ServerProcess server = ServerProcess.start(dir, Map.of(Config.LOG_FORMAT, "json"))) {
            assertThat(server.api().get("/health").header("X-Request-Id")).isNotBlank();
            // A fast shutdown of the database ends every connection with 57P01; the client printed the one of
            // the LISTEN connection bare on stderr, past the logger.
            String postmaster = Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim();
            assertThat(new ProcessBuilder("kill", "-INT", postmaster).start().waitFor()).isZero();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Files.readString(log).contains("57P01") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        var lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(l -> assertThat(new io.vertx.core.json.JsonObject(l).getString("level")).isNotNull());
        assertThat(lines).anySatisfy(l -> assertThat(new io.vertx.core.json.JsonObject(l).getString("formattedMessage"))
                .startsWith("Kiosk is listening on port"));
        assertThat(lines).anySatisfy(l -> assertThat(new io.vertx.core.json.JsonObject(l).getString("formattedMessage"))
                .isEqualTo("The event relay's database connection failed:"
                        + " FATAL: terminating connection due to administrator command (57P01)"));
    }
}
