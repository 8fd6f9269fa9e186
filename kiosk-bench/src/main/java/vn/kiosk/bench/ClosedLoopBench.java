package vn.kiosk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.kiosk.server.config.Config;

/**
 * The quick form of the closed-loop figures, for iterating on the write path (minutes, not the full run's quarter
 * hour): a fresh server with empty tables but the full run's ~100 daily partitions, P, then the closed loops against
 * the server and the INSERT reference. With {@code --pgss} the database loads pg_stat_statements (tracking the
 * statements inside functions too, with planning times) and prints where the check-ins' database time went.
 *
 * <pre>
 * java -cp kiosk-bench/target/kiosk-bench.jar:kiosk-server/target/kiosk-server.jar vn.kiosk.bench.ClosedLoopBench \
 *     --server-jar kiosk-server/target/kiosk-server.jar [--seconds 10] [--rounds 1] [--connections 1,4,16,64] [--pgss]
 * </pre>
 */
public final class ClosedLoopBench {
    private ClosedLoopBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--pgss")) {
                a.put("pgss", "true");
            } else {
                a.put(args[i].substring(2), args[++i]);
            }
        }
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "10"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "1"));
        int[] connections = Arrays.stream(a.getOrDefault("connections", "1,4,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path dataDir = Files.createTempDirectory("kiosk-closed-loop-");
        Path logDir = Path.of(a.getOrDefault("logs", "kiosk-bench/target"));
        Files.createDirectories(logDir);
        ServerProcess server = new ServerProcess(Path.of(a.get("server-jar")), dataDir, null,
                List.of(a.getOrDefault("server-jvm", "-Xmx300m").split(" ")), logDir, 120);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            server.start();
            Config.DbUrl db = Config.DbUrl.parse(server.databaseUrl());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                // as many daily partitions as the full run's history has (--history-days), since the cost of every
                // statement over the partitioned tables grows with them
                int history = Integer.parseInt(a.getOrDefault("history-days", "92"));
                s.execute("select kiosk_ensure_partitions(current_date - " + history + ", " + (history + 12) + ")");
                if (a.containsKey("pgss")) {
                    s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
                    s.execute("alter system set pg_stat_statements.track = 'all'");
                    s.execute("alter system set pg_stat_statements.track_planning = 'on'");
                }
            }
            if (a.containsKey("pgss")) {
                server.stop();
                server.start();
                db = Config.DbUrl.parse(server.databaseUrl());
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                     Statement s = c.createStatement()) {
                    s.execute("create extension if not exists pg_stat_statements");
                }
            }
            Http admin = new Http(server.baseUrl(), null).login("admin", ServerProcess.ADMIN_PASSWORD);
            List<ClosedLoop.Guard> guards = guards(admin, 8, Arrays.stream(connections).max().orElse(16));
            double P = Double.parseDouble(a.getOrDefault("p", "0"));
            if (P <= 0) {
                P = Bench.baselineTps(Bench.findBaseline(), server.databaseUrl(),
                        Integer.parseInt(a.getOrDefault("baseline-seconds", "10")));
            }
            Bench.log("P = %,.0f/s", P);
            if (a.containsKey("pgss")) {
                reset(db);
            }
            if (a.containsKey("variants")) {
                variants(vertx, db, server.port(), guards, a.get("variants"), connections, seconds, rounds);
                return;
            }
            try (ClosedLoopPhase phase = new ClosedLoopPhase(vertx, server.databaseUrl(), server.port(), guards, logDir)) {
                JsonArray points = phase.run(connections, seconds, rounds, P);
                System.out.println(new JsonObject().put("P", P).put("points", points).encodePrettily());
                for (Object o : points) {
                    JsonObject j = (JsonObject) o;
                    JsonObject k = j.getJsonObject("kiosk");
                    JsonObject r = j.getJsonObject("reference");
                    System.out.printf("%3d conn: kiosk %,6.0f/s p50 %5.1f p99 %5.1f ms (%.2f x P) | reference %,6.0f/s"
                                    + " p50 %5.1f p99 %5.1f | kiosk/ref %.2f | load %s%n", j.getInteger("connections"),
                            k.getDouble("perSecond"), k.getDouble("p50"), k.getDouble("p99"), j.getDouble("xP"),
                            r.getDouble("perSecond"), r.getDouble("p50"), r.getDouble("p99"), j.getDouble("vsReference"),
                            k.getJsonArray("loadAverages"));
                }
            }
            if (a.containsKey("pgss")) {
                statements(db);
            }
        } finally {
            server.stop();
            vertx.close().await(10, TimeUnit.SECONDS);
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static List<ClosedLoop.Guard> guards(Http admin, int sites, int count) {
        List<Long> siteIds = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            siteIds.add(admin.expect(201, admin.post("/api/v1/sites", new JsonObject()
                    .put("name", "Cổng thử " + i + " " + System.nanoTime()).put("kind", "bus_station")
                    .put("province", "Quảng Trị").put("district", "Thành phố Đông Hà").put("address", "1 Lê Duẩn")),
                    "create site").getLong("id"));
        }
        List<ClosedLoop.Guard> guards = new ArrayList<>();
        String stamp = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int g = 0; g < count; g++) {
            long site = siteIds.get(g % sites);
            String user = "gate-" + stamp + "-" + g;
            admin.expect(201, admin.post("/api/v1/users", new JsonObject().put("username", user)
                    .put("password", "password-of-" + user).put("role", "guard")
                    .put("siteIds", new JsonArray().add(site))), "create guard");
            guards.add(new ClosedLoop.Guard(admin.as(null).login(user, "password-of-" + user).token(), site));
        }
        return guards;
    }

    /**
     * Variants of the database side compared in one run: {@code label=SQL|label=SQL}, each SQL run before its points
     * (e.g. {@code generic=alter function kiosk_checkins set plan_cache_mode = force_generic_plan}); kiosk only.
     */
    private static void variants(Vertx vertx, Config.DbUrl db, int port, List<ClosedLoop.Guard> guards, String spec,
                                 int[] connections, double seconds, int rounds) throws Exception {
        String[] variants = spec.split("\\|");
        ClosedLoop.run(vertx, port, guards, 16, 5);
        for (int round = 1; round <= rounds; round++) {
            for (String v : variants) {
                String label = v.substring(0, v.indexOf('='));
                String sql = v.substring(v.indexOf('=') + 1);
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                     Statement s = c.createStatement()) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                ClosedLoop.run(vertx, port, guards, 4, 2); // new sessions of the pool keep their plans: warm them
                for (int n : connections) {
                    Double load = Bench.loadAverage();
                    ClosedLoop.Result r = ClosedLoop.run(vertx, port, guards, n, seconds);
                    System.out.printf("round %d %-12s %3d conn: %,6.0f/s p50 %5.1f p99 %5.1f ms errors %d load %s%n",
                            round, label, n, r.perSecond(), r.p(50), r.p(99), r.errors(), load);
                }
            }
        }
    }

    private static void reset(Config.DbUrl db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** Where the database time went: the statements by total time, planning apart from execution. */
    private static void statements(Config.DbUrl db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select calls, round(total_plan_time::numeric, 0) as plan_ms, round(total_exec_time::numeric, 0) as exec_ms,
                            round((total_plan_time / nullif(calls, 0))::numeric, 3) as plan_per_call,
                            round((total_exec_time / nullif(calls, 0))::numeric, 3) as exec_per_call,
                            shared_blks_hit + shared_blks_read as blocks, toplevel,
                            regexp_replace(left(query, 160), '\\s+', ' ', 'g') as q
                       from pg_stat_statements order by total_plan_time + total_exec_time desc limit 25""")) {
            System.out.println("calls | plan ms | exec ms | plan/call | exec/call | blocks | top | query");
            while (r.next()) {
                System.out.printf("%d | %s | %s | %s | %s | %d | %s | %s%n", r.getLong(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getLong(6), r.getBoolean(7), r.getString(8));
            }
        }
    }
}
