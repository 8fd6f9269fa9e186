package vn.kiosk.server.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import vn.kiosk.server.config.Config;

final class Restore {
    private Restore() {
    }

    static int run(Config config, Map<String, String> env, Path file, PrintStream out) {
        throw new Commands.OpsException("not built yet", 1);
    }
}
