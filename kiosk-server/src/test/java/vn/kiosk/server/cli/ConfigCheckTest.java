package vn.kiosk.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;

/** check-config: each mistake an operator makes gets one sentence naming the setting, and exit code 2. */
class ConfigCheckTest {
    static Path dir;
    static Certificates.Issued good;
    static Certificates.Issued other;

    @BeforeAll
    static void certificates() throws Exception {
        dir = Files.createTempDirectory("kiosk-check-");
        good = Certificates.make(dir.resolve("tls"), List.of("192.168.1.10"));
        other = Certificates.make(dir.resolve("other"), List.of("192.168.1.11"));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> settings, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put(Config.DATA_DIR, dir.resolve("data").toString());
        env.putAll(settings);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = args.length == 0 ? new String[] {"check-config"} : args;
        int code = Commands.run(argv, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void fails(Map<String, String> settings, String message) {
        Run r = run(settings);
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("Configuration error: " + message);
    }

    @Test
    @DisplayName("A good configuration is valid and says what it found")
    void valid() {
        Run r = run(Map.of(Config.TLS_CERT, good.cert().toString(), Config.TLS_KEY, good.key().toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Configuration is valid: ").contains("certificate for 192.168.1.10")
                .contains("HTTPS port 8443").contains("database embedded");
    }

    @Test
    @DisplayName("TLS: a missing file, a file that is not PEM, a key of another certificate, half a pair")
    void tls() throws Exception {
        fails(Map.of(Config.TLS_CERT, "/nonexistent/server.crt", Config.TLS_KEY, good.key().toString()),
                "KIOSK_TLS_CERT /nonexistent/server.crt does not exist");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello\n");
        fails(Map.of(Config.TLS_CERT, junk.toString(), Config.TLS_KEY, good.key().toString()),
                "KIOSK_TLS_CERT: " + junk + " is not a PEM certificate");
        fails(Map.of(Config.TLS_CERT, good.cert().toString(), Config.TLS_KEY, junk.toString()),
                "KIOSK_TLS_KEY: " + junk + " holds no PEM private key");
        fails(Map.of(Config.TLS_CERT, good.cert().toString(), Config.TLS_KEY, other.key().toString()),
                "KIOSK_TLS_KEY " + other.key() + " is not the key of the certificate " + good.cert());
        fails(Map.of(Config.TLS_CERT, good.cert().toString()), "KIOSK_TLS_CERT and KIOSK_TLS_KEY go together: set both or neither");
        fails(Map.of(Config.TLS_CERT, good.cert().toString(), Config.TLS_KEY, good.key().toString(),
                Config.HTTP_PORT, "8443"), "KIOSK_HTTPS_PORT and KIOSK_HTTP_PORT are both 8443; give HTTPS its own port");
    }

    @Test
    @DisplayName("Data dir, database URL, numbers, choices, proxies and keys")
    void others() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        fails(Map.of(Config.DATA_DIR, file.resolve("data").toString()),
                "KIOSK_DATA_DIR " + file.resolve("data") + " cannot be created: " + file + " is not a directory");
        fails(Map.of(Config.DB_URL, "mysql://db/kiosk"), "KIOSK_DB_URL must look like postgresql://user:pass@host:port/db");
        fails(Map.of(Config.DB_URL, "postgresql://kiosk:secret@127.0.0.1:1/kiosk"),
                "KIOSK_DB_URL postgresql://kiosk:***@127.0.0.1:1/kiosk does not answer: ");
        assertThat(run(Map.of(Config.DB_URL, "postgresql://kiosk:secret@127.0.0.1:1/kiosk"), "check-config", "--skip-database")
                .exit()).isZero();
        fails(Map.of(Config.HTTP_PORT, "eighty"), "KIOSK_HTTP_PORT must be a whole number");
        fails(Map.of(Config.HTTPS_PORT, "70000"), "KIOSK_HTTPS_PORT must be between 0 and 65535");
        fails(Map.of(Config.HTTP_HEADER_SECONDS, "0"), "KIOSK_HTTP_HEADER_TIMEOUT_SECONDS must be between 1 and 600");
        fails(Map.of(Config.HTTP_MAX_HEADER_BYTES, "lots"), "KIOSK_HTTP_MAX_HEADER_BYTES must be a whole number");
        fails(Map.of(Config.LOG_FORMAT, "xml"), "KIOSK_LOG_FORMAT must be one of text, json, not 'xml'");
        fails(Map.of(Config.TRUSTED_PROXIES, "10.0.0.1, nginx"),
                "KIOSK_TRUSTED_PROXIES: 'nginx' is not an IP address or CIDR range (names are not resolved)");
        fails(Map.of(Config.PUBLIC_URL, "kiosk.local"), "KIOSK_PUBLIC_URL must be an http:// or https:// URL with a host, not 'kiosk.local'");
        fails(Map.of("KIOSK_KEY_DATA", "not base64!"), "KIOSK_KEY_DATA is not base64 (e.g. openssl rand -base64 32)");
        fails(Map.of("KIOSK_KEY_LOOKUP", "c2hvcnQ="), "KIOSK_KEY_LOOKUP must be at least 32 bytes");
    }

    @Test
    @DisplayName("A read replica needs the primary's URL; one that does not answer is a warning, not an error")
    void readReplica() {
        fails(Map.of(Config.DB_READ_URL, "postgresql://kiosk:secret@127.0.0.1:1/kiosk"),
                "KIOSK_DB_READ_URL is a replica of KIOSK_DB_URL: set KIOSK_DB_URL too");
        fails(Map.of(Config.DB_URL, "postgresql://kiosk:secret@127.0.0.1:1/kiosk", Config.DB_READ_URL, "http://replica/kiosk"),
                "KIOSK_DB_READ_URL must look like postgresql://user:pass@host:port/db");
        Run r = run(Map.of(Config.DB_URL, vn.kiosk.server.support.TestServer.shared().dbUrl(),
                Config.DB_READ_URL, "postgresql://kiosk:secret@127.0.0.1:1/kiosk"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("read replica postgresql://kiosk:***@127.0.0.1:1/kiosk");
        assertThat(r.err()).contains("Warning: KIOSK_DB_READ_URL postgresql://kiosk:***@127.0.0.1:1/kiosk does not answer")
                .contains("read from the primary meanwhile");
    }

    @Test
    @DisplayName("--help documents every KIOSK_* setting Config reads")
    void helpIsComplete() {
        List<String> settings = java.util.stream.Stream.concat(Arrays.stream(Config.class.getFields()),
                        Arrays.stream(vn.kiosk.server.config.SmsSettings.class.getFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(v -> v.startsWith("KIOSK_")).toList();
        assertThat(settings).contains(Config.TLS_CERT, Config.TRUSTED_PROXIES, Config.LOG_FORMAT,
                vn.kiosk.server.config.SmsSettings.HOST);
        assertThat(Config.HELP.keySet()).containsAll(settings);
    }

    @Test
    @DisplayName("make-certs without an address, or with a bad one, explains itself")
    void makeCertsUsage() {
        Run none = run(Map.of(), "make-certs");
        assertThat(none.exit()).isEqualTo(64);
        assertThat(none.err()).contains("Usage: java -jar kiosk-server.jar make-certs <ip-or-hostname>");
        Run bad = run(Map.of(), "make-certs", "300.1.1.1");
        assertThat(bad.exit()).isEqualTo(64);
        assertThat(bad.err()).contains("'300.1.1.1' is not a valid IP address");
        assertThatThrownBy(() -> Certificates.subjectAltName("under_score.local")).hasMessageContaining("neither");
    }
}
