package vn.kiosk.server.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.kiosk.server.config.Config;

/**
 * {@code check-config}: what {@link Config#from} cannot see from the values
 * alone — files that must exist and parse, a data dir that must be writable,
 * a database that must answer. Each problem is one sentence an operator can
 * act on.
 */
public final class ConfigCheck {
    /** What was found: problems stop the start, warnings do not. */
    public record Result(List<String> problems, List<String> warnings, List<String> facts) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ConfigCheck() {
    }

    public static Result check(Config config, Map<String, String> env, boolean reachDatabase) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        dataDir(config.dataDir(), problems);
        facts.add("data dir " + config.dataDir());
        config.tls().ifPresent(tls -> {
            tls(tls, problems, warnings, facts);
            if (tls.port() != 0 && tls.port() == config.httpPort()) {
                problems.add(Config.HTTPS_PORT + " and " + Config.HTTP_PORT + " are both " + tls.port() + "; give HTTPS its own port");
            }
        });
        facts.add("HTTP port " + config.httpPort() + config.tls().map(t -> ", HTTPS port " + t.port()).orElse(""));
        publicUrl(config.publicUrl(), problems);
        keys(env, problems);
        if (config.dbUrl().isPresent()) {
            facts.add("database " + config.dbUrl().get());
            if (reachDatabase) {
                database(config.dbUrl().get(), problems);
            }
        } else {
            facts.add("database embedded in " + config.dataDir().resolve("postgres"));
        }
        if (config.dbReadUrl().isPresent()) {
            facts.add("read replica " + config.dbReadUrl().get());
            List<String> unreachable = new ArrayList<>();
            if (reachDatabase) {
                database(Config.DB_READ_URL, config.dbReadUrl().get(), unreachable);
            }
            // Not a problem: the server reads from the primary while the replica does not answer.
            unreachable.forEach(w -> warnings.add(w + "; reports and the log are read from the primary meanwhile"));
        }
        if (!config.trustedProxies().isEmpty()) {
            facts.add("trusted proxies " + String.join(", ", config.trustedProxies()));
        }
        return new Result(problems, warnings, facts);
    }

    static void dataDir(Path dir, List<String> problems) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            problems.add(Config.DATA_DIR + " " + dir + " cannot be created: " + existing + " is not a directory");
            return;
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".check-config", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            problems.add(Config.DATA_DIR + " " + dir + " is not writable by this user (" + System.getProperty("user.name")
                    + "): permission denied on " + e.getFile());
        } catch (IOException e) {
            problems.add(Config.DATA_DIR + " " + dir + " is not writable: " + e.getMessage());
        }
    }

    static void tls(Config.Tls tls, List<String> problems, List<String> warnings, List<String> facts) {
        X509Certificate cert = null;
        PrivateKey key = null;
        if (readable(Config.TLS_CERT, tls.cert(), problems)) {
            try {
                cert = Certificates.readCertificates(tls.cert()).get(0);
            } catch (IOException e) {
                problems.add(Config.TLS_CERT + ": " + e.getMessage());
            }
        }
        if (readable(Config.TLS_KEY, tls.key(), problems)) {
            try {
                key = Certificates.readPrivateKey(tls.key());
            } catch (IOException e) {
                problems.add(Config.TLS_KEY + ": " + e.getMessage());
            }
        }
        if (cert == null) {
            return;
        }
        Instant now = Instant.now();
        if (cert.getNotAfter().toInstant().isBefore(now)) {
            problems.add(Config.TLS_CERT + ": the certificate expired on " + cert.getNotAfter().toInstant()
                    + "; issue a new one (make-certs keeps the same authority)");
        } else if (cert.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(30)))) {
            warnings.add("the certificate expires on " + cert.getNotAfter().toInstant() + "; renew it soon");
        }
        if (cert.getNotBefore().toInstant().isAfter(now)) {
            problems.add(Config.TLS_CERT + ": the certificate is valid only from " + cert.getNotBefore().toInstant()
                    + "; check this machine's clock");
        }
        if (key != null && !Certificates.matches(key, cert)) {
            problems.add(Config.TLS_KEY + " " + tls.key() + " is not the key of the certificate " + tls.cert());
        }
        facts.add("certificate for " + names(cert) + ", valid until " + cert.getNotAfter().toInstant());
    }

    private static String names(X509Certificate cert) {
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return cert.getSubjectX500Principal().getName();
            }
            List<String> out = new ArrayList<>();
            sans.forEach(san -> out.add(String.valueOf(san.get(1))));
            return String.join(", ", out);
        } catch (java.security.cert.CertificateParsingException e) {
            return cert.getSubjectX500Principal().getName();
        }
    }

    private static boolean readable(String setting, Path file, List<String> problems) {
        if (!Files.exists(file)) {
            problems.add(setting + " " + file + " does not exist");
            return false;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(setting + " " + file + " is not a file this user (" + System.getProperty("user.name") + ") can read");
            return false;
        }
        return true;
    }

    static void publicUrl(String url, List<String> problems) {
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                problems.add(Config.PUBLIC_URL + " must be an http:// or https:// URL with a host, not '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add(Config.PUBLIC_URL + " is not a URL: " + e.getMessage());
        }
    }

    static void keys(Map<String, String> env, List<String> problems) {
        env.forEach((k, v) -> {
            if (k.startsWith("KIOSK_KEY_") && v != null && !v.isBlank()) {
                try {
                    if (Base64.getDecoder().decode(v.trim()).length < 32) {
                        problems.add(k + " must be at least 32 bytes, base64-encoded (e.g. openssl rand -base64 32)");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(k + " is not base64 (e.g. openssl rand -base64 32)");
                }
            }
        });
    }

    static void database(Config.DbUrl url, List<String> problems) {
        database(Config.DB_URL, url, problems);
    }

    static void database(String setting, Config.DbUrl url, List<String> problems) {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        p.setProperty("password", url.password());
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "10");
        try (var c = DriverManager.getConnection(url.jdbcUrl(), p)) {
            c.createStatement().execute("select 1");
        } catch (SQLException e) {
            problems.add(setting + " " + url + " does not answer: " + e.getMessage());
        }
    }
}
