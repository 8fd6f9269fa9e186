package vn.kiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's short form: the whole harness on small data in about a
 * minute, so that it cannot rot. It checks that every figure is produced,
 * never that it is fast (CI machines are shared and slow).
 */
class BenchShortFormTest {
    static final List<String> FIGURES = List.of("bulk_load", "peak", "cpu_server", "fixed_p50", "fixed_p99",
            "fixed_p999", "fixed_errors", "closed_1", "closed_4", "closed_16", "closed_16_p99", "closed_64", "sse_p99", "log_first", "log_deep", "trace1_normal", "trace1_hot", "trace2",
            "report", "report_today", "purge", "purge_stall", "qr_svg", "qr_png_cached", "qr_png_cold", "rss", "startup", "blocked");

    @Test
    void theCopiedBaselineIsTheSharedOne() throws Exception {
        Path shared = Bench.sharedBaseline();
        assumeTrue(shared != null, "no ../shared/bench/pg-baseline.sh beside the repository to compare with");
        assertThat(Files.readString(Bench.copiedBaseline())).as("bench/pg-baseline.sh is a copy of " + shared)
                .isEqualTo(Files.readString(shared));
    }

    @Test
    void everyFigureIsProduced() throws Exception {
        Path baseline = Bench.findBaseline();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Files.exists(baseline), "no " + baseline + " beside the repository");
            assumeTrue(onPath("pgbench") && onPath("psql"), "pgbench and psql are not installed (postgresql-client)");
        }
        Path target = Path.of("target").toAbsolutePath();
        Path json = target.resolve("bench-short.json");
        Path md = target.resolve("BENCHMARKS-short.md");
        Files.deleteIfExists(json);
        Files.deleteIfExists(md);
        Path dataDir = Files.createTempDirectory(target, "bench-data-");

        JsonObject r = new Bench(new Bench.Options(Profile.smoke(), null, null, dataDir, json, md, baseline,
                List.of("-Xmx256m"), false)).run();

        assertThat(r.getJsonObject("baseline").getDouble("single_tps")).isPositive();
        assertThat(r.getJsonObject("machine").getString("fsync")).isEqualTo("on");
        assertThat(r.getJsonObject("machine").getString("synchronousCommit")).isEqualTo("on");
        JsonObject figures = r.getJsonObject("figures");
        assertThat(figures.fieldNames()).containsAll(FIGURES);
        for (String key : FIGURES) {
            assertThat(figures.getJsonObject(key).getDouble("value")).as(key).isNotNull();
        }
        assertThat(figures.getJsonObject("peak").getDouble("value")).isPositive();
        assertThat(figures.getJsonObject("peak").getDouble("perBaseline")).isPositive();
        assertThat(r.getJsonObject("details").getJsonObject("sse").getLong("delivered")).isPositive();
        // the closed loops landed rows, and so did the INSERT reference they are measured against
        for (Object point : r.getJsonObject("details").getJsonObject("closedLoop").getJsonArray("points")) {
            assertThat(((JsonObject) point).getJsonObject("kiosk").getLong("landed")).isPositive();
            assertThat(((JsonObject) point).getJsonObject("reference").getLong("landed")).isPositive();
        }
        // The past day's report reads figures the server's own daily job stored over the generated history.
        assertThat(r.getJsonObject("details").getJsonObject("dailyFigures").getLong("siteDays")).isPositive();
        assertThat(r.getJsonObject("details").getJsonObject("logProbe").getLong("serverRequests")).isPositive();
        assertThat(r.getJsonObject("summary").getInteger("budgets")).isGreaterThanOrEqualTo(15);
        assertThat(new JsonObject(Files.readString(json))).isEqualTo(r);
        assertThat(Files.readString(md)).contains("| check-in, durable, peak throughput |", "**P**");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
