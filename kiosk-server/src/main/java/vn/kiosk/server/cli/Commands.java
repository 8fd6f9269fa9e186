package vn.kiosk.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.kiosk.server.config.Config;

/** The operator's commands next to running the server: {@code java -jar kiosk-server.jar <command> ...}. */
public final class Commands {
    public static final Set<String> NAMES = Set.of("check-config", "make-certs", "backup", "restore");
    public static final String USAGE = """
            Commands:
              check-config              validate the settings (files, data dir, database) and exit;
                                        --skip-database leaves the database out
              make-certs <address>...   create a local certificate authority and a certificate for
                                        these LAN addresses / host names (in <data dir>/tls)
              backup <file.zip>         write a consistent backup of the database and the keys
              restore <file.zip>        restore a backup into an empty data dir or database
              rotate-data-key           make a new data key; servers re-encrypt with it after a restart""";

    private Commands() {
    }

    /** Runs one command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Config config;
        try {
            config = Config.from(env);
        } catch (Config.ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "check-config" -> checkConfig(config, env, !rest.contains("--skip-database"), out, err);
                case "make-certs" -> makeCerts(config, rest, out, err);
                case "backup" -> one(rest, "backup <file.zip>", err) ? Backup.run(config, env, Path.of(rest.get(0)), out) : 64;
                case "restore" -> one(rest, "restore <file.zip>", err) ? Restore.run(config, env, Path.of(rest.get(0)), out) : 64;
                default -> throw new IllegalArgumentException(args[0]);
            };
        } catch (OpsException e) {
            err.println(e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static boolean one(List<String> rest, String usage, PrintStream err) {
        if (rest.size() != 1) {
            err.println("Usage: java -jar kiosk-server.jar " + usage);
            return false;
        }
        return true;
    }

    static int checkConfig(Config config, Map<String, String> env, boolean reachDatabase, PrintStream out, PrintStream err) {
        ConfigCheck.Result r = ConfigCheck.check(config, env, reachDatabase);
        r.warnings().forEach(w -> err.println("Warning: " + w));
        if (!r.ok()) {
            r.problems().forEach(p -> err.println("Configuration error: " + p));
            return 2;
        }
        out.println("Configuration is valid: " + String.join("; ", r.facts()));
        return 0;
    }

    static int makeCerts(Config config, List<String> names, PrintStream out, PrintStream err) throws Exception {
        if (names.isEmpty()) {
            err.println("Usage: java -jar kiosk-server.jar make-certs <ip-or-hostname>...   e.g. make-certs 192.168.1.10 kiosk.local");
            return 64;
        }
        Certificates.Issued i;
        try {
            i = Certificates.make(config.dataDir().resolve("tls"), names);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 64;
        }
        out.println((i.newAuthority() ? "Created the certificate authority " : "Kept the certificate authority ") + i.caCert());
        out.println("  SHA-256 fingerprint " + i.caFingerprint());
        out.println("  install ca.crt on every tablet (see docs/OPERATIONS.md); keep " + i.caKey() + " secret");
        out.println("Issued the server certificate " + i.cert() + " for " + String.join(", ", names)
                + ", valid until " + i.server().getNotAfter().toInstant());
        out.println();
        out.println("Start the server with:");
        out.println(Config.TLS_CERT + "=" + i.cert());
        out.println(Config.TLS_KEY + "=" + i.key());
        return 0;
    }

    /** A failure with a message for the operator and no stack trace. */
    public static class OpsException extends RuntimeException {
        private final int exitCode;

        public OpsException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
