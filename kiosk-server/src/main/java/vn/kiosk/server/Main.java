package vn.kiosk.server;

import java.util.Map;
import java.util.TreeMap;
import vn.kiosk.server.cli.Commands;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.db.DbTarget;
import vn.kiosk.server.db.EmbeddedDatabase;

/** {@code java -jar kiosk-server.jar [--help | <command> ...]}; no argument starts the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println("Kiosk server. Settings come from the environment:\n");
            new TreeMap<>(Config.HELP).forEach((k, v) -> System.out.printf("  %-26s %s%n", k, v));
            System.out.println("\n" + Commands.USAGE);
            return;
        }
        if (args.length > 0 && Commands.NAMES.contains(args[0])) {
            System.exit(Commands.run(args, System.getenv(), System.out, System.err));
            return;
        }
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (Config.ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && "rotate-data-key".equals(args[0])) {
            try {
                new vn.kiosk.server.visitor.Keys(config.dataDir(), System.getenv()).rotateData();
                System.out.println("A new data key is in " + config.dataDir().resolve("keys") + "; the old one is kept"
                        + " as data.previous.key. Restart the servers (one at a time when there are several, with"
                        + " copies of both files): they re-encrypt every phone and ID number in the background and"
                        + " log when the old key may be deleted.");
            } catch (java.io.IOException e) {
                System.err.println("Key rotation refused: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (args.length > 0) {
            System.err.println("Unknown command '" + args[0] + "'; --help lists the commands and settings");
            System.exit(64);
            return;
        }
        try {
            KioskServer server = KioskServer.start(config, Map.copyOf(System.getenv()), true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.drain();
                    server.close();
                } catch (Exception e) {
                    System.err.println("Shutdown failed: " + e);
                }
            }, "kiosk-shutdown"));
        } catch (EmbeddedDatabase.DataDirInUseException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        } catch (DbTarget.NewerSchemaException e) {
            System.err.println("Kiosk could not start: " + e.getMessage());
            System.exit(4);
        } catch (Exception e) {
            System.err.println("Kiosk could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
