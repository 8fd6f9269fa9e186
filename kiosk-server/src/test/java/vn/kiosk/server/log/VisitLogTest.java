package vn.kiosk.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class VisitLogTest {
    static final int VISITS = 2_400;
    static Api admin;
    static long site;

    @BeforeAll
    static void setUp() throws Exception {
        admin = TestServer.shared().admin();
        site = admin.createSite("bus_station");
        // Long enough that no stay of this test is closed as overdue while it runs.
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", 10080));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(40);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> done = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            int n = i;
            // Several visits share a timestamp, so paging must also order by id.
            JsonObject body = new JsonObject().put("siteId", site).put("direction", "in")
                    .put("occurredAt", start.plusSeconds(n / 3 * 30L).toString())
                    .put("visitor", Api.visitor("Khách " + n, String.format("0912%06d", n)));
            done.add(pool.submit(() -> admin.checkIn(body)));
        }
        for (Future<Api.Response> f : done) {
            assertThat(f.get().status()).isEqualTo(201);
        }
        pool.shutdown();
        admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Nguyễn Văn An", "0388 123 456")));
        admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Đặng Thị Hương", "0388 123 457")));
    }

    @Test
    @DisplayName("Keyset paging over a few thousand visits has no gap and no repeat, newest first")
    void paging() {
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).toString().replace("+", "%2B");
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response r = admin.get("/api/v1/sites/" + site + "/visits?limit=100&from=" + from
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            for (Object o : r.items()) {
                JsonObject v = (JsonObject) o;
                assertThat(seen.add(v.getString("id"))).as("repeated visit").isTrue();
                order.add(v.getString("enteredAt"));
            }
            cursor = r.json().getString("next");
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(VISITS + 2);
        assertThat(pages).isEqualTo((VISITS + 2 + 99) / 100);
        List<OffsetDateTime> times = order.stream().map(OffsetDateTime::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
        }
    }

    @Test
    @DisplayName("Search finds names with or without diacritics, and phones in any spelling")
    void search() {
        for (String q : List.of("nguyen%20van%20an", "Nguy%E1%BB%85n%20V%C4%83n", "NGUYEN", "0388123456",
                "%2B84388123456")) {
            var items = admin.get("/api/v1/sites/" + site + "/visits?q=" + q).items();
            assertThat(items).as(q).hasSize(1);
            assertThat(items.getJsonObject(0).getJsonObject("visitor").getString("name")).isEqualTo("Nguyễn Văn An");
        }
        assertThat(admin.get("/api/v1/sites/" + site + "/visits?q=dang%20thi%20huong").items()).hasSize(1);
        assertThat(admin.get("/api/v1/sites/" + site + "/visits?q=100%25").items()).isEmpty();
    }

    @Test
    @DisplayName("One visit reads as its row of the log; at another site it is 404, a malformed id is a 400 problem")
    void oneVisit() {
        JsonObject newest = admin.get("/api/v1/sites/" + site + "/visits?limit=1").items().getJsonObject(0);
        Api.Response one = admin.get("/api/v1/sites/" + site + "/visits/" + newest.getString("id"));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(newest);
        assertThat(one.json().getJsonObject("visitor").getString("phoneMasked")).isNotBlank();
        long other = admin.createSite("office");
        assertThat(admin.get("/api/v1/sites/" + other + "/visits/" + newest.getString("id")).status()).isEqualTo(404);
        Api.Response bad = admin.get("/api/v1/sites/" + site + "/visits/not-a-visit");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("A forged cursor is a 400 problem")
    void badCursor() {
        Api.Response r = admin.get("/api/v1/sites/" + site + "/visits?cursor=bm90LWEtY3Vyc29y");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("The CSV export is UTF-8 with a BOM, with a header and one line per visit")
    void csv() {
        Api.Response r = admin.get("/api/v1/sites/" + site + "/visits.csv?q=nguyen");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        byte[] bytes = admin.bytes("/api/v1/sites/" + site + "/visits.csv?q=nguyen");
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("Mã lượt / Visit,Họ tên / Name");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("Nguyễn Văn An").contains("038****456").doesNotContain("0388123456");
        String all = new String(admin.bytes("/api/v1/sites/" + site + "/visits.csv?from="
                + OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).toString().replace("+", "%2B")), StandardCharsets.UTF_8);
        assertThat(all.split("\r\n")).hasSize(VISITS + 3);
    }

    @Test
    @DisplayName("Occupancy lists who is inside with how long")
    void occupancy() {
        JsonObject o = admin.get("/api/v1/sites/" + site + "/occupancy").json();
        assertThat(o.getInteger("inside")).isEqualTo(VISITS + 2);
        JsonObject first = o.getJsonArray("visitors").getJsonObject(0);
        assertThat(first.getLong("minutesInside")).isGreaterThanOrEqualTo(40 * 60 - 1);
    }
}
