package vn.kiosk.server.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the server, read once from defaults then the environment
 * ({@code KIOSK_*}). Tests build their own with {@link #from(Map)}.
 */
public record Config(
        int httpPort,
        Path dataDir,
        Optional<DbUrl> dbUrl,
        Optional<String> adminPassword,
        Optional<Boolean> demo,
        int retentionDays,
        String publicUrl,
        int bodyLimitBytes,
        int writeBatchMax,
        int dbPoolSize,
        Duration sessionTtl,
        int verticleInstances,
        boolean rateLimitStaff) {

    public static final String HTTP_PORT = "KIOSK_HTTP_PORT";
    public static final String DATA_DIR = "KIOSK_DATA_DIR";
    public static final String DB_URL = "KIOSK_DB_URL";
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

    /** The documented settings, for {@code --help}. */
    public static final Map<String, String> HELP = Map.ofEntries(
            Map.entry(HTTP_PORT, "HTTP port (default 8080; 0 picks a free one)"),
            Map.entry(DATA_DIR, "embedded database, keys, uploads (default ./kiosk-data)"),
            Map.entry(DB_URL, "postgresql://user:pass@host:port/db; when set no embedded database starts"),
            Map.entry(ADMIN_PASSWORD, "password of the user 'admin', created if missing (random and printed once when unset)"),
            Map.entry(DEMO, "true seeds a demo province (default: true only with the embedded database and an empty data dir)"),
            Map.entry(RETENTION_DAYS, "days visits are kept (default 28)"),
            Map.entry(PUBLIC_URL, "base URL put into QR codes (default http://localhost:<port>)"),
            Map.entry(BODY_LIMIT, "largest request body in bytes (default 65536)"),
            Map.entry(WRITE_BATCH_MAX, "most check-ins in one group commit (default 256)"),
            Map.entry(DB_POOL_SIZE, "database connections (default 8)"),
            Map.entry(SESSION_HOURS, "staff sign-in lifetime in hours (default 12)"),
            Map.entry(INSTANCES, "HTTP verticle instances (default: number of cores)"),
            Map.entry(RATE_LIMIT_STAFF, "true rate-limits signed-in guards and kiosks too (default false)"));

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Reader r = new Reader(env);
        int port = r.integer(HTTP_PORT, 8080, 0, 65535);
        return new Config(
                port,
                Path.of(r.text(DATA_DIR, "./kiosk-data")).toAbsolutePath().normalize(),
                r.optional(DB_URL).map(DbUrl::parse),
                r.optional(ADMIN_PASSWORD),
                r.optional(DEMO).map(Reader::bool),
                r.integer(RETENTION_DAYS, 28, 1, 3650),
                stripSlash(r.text(PUBLIC_URL, "http://localhost:" + (port == 0 ? 8080 : port))),
                r.integer(BODY_LIMIT, 64 * 1024, 1024, 16 * 1024 * 1024),
                r.integer(WRITE_BATCH_MAX, 256, 1, 4096),
                r.integer(DB_POOL_SIZE, 8, 2, 200),
                Duration.ofHours(r.integer(SESSION_HOURS, 12, 1, 24 * 30)),
                r.integer(INSTANCES, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 64),
                r.optional(RATE_LIMIT_STAFF).map(Reader::bool).orElse(false));
    }

    public Config withHttpPort(int port) {
        return new Config(port, dataDir, dbUrl, adminPassword, demo, retentionDays, publicUrl, bodyLimitBytes,
                writeBatchMax, dbPoolSize, sessionTtl, verticleInstances, rateLimitStaff);
    }

    public Config withPublicUrl(String url) {
        return new Config(httpPort, dataDir, dbUrl, adminPassword, demo, retentionDays, stripSlash(url),
                bodyLimitBytes, writeBatchMax, dbPoolSize, sessionTtl, verticleInstances, rateLimitStaff);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A parsed {@code postgresql://user:pass@host:port/db} URL. */
    public record DbUrl(String host, int port, String database, String user, String password) {
        public static DbUrl parse(String url) {
            URI uri = URI.create(url.trim());
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new ConfigException(DB_URL + " must look like postgresql://user:pass@host:port/db");
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
                throw new ConfigException(DB_URL + " has no host");
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

    private record Reader(Map<String, String> env) {
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
