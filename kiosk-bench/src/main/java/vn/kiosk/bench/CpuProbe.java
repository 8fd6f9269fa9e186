package vn.kiosk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU milliseconds per check-in of the server and of PostgreSQL at a steady,
 * sustainable rate: the figure to compare before and after a change to the
 * write path, since CPU time hardly moves when the machine is shared, unlike
 * rates and latencies.
 *
 * <pre>java -cp kiosk-bench.jar:kiosk-server.jar vn.kiosk.bench.CpuProbe SERVER_JAR [rate/s] [seconds]</pre>
 *
 * With {@code KIOSK_DB_URL} (a throwaway database) the server runs on it, and {@code KIOSK_PG_PID_FILE} names
 * that cluster's {@code postmaster.pid}, for its CPU.
 */
public final class CpuProbe {
    private CpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 300;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory("kiosk-cpu-");
        // KIOSK_DB_URL: a throwaway database of another server (for example one with auto_explain), else embedded
        String dbUrl = System.getenv("KIOSK_DB_URL");
        ServerProcess server = new ServerProcess(jar, dir, dbUrl, List.of(), dir, 30);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            server.start();
            Http admin = new Http(server.baseUrl(), null).login("admin", ServerProcess.ADMIN_PASSWORD);
            List<LoadGenerator.Device> devices = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                long site = admin.expect(201, admin.post("/api/v1/sites", new JsonObject().put("name", "CPU " + s)
                        .put("kind", "office").put("province", "Quảng Trị").put("district", "Đông Hà")
                        .put("address", "1 Lê Duẩn")), "site").getLong("id");
                for (int k = 0; k < 2; k++) {
                    JsonObject kiosk = admin.expect(201, admin.post("/api/v1/sites/" + site + "/kiosks",
                            new JsonObject().put("name", "K" + k).put("gate", "A").put("mode", "both")), "kiosk");
                    JsonObject paired = admin.expect(200, admin.as(null).post("/api/v1/kiosks/pair",
                            new JsonObject().put("pairingCode", kiosk.getString("pairingCode"))), "pair");
                    devices.add(new LoadGenerator.Device(paired.getString("deviceToken"), site, false));
                }
            }
            Path pid = dbUrl == null ? dir.resolve("postgres/postmaster.pid") : Path.of(System.getenv("KIOSK_PG_PID_FILE"));
            Long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            CpuMeter cpu = new CpuMeter(server.pid(), postmaster);
            LoadGenerator gen = new LoadGenerator(vertx, server.port(), devices, 2, 128);
            gen.start();
            gen.run(rate, 20, 30, null); // warm: JIT, caches
            Map<String, Double> before = cpu.snapshot();
            LoadGenerator.Result r = gen.run(rate, seconds, 30, null);
            Map<String, Double> per = CpuMeter.perUnit(before, cpu.snapshot(), r.ok());
            System.out.printf("%,.0f/s for %d s: %d ok, %d errors, p50 %.1f ms, p99 %.1f ms; CPU ms per check-in %s%n",
                    rate, seconds, r.ok(), r.errors(), r.p(50), r.p(99), per);
            if (r.errors() > 0) {
                System.out.println("errors by status (0: not sent, -1: no answer): " + r.statuses() + " " + r.failures());
            }
            gen.close();
        } finally {
            server.stop();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }
}
