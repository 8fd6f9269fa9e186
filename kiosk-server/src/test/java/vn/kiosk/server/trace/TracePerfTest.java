package vn.kiosk.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * How long traces take on a busy site (opt-in: -Dkiosk.perf=true; size with
 * -Dkiosk.perf.visits=1000000). Prints the figures; the bounds asserted are
 * loose, so a slow shared machine does not fail the build.
 */
class TracePerfTest {
    @Test
    @DisplayName("Traces on a hot site stay fast: the overlap look-up reads only the index range of each stay")
    void hotSite() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kiosk.perf"), "opt-in: -Dkiosk.perf=true");
        int visits = Integer.getInteger("kiosk.perf.visits", 1_000_000);
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        // A bus station's stays are short: its longest stay (the overlap look-up's bound) is three hours.
        long hot = admin.post("/api/v1/sites", new JsonObject().put("name", "Bến xe đông khách").put("kind", "bus_station")
                .put("province", "Quảng Trị").put("district", "Thành phố Đông Hà").put("maxStayMinutes", 180))
                .json().getLong("id");
        long normal = admin.createSite("office");
        Pool pool = server.server().pool();
        String phone = String.format("0987%06d", (int) (System.nanoTime() % 1_000_000));
        Api.Response subject = admin.checkIn(new JsonObject().put("siteId", normal).put("direction", "in")
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString())
                .put("visitor", Api.visitor("Người được truy vết", phone)));
        long subjectId = subject.json().getJsonObject("visitor").getLong("id");
        String quietPhone = String.format("0988%06d", (int) (System.nanoTime() % 1_000_000));
        long quietId = admin.checkIn(new JsonObject().put("siteId", normal).put("direction", "in")
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).toString())
                .put("visitor", Api.visitor("Người ở điểm vắng", quietPhone))).json().getJsonObject("visitor").getLong("id");

        long t0 = System.nanoTime();
        // Visitors and 14 days of stays (5 to 65 minutes) at the hot site, plus a normal site's trickle.
        // Visitor ids are drawn at random below 2^53: these take a run of their own near the top.
        long firstVisitor = 9_000_000_000_000_000L;
        pool.query("insert into visitors (id, name, name_folded) select " + (firstVisitor - 1) + " + g, 'Khách ' || g,"
                + " 'khach ' || g from generate_series(1, " + visits / 5 + ") g").execute().await(10, TimeUnit.MINUTES);
        for (long[] s : new long[][] {{hot, visits}, {normal, visits / 100}}) {
            pool.preparedQuery("insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_method)"
                            + " select gen_random_uuid(), $1, $2 + (g % $4), t, t + make_interval(mins => 5 + ((g::bigint * 7919) % 60)::int), 'guard'"
                            + " from (select g, now() - interval '14 days' + make_interval(secs => g * (14 * 86400.0 / $3)) as t"
                            + "       from generate_series(1, $3) g) x")
                    .execute(Tuple.of(s[0], firstVisitor, s[1], visits / 5)).await(30, TimeUnit.MINUTES);
        }
        // The subject's stays at both sites: ten at the hot one over the fortnight.
        for (int d = 1; d <= 10; d++) {
            pool.preparedQuery("insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_method)"
                            + " values (gen_random_uuid(), $1, $2, now() - make_interval(days => $3, hours => 5),"
                            + " now() - make_interval(days => $3, hours => 4), 'guard')")
                    .execute(Tuple.of(d % 3 == 0 ? normal : hot, subjectId, d)).await(1, TimeUnit.MINUTES);
            pool.preparedQuery("insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_method)"
                            + " values (gen_random_uuid(), $1, $2, now() - make_interval(days => $3, hours => 7),"
                            + " now() - make_interval(days => $3, hours => 6), 'guard')")
                    .execute(Tuple.of(normal, quietId, d)).await(1, TimeUnit.MINUTES);
        }
        pool.query("analyze visits").execute().await(10, TimeUnit.MINUTES);
        pool.preparedQuery("update sites set created_at = now() - interval '30 days' where id = any($1)")
                .execute(Tuple.tuple().addArrayOfLong(new Long[] {hot, normal})).await(1, TimeUnit.MINUTES);
        System.out.printf("perf: %,d visits written in %.1f s%n", visits + visits / 100, (System.nanoTime() - t0) / 1e9);

        List<String> overlapPlan = new ArrayList<>();
        pool.preparedQuery("explain (analyze, buffers) " + TraceService.OVERLAPS.replace("$1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[]",
                        "(select array_agg(visitor_id) from visits where visitor_id = $1), (select array_agg(site_id) from visits where visitor_id = $1),"
                        + " (select array_agg(entered_at) from visits where visitor_id = $1), (select array_agg(exited_at) from visits where visitor_id = $1)")
                        .replace("$5::timestamptz", "now()").replace("$6::bigint[]", "array[$1::bigint]").replace("$7", "900").replace("$8", "5000")
                        .replace("$9::timestamptz", "now() - interval '22 days'").replace("$10::timestamptz", "now() + interval '1 day'"))
                .execute(Tuple.of(subjectId)).await(5, TimeUnit.MINUTES).forEach(r -> overlapPlan.add(r.getString(0)));
        System.out.println("perf: plan of the hop query\n" + String.join("\n", overlapPlan));
        for (String who : new String[] {quietPhone, phone}) {
            String where = who.equals(phone) ? "hot site" : "normal site";
            for (int hops = 1; hops <= 2; hops++) {
                for (int days : new int[] {14, 3}) {
                    List<Double> took = new ArrayList<>();
                    List<Double> http = new ArrayList<>();
                    String outcome = "";
                    for (int i = 0; i < (hops == 1 ? 10 : 2); i++) {
                        long s = System.nanoTime();
                        Api.Response r = admin.post("/api/v1/traces", new JsonObject().put("phone", who).put("hops", hops)
                                .put("minOverlapMinutes", 15)
                                .put("from", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days).toString()));
                        http.add((System.nanoTime() - s) / 1e6);
                        if (r.status() != 200) {
                            outcome = "answered " + r.status() + " " + r.json().getString("type");
                            break;
                        }
                        took.add(r.json().getDouble("tookMs"));
                        outcome = r.json().getJsonArray("contacts").size() + " contacts";
                    }
                    double[] sv = took.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    double[] ht = http.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    System.out.printf("perf: %s, %d hop(s), %d days, min overlap 15: %s; server median %.1f ms;"
                            + " HTTP median %.1f ms%n", where, hops, days, outcome, sv.length == 0 ? -1 : sv[sv.length / 2],
                            ht[ht.length / 2]);
                    if (hops == 1) {
                        assertThat(sv[sv.length / 2]).isLessThan(2_000);
                    }
                }
            }
        }
        for (String q : new String[] {"siteId=" + hot, "province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&groupBy=district"}) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long s = System.nanoTime();
                Api.Response r = admin.get("/api/v1/reports/daily?date=" + java.time.LocalDate.now(java.time.ZoneId.of(
                        "Asia/Ho_Chi_Minh")).minusDays(1) + "&" + q);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().getJsonObject("totals").getInteger("entries")).isGreaterThan(visits / 20);
                ms.add((System.nanoTime() - s) / 1e6);
            }
            ms.sort(Double::compare);
            System.out.printf("perf: daily report (%s), yesterday at the hot site (~71k visits): median %.1f ms%n", q,
                    ms.get(ms.size() / 2));
        }
        String plan = String.join("\n", explain(pool, hot));
        System.out.println("perf: plan of one overlap look-up at the hot site\n" + plan);
        assertThat(plan).contains("Index");
    }

    private static List<String> explain(Pool pool, long site) throws Exception {
        List<String> out = new ArrayList<>();
        pool.preparedQuery("explain (analyze, buffers, costs off) select count(*) from visits v join sites st on st.id = v.site_id"
                        + " where v.site_id = $1 and v.entered_at > now() - interval '3 days' - make_interval(mins => st.stay_bound_minutes + 10)"
                        + " and v.entered_at < now() - interval '3 days' + interval '1 hour'"
                        + " and coalesce(v.exited_at, now()) > now() - interval '3 days'")
                .execute(Tuple.of(site)).await(1, TimeUnit.MINUTES).forEach(r -> out.add(r.getString(0)));
        return Arrays.asList(out.toArray(String[]::new));
    }
}
