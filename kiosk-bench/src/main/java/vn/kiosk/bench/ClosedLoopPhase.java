package vn.kiosk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import vn.kiosk.server.config.Config;

/**
 * The closed-loop figures: 1, 4, 16 and 64 connections against the server and, at the same connection counts and
 * interleaved with it (so both meet the same noise), against {@link InsertReference} on the same database. Each
 * point is repeated {@code rounds} times and reported as its median; rates count the rows that landed.
 */
final class ClosedLoopPhase implements AutoCloseable {
    private final Vertx vertx;
    private final Config.DbUrl db;
    private final int serverPort;
    private final List<ClosedLoop.Guard> guards;
    private final Process reference;
    private final int referencePort;
    /** Rows are counted from here on: visit_events is partitioned by recorded_at, so only the newest days are read. */
    private final java.sql.Timestamp since = new java.sql.Timestamp(System.currentTimeMillis() - 60_000);

    ClosedLoopPhase(Vertx vertx, String dbUrl, int serverPort, List<ClosedLoop.Guard> guards, Path logDir)
            throws IOException, InterruptedException {
        this.vertx = vertx;
        this.db = Config.DbUrl.parse(dbUrl);
        this.serverPort = serverPort;
        this.guards = guards;
        this.referencePort = ServerProcess.freePort();
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx300m", "-cp", cp, InsertReference.class.getName(), dbUrl, String.valueOf(referencePort));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("reference.log").toFile()));
        reference = pb.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Socket s = new Socket("localhost", referencePort)) {
                break;
            } catch (IOException e) {
                if (!reference.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the INSERT reference did not start; see " + logDir.resolve("reference.log"));
                }
                Thread.sleep(50);
            }
        }
    }

    /** Every point as JSON: {connections, kiosk {…}, reference {…}, vsReference, xP}. */
    JsonArray run(int[] connections, double seconds, int rounds, double P) throws Exception {
        // one short warm-up of each, so that neither JVM is measured while it compiles
        point(serverPort, "visit_events", 16, Math.min(5, seconds));
        point(referencePort, InsertReference.TABLE, 16, Math.min(5, seconds));
        List<List<JsonObject>> kiosk = new ArrayList<>();
        List<List<JsonObject>> ref = new ArrayList<>();
        for (int c : connections) {
            kiosk.add(new ArrayList<>());
            ref.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < connections.length; i++) {
                kiosk.get(i).add(point(serverPort, "visit_events", connections[i], seconds));
                ref.get(i).add(point(referencePort, InsertReference.TABLE, connections[i], seconds));
                Bench.log("closed loop, %d connections, round %d: kiosk %s; reference %s", connections[i], round + 1,
                        kiosk.get(i).get(round).encode(), ref.get(i).get(round).encode());
            }
        }
        JsonArray out = new JsonArray();
        for (int i = 0; i < connections.length; i++) {
            JsonObject k = median(kiosk.get(i));
            JsonObject r = median(ref.get(i));
            out.add(new JsonObject().put("connections", connections[i]).put("kiosk", k).put("reference", r)
                    .put("vsReference", Figure.finite(k.getDouble("perSecond") / r.getDouble("perSecond")))
                    .put("xP", Figure.finite(k.getDouble("perSecond") / P))
                    .put("referenceXP", Figure.finite(r.getDouble("perSecond") / P)));
        }
        return out;
    }

    private JsonObject point(int port, String table, int connections, double seconds) throws Exception {
        long before = rows(table);
        Double load = Bench.loadAverage();
        ClosedLoop.Result r = ClosedLoop.run(vertx, port, guards, connections, seconds);
        long landed = rows(table) - before;
        return new JsonObject().put("perSecond", Figure.finite(landed / r.seconds())).put("answered", r.ok())
                .put("landed", landed).put("errors", r.errors()).put("p50", Figure.finite(r.p(50)))
                .put("p99", Figure.finite(r.p(99))).put("seconds", Figure.finite(r.seconds())).put("loadAverage", load);
    }

    /** The round with the median rate, p50 and p99 each their own median. */
    private static JsonObject median(List<JsonObject> rounds) {
        Function<String, Double> med = key -> {
            List<Double> v = rounds.stream().map(j -> j.getDouble(key)).sorted().toList();
            return v.get(v.size() / 2);
        };
        JsonObject byRate = rounds.stream().sorted(Comparator.comparing(j -> j.getDouble("perSecond")))
                .toList().get(rounds.size() / 2).copy();
        return byRate.put("perSecond", med.apply("perSecond")).put("p50", med.apply("p50")).put("p99", med.apply("p99"))
                .put("rounds", rounds.size()).put("loadAverages", new JsonArray(rounds.stream()
                        .map(j -> j.getValue("loadAverage")).toList()));
    }

    private long rows(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var s = c.prepareStatement("select count(*) from " + table + " where recorded_at >= ?")) {
            s.setTimestamp(1, since);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reference.destroy();
        reference.waitFor();
    }
}
