package vn.kiosk.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.jobs.Retention;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * District and province roll-ups count each person once, from the visits while they are held and from the
 * stored figures once retention has removed them. Its own server: the purge drops whole daily partitions.
 */
class RollUpTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    @DisplayName("One person at two sites of a district is one visitor of the district and the province, also after the purge")
    void eachPersonOnce() throws Exception {
        try (TestServer server = TestServer.start(Files.createTempDirectory("kiosk-rollup-"), Map.of())) {
            Api admin = server.admin();
            Pool pool = server.server().pool();
            // The daily figures job's first round (started with the server) is over once this one gets the lock.
            server.fillMissingFigures();
            String province = "Tỉnh Gộp " + UUID.randomUUID().toString().substring(0, 8);
            long a1 = site(admin, province, "Huyện A", "Chợ A1");
            long a2 = site(admin, province, "Huyện A", "Trạm y tế A2");
            long b1 = site(admin, province, "Huyện B", "Bến xe B1");
            pool.preparedQuery("update sites set created_at = now() - interval '1 year' where id = any($1)")
                    .execute(Tuple.tuple().addArrayOfLong(new Long[] {a1, a2, b1})).await(10, TimeUnit.SECONDS);
            long x = visitor(admin, b1, "Khách đi nhiều nơi", "0916 100 001");
            long z = visitor(admin, b1, "Khách một nơi", "0916 100 002");
            for (String table : List.of("visits", "presence", "visit_events")) {
                pool.preparedQuery("delete from " + table + " where site_id = $1").execute(Tuple.of(b1))
                        .await(10, TimeUnit.SECONDS);
            }

            // 20 days ago (final, still held): X at A1, A2 and B1; Z at B1.
            LocalDate day = LocalDate.now(VN).minusDays(20);
            pool.preparedQuery("select kiosk_ensure_partitions($1, 3)").execute(Tuple.of(day.minusDays(1)))
                    .await(10, TimeUnit.SECONDS);
            ReportTest.insert(pool, List.of(stay(a1, x, day, 9), stay(a2, x, day, 11), stay(b1, x, day, 15),
                    stay(b1, z, day, 10)));

            assertRollUps(admin, province, day, "visits");

            // 10 days on with a 28-day period: the day's partitions go, its figures are stored first.
            Retention retention = new Retention(pool, server.server().dailyStats(),
                    Clock.offset(Clock.systemUTC(), Duration.ofDays(10)), 28);
            assertThat(retention.purge().await(60, TimeUnit.SECONDS).partitions()).isPositive();
            long left = pool.preparedQuery("select count(*) from visits where site_id = any($1)")
                    .execute(Tuple.tuple().addArrayOfLong(new Long[] {a1, a2, b1})).await(10, TimeUnit.SECONDS)
                    .iterator().next().getLong(0);
            assertThat(left).as("the day's visits are gone").isZero();

            assertRollUps(admin, province, day, "aggregates");

            // A manager's own sites in two districts were never stored as one area: with the visits gone the
            // sites' counts are added up, and the answer says so. (Reports run on the real clock: a period of
            // 15 days tells them that the visits of 20 days ago are gone, as the purge above made it.)
            for (long site : List.of(a1, b1)) {
                assertThat(admin.patch("/api/v1/sites/" + site, new JsonObject().put("retentionDays", 15)).status())
                        .isEqualTo(200);
            }
            Api manager = admin.userFor("manager", List.of(a1, b1));
            JsonObject mine = manager.get("/api/v1/reports/daily?date=" + day + "&groupBy=province").json();
            assertThat(mine.getJsonArray("rows").getJsonObject(0).getInteger("uniqueVisitors")).isEqualTo(1 + 2);
            assertThat(mine.getJsonArray("rows").getJsonObject(0).getString("uniqueVisitorsSource")).isEqualTo("sum");
            // One site is its own roll-up.
            JsonObject one = admin.userFor("manager", List.of(a1)).get("/api/v1/reports/daily?date=" + day).json();
            assertThat(one.getJsonObject("totals").getInteger("uniqueVisitors")).isEqualTo(1);
            assertThat(one.getJsonObject("totals").getString("uniqueVisitorsSource")).isEqualTo("aggregates");
        }
    }

    /** A: X at two sites (1 + 1, one person). B: X and Z. The province: X and Z (the sites add up to 4). */
    private static void assertRollUps(Api admin, String province, LocalDate day, String source) {
        String path = "/api/v1/reports/daily?date=" + day + "&province=" + URLEncoder.encode(province, StandardCharsets.UTF_8);
        JsonObject bySite = admin.get(path).json();
        Map<String, Integer> sites = new HashMap<>();
        for (Object o : bySite.getJsonArray("rows")) {
            JsonObject row = (JsonObject) o;
            sites.put(row.getString("siteName"), row.getInteger("uniqueVisitors"));
            assertThat(row.getString("source")).isEqualTo(source);
        }
        assertThat(sites).isEqualTo(Map.of("Chợ A1", 1, "Trạm y tế A2", 1, "Bến xe B1", 2));
        assertThat(bySite.getJsonObject("totals").getInteger("uniqueVisitors")).isEqualTo(2);
        assertThat(bySite.getJsonObject("totals").getInteger("entries")).isEqualTo(4);
        assertThat(bySite.getJsonObject("totals").getString("uniqueVisitorsSource")).isEqualTo(source);

        JsonArray districts = admin.get(path + "&groupBy=district").json().getJsonArray("rows");
        assertThat(districts).hasSize(2);
        for (Object o : districts) {
            JsonObject row = (JsonObject) o;
            boolean a = "Huyện A".equals(row.getString("district"));
            assertThat(row.getInteger("uniqueVisitors")).as(row.getString("district")).isEqualTo(a ? 1 : 2);
            assertThat(row.getInteger("entries")).isEqualTo(2);
            assertThat(row.getString("uniqueVisitorsSource")).isEqualTo(source);
        }
        JsonObject whole = admin.get(path + "&groupBy=province").json().getJsonArray("rows").getJsonObject(0);
        assertThat(whole.getInteger("uniqueVisitors")).isEqualTo(2);
        assertThat(whole.getString("uniqueVisitorsSource")).isEqualTo(source);

        JsonObject series = admin.get("/api/v1/reports/days?from=" + day + "&to=" + day + "&province="
                + URLEncoder.encode(province, StandardCharsets.UTF_8)).json().getJsonArray("days").getJsonObject(0);
        assertThat(series.getInteger("uniqueVisitors")).isEqualTo(2);
    }

    private static long site(Api admin, String province, String district, String name) {
        Api.Response r = admin.post("/api/v1/sites", new JsonObject().put("name", name).put("kind", "market")
                .put("province", province).put("district", district));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getLong("id");
    }

    private static long visitor(Api admin, long site, String name, String phone) {
        Api.Response r = admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor(name, phone)));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().getJsonObject("visitor").getLong("id");
    }

    /** A one-hour stay from {@code hour} o'clock (Vietnam time) on {@code day}. */
    private static ReportTest.Stay stay(long site, long visitor, LocalDate day, int hour) {
        Instant in = day.atTime(hour, 0).atZone(VN).toInstant();
        return new ReportTest.Stay(UUID.randomUUID(), site, visitor, in, in.plusSeconds(3600), false, "declared");
    }
}
