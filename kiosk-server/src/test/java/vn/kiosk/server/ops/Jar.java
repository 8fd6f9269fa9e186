package vn.kiosk.server.ops;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TestServer;

/** One command of the built jar, as an operator runs it. */
public record Jar(int exitCode, String output) {
    public static Jar run(Path dataDir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", ServerProcess.JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KIOSK_"));
        pb.environment().put("KIOSK_DATA_DIR", dataDir.toString());
        pb.environment().put("KIOSK_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " did not finish");
        }
        Jar r = new Jar(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        System.out.println("$ kiosk-server " + String.join(" ", args) + " → " + r.exitCode + "\n" + r.output);
        return r;
    }
}
