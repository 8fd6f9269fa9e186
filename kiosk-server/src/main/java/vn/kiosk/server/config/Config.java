package vn.kiosk.server.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.kiosk.server.http.HttpLimits;
import vn.kiosk.server.http.TrustedProxies;

/**
 * Every setting of the server, read once from defaults then the environment
 * ({@code KIOSK_*}). Tests build their own with {@link #from(Map)}.
 */
public record Config(
        int httpPort,
        Path dataDir,
        Optional<DbUrl> dbUrl,
        Optional<DbUrl> dbReadUrl,
        Optional<String> adminPassword,
        Optional<Boolean> demo,
        int retentionDays,
        String publicUrl,
        int bodyLimitBytes,
        int writeBatchMax,
        int dbPoolSize,
        Duration sessionTtl,
        int verticleInstances,
        boolean rateLimitStaff,
        Optional<Tls> tls,
        int hstsSeconds,
        List<String> trustedProxies,
        String logFormat,
        int kioskSilentSeconds,
        int repeatWindowSeconds,
        HttpLimits httpLimits,
        Metrics metrics,
        Optional<SmsSettings> sms) {

    public static final String HTTP_PORT = "KIOSK_HTTP_PORT";
    public static final String DATA_DIR = "KIOSK_DATA_DIR";
    public static final String DB_URL = "KIOSK_DB_URL";
    public static final String DB_READ_URL = "KIOSK_DB_READ_URL";
    public static final String ADMIN_PASSWORD = "KIOSK_ADMIN_PASSWORD";
    public static final String DEMO = "KIOSK_DEMO";
    public static final String RETENTION_DAYS = "KIOSK_RETENTION_DAYS";
    public static final String PUBLIC_URL = "KIOSK_PUBLIC_URL";
    public static final String BODY_LIMIT = "KIOSK_BODY_LIMIT_BYTES";
    public static final String WRITE_BATCH_MAX = "KIOSK_WRITE_BATCH_MAX";
    public static final String DB_POOL_SIZE = "KIOSK_DB_POOL_SIZE";
    public static final String SESSION_HOURS = "KIOSK_SESSION_HOURS";
    public static final String INSTANCES = "KIOSK_EVENT_LOOPS";
    public static final String RATE_LIMIT_STAFF = "KIOSK_RATE_LIMIT_STAFF";
    public static final String TLS_CERT = "KIOSK_TLS_CERT";
    public static final String TLS_KEY = "KIOSK_TLS_KEY";
    public static final String HTTPS_PORT = "KIOSK_HTTPS_PORT";
    public static final String HSTS_SECONDS = "KIOSK_HSTS_SECONDS";
    public static final String TRUSTED_PROXIES = "KIOSK_TRUSTED_PROXIES";
    public static final String LOG_FORMAT = "KIOSK_LOG_FORMAT";
    public static final String KIOSK_SILENT_SECONDS = "KIOSK_KIOSK_SILENT_SECONDS";
    public static final String REPEAT_WINDOW_SECONDS = "KIOSK_REPEAT_WINDOW_SECONDS";
    public static final String HTTP_IDLE_SECONDS = "KIOSK_HTTP_IDLE_TIMEOUT_SECONDS";
    public static final String HTTP_HEADER_SECONDS = "KIOSK_HTTP_HEADER_TIMEOUT_SECONDS";
    public static final String HTTP_BODY_SECONDS = "KIOSK_HTTP_BODY_TIMEOUT_SECONDS";
    public static final String HTTP_MAX_HEADER_BYTES = "KIOSK_HTTP_MAX_HEADER_BYTES";
    public static final String METRICS_TOKEN = "KIOSK_METRICS_TOKEN";
    public static final String METRICS_PORT = "KIOSK_METRICS_PORT";
    public static final String METRICS_HOST = "KIOSK_METRICS_HOST";

    /** The documented settings, for {@code --help}. */
    public static final Map<String, String> HELP = withSms(Map.ofEntries(
            Map.entry(HTTP_PORT, "HTTP port (default 8080; 0 picks a free one)"),
            Map.entry(DATA_DIR, "embedded database, keys, uploads (default ./kiosk-data)"),
            Map.entry(DB_URL, "postgresql://user:pass@host:port/db; when set no embedded database starts"),
            Map.entry(DB_READ_URL, "a streaming replica of " + DB_URL + " for the log, exports, reports and traces"
                    + " (they may lag it by the replication delay); the primary serves them while it does not answer"),
            Map.entry(ADMIN_PASSWORD, "password of the user 'admin', created if missing (random and printed once when unset)"),
            Map.entry(DEMO, "true seeds a demo province (default: true only with the embedded database and an empty data dir)"),
            Map.entry(RETENTION_DAYS, "days visits are kept (default 28)"),
            Map.entry(PUBLIC_URL, "base URL put into QR codes (default http://localhost:<port>)"),
            Map.entry(BODY_LIMIT, "largest request body in bytes (default 65536)"),
            Map.entry(WRITE_BATCH_MAX, "most check-ins in one group commit (default 256)"),
            Map.entry(DB_POOL_SIZE, "database connections (default 8)"),
            Map.entry(SESSION_HOURS, "staff sign-in lifetime in hours (default 12)"),
            Map.entry(INSTANCES, "HTTP verticle instances (default: number of cores)"),
            Map.entry(RATE_LIMIT_STAFF, "true rate-limits signed-in guards and kiosks too (default false)"),
            Map.entry(TLS_CERT, "PEM certificate (chain) file; with " + TLS_KEY + " the server speaks HTTPS and HTTP redirects to it"),
            Map.entry(TLS_KEY, "PEM private key file (PKCS#8 or PKCS#1) of " + TLS_CERT),
            Map.entry(HTTPS_PORT, "HTTPS port when a certificate is set (default 8443; 0 picks a free one)"),
            Map.entry(HSTS_SECONDS, "max-age of Strict-Transport-Security on HTTPS answers, direct or through a trusted proxy (default 31536000; 0 sends none)"),
            Map.entry(TRUSTED_PROXIES, "reverse proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For/-Proto/-Host are believed"),
            Map.entry(LOG_FORMAT, "text (default) or json: one JSON object per line, with the request id"),
            Map.entry(KIOSK_SILENT_SECONDS, "a paired kiosk silent this long raises a kiosk_silent alert (default 300)"),
            Map.entry(REPEAT_WINDOW_SECONDS, "a direction-auto check-in this soon after the visitor's entry is answered"
                    + " 'already checked in' (409) instead of checking them out: a second scan is not an exit"
                    + " (default 60; 0 turns it off)"),
            Map.entry(HTTP_IDLE_SECONDS, "an HTTP connection with no byte in or out this long is closed (default 60)"),
            Map.entry(HTTP_HEADER_SECONDS, "a connection that has not sent a request's complete headers this long after opening"
                    + " or after its previous answer is closed, however slowly bytes trickle (default 10)"),
            Map.entry(HTTP_BODY_SECONDS, "a request whose body has not fully arrived this long after its headers is cut (default 30)"),
            Map.entry(HTTP_MAX_HEADER_BYTES, "largest request line plus headers in bytes (default 16384; 431 beyond)"),
            Map.entry(METRICS_TOKEN, "bearer token that /metrics on the HTTP(S) port asks for, at least 16 characters"
                    + " (default: none, and /metrics there answers 401)"),
            Map.entry(METRICS_PORT, "a port of its own that serves only /metrics, without a token (default: none; 0 picks a free one)"),
            Map.entry(METRICS_HOST, "the address " + METRICS_PORT + " listens on (default 127.0.0.1, this machine only)"),
            Map.entry("KIOSK_KEY_DATA, _LOOKUP, _CONFIRMATION, _POSTER, _SESSION, _DATA_PREVIOUS",
                    "32-byte keys, base64 (default: generated into <data dir>/keys)")));

    private static Map<String, String> withSms(Map<String, String> help) {
        Map<String, String> all = new java.util.HashMap<>(help);
        all.putAll(SmsSettings.HELP);
        return Map.copyOf(all);
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Reader r = new Reader(env);
        int port = r.integer(HTTP_PORT, 8080, 0, 65535);
        Optional<Tls> tls = Tls.read(r);
        String defaultUrl = tls.map(t -> "https://localhost:" + (t.port() == 0 ? 8443 : t.port()))
                .orElse("http://localhost:" + (port == 0 ? 8080 : port));
        List<String> proxies = r.optional(TRUSTED_PROXIES).map(Config::list).orElse(List.of());
        try {
            TrustedProxies.parse(proxies);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TRUSTED_PROXIES + ": " + e.getMessage());
        }
        Optional<DbUrl> dbUrl = r.optional(DB_URL).map(u -> DbUrl.parse(DB_URL, u));
        Optional<DbUrl> dbReadUrl = r.optional(DB_READ_URL).map(u -> DbUrl.parse(DB_READ_URL, u));
        if (dbReadUrl.isPresent() && dbUrl.isEmpty()) {
            throw new ConfigException(DB_READ_URL + " is a replica of " + DB_URL + ": set " + DB_URL + " too");
        }
        return new Config(
                port,
                Path.of(r.text(DATA_DIR, "./kiosk-data")).toAbsolutePath().normalize(),
                dbUrl,
                dbReadUrl,
                r.optional(ADMIN_PASSWORD),
                r.optional(DEMO).map(Reader::bool),
                r.integer(RETENTION_DAYS, 28, 1, 3650),
                stripSlash(r.text(PUBLIC_URL, defaultUrl)),
                r.integer(BODY_LIMIT, 64 * 1024, 1024, 16 * 1024 * 1024),
                r.integer(WRITE_BATCH_MAX, 256, 1, 4096),
                r.integer(DB_POOL_SIZE, 8, 2, 200),
                Duration.ofHours(r.integer(SESSION_HOURS, 12, 1, 24 * 30)),
                r.integer(INSTANCES, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 64),
                r.optional(RATE_LIMIT_STAFF).map(Reader::bool).orElse(false),
                tls,
                r.integer(HSTS_SECONDS, 365 * 24 * 3600, 0, Integer.MAX_VALUE),
                proxies,
                r.choice(LOG_FORMAT, "text", "text", "json"),
                r.integer(KIOSK_SILENT_SECONDS, 300, 10, 7 * 24 * 3600),
                r.integer(REPEAT_WINDOW_SECONDS, 60, 0, 3600),
                httpLimits(r),
                Metrics.read(r),
                SmsSettings.read(r));
    }

    /**
     * Who may read {@code /metrics}: the holder of the token on the public port(s), and anyone who can reach
     * the metrics port (loopback by default).
     */
    public record Metrics(Optional<String> token, Optional<Integer> port, String host) {
        static Metrics read(Reader r) {
            Optional<String> token = r.optional(METRICS_TOKEN);
            if (token.isPresent() && token.get().length() < 16) {
                throw new ConfigException(METRICS_TOKEN + " must be at least 16 characters");
            }
            Optional<Integer> port = r.optional(METRICS_PORT).map(v -> r.integer(METRICS_PORT, 0, 0, 65535));
            return new Metrics(token, port, r.text(METRICS_HOST, "127.0.0.1"));
        }
    }

    private static HttpLimits httpLimits(Reader r) {
        return new HttpLimits(
                r.integer(HTTP_IDLE_SECONDS, 60, 5, 3600),
                r.integer(HTTP_HEADER_SECONDS, 10, 1, 600),
                r.integer(HTTP_BODY_SECONDS, 30, 1, 3600),
                r.integer(HTTP_MAX_HEADER_BYTES, 16 * 1024, 1024, 1024 * 1024));
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Config withHttpPort(int port) {
        return new Config(port, dataDir, dbUrl, dbReadUrl, adminPassword, demo, retentionDays, publicUrl, bodyLimitBytes,
                writeBatchMax, dbPoolSize, sessionTtl, verticleInstances, rateLimitStaff, tls, hstsSeconds, trustedProxies,
                logFormat, kioskSilentSeconds, repeatWindowSeconds, httpLimits, metrics, sms);
    }

    public Config withPublicUrl(String url) {
        return new Config(httpPort, dataDir, dbUrl, dbReadUrl, adminPassword, demo, retentionDays, stripSlash(url),
                bodyLimitBytes, writeBatchMax, dbPoolSize, sessionTtl, verticleInstances, rateLimitStaff, tls,
                hstsSeconds, trustedProxies, logFormat, kioskSilentSeconds, repeatWindowSeconds, httpLimits, metrics, sms);
    }

    public Config withTls(Optional<Tls> tls) {
        return new Config(httpPort, dataDir, dbUrl, dbReadUrl, adminPassword, demo, retentionDays, publicUrl,
                bodyLimitBytes, writeBatchMax, dbPoolSize, sessionTtl, verticleInstances, rateLimitStaff, tls,
                hstsSeconds, trustedProxies, logFormat, kioskSilentSeconds, repeatWindowSeconds, httpLimits, metrics, sms);
    }

    /** HTTPS: the PEM files and the port. */
    public record Tls(Path cert, Path key, int port) {
        static Optional<Tls> read(Reader r) {
            Optional<String> cert = r.optional(TLS_CERT);
            Optional<String> key = r.optional(TLS_KEY);
            if (cert.isPresent() != key.isPresent()) {
                throw new ConfigException(TLS_CERT + " and " + TLS_KEY + " go together: set both or neither");
            }
            int port = r.integer(HTTPS_PORT, 8443, 0, 65535);
            return cert.map(c -> new Tls(Path.of(c).toAbsolutePath().normalize(),
                    Path.of(key.get()).toAbsolutePath().normalize(), port));
        }

        public Tls withPort(int port) {
            return new Tls(cert, key, port);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A parsed {@code postgresql://user:pass@host:port/db} URL. */
    public record DbUrl(String host, int port, String database, String user, String password) {
        public static DbUrl parse(String url) {
            return parse(DB_URL, url);
        }

        /** {@code setting} names the variable in error messages. */
        public static DbUrl parse(String setting, String url) {
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(setting + " must look like postgresql://user:pass@host:port/db");
            }
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new ConfigException(setting + " must look like postgresql://user:pass@host:port/db");
            }
            String user = "postgres";
            String password = "";
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : "";
            }
            String db = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
            if (uri.getHost() == null) {
                throw new ConfigException(setting + " has no host");
            }
            return new DbUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password);
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "postgresql://" + user + ":***@" + host + ":" + port + "/" + database;
        }
    }

    record Reader(Map<String, String> env) {
        Optional<String> optional(String key) {
            return Optional.ofNullable(env.get(key)).map(String::trim).filter(v -> !v.isEmpty());
        }

        String text(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        int integer(String key, int fallback, int min, int max) {
            Optional<String> v = optional(key);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.get());
                if (n < min || n > max) {
                    throw new ConfigException(key + " must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be a whole number");
            }
        }

        String choice(String key, String fallback, String... allowed) {
            String v = text(key, fallback);
            if (!Arrays.asList(allowed).contains(v)) {
                throw new ConfigException(key + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
            }
            return v;
        }

        static boolean bool(String v) {
            return switch (v.toLowerCase()) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigException("expected true or false, got '" + v + "'");
            };
        }
    }

    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
