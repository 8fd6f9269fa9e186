package vn.kiosk.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.MovableClock;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

/**
 * Reports and check-ins either side of midnight in the site's zone, whatever hour the suite runs at: the
 * server's clock is set to 00:05 or 23:55 of Vietnam's day. Sites are created for real (now), i.e. after the
 * evening they report on, as a site added this morning whose guard enters last night's visitors.
 */
class MidnightTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final MovableClock clock = new MovableClock();
    static final Map<String, String> PHONES = new java.util.concurrent.ConcurrentHashMap<>();
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Files.createTempDirectory("kiosk-midnight-"), Map.of(), clock);
        admin = server.admin();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Place(long site, String province, Api guard) {
    }

    static Place place() {
        String province = "Tỉnh Nửa Đêm " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response r = admin.post("/api/v1/sites", new JsonObject().put("name", "Bến xe Nửa Đêm").put("kind", "bus_station")
                .put("province", province).put("district", "Huyện Cam Lộ").put("maxStayMinutes", 1440));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long site = r.json().getLong("id");
        return new Place(site, province, admin.userFor("guard", List.of(site)));
    }

    /** A visitor known by a phone of their own, so that their exit closes their stay. */
    static Api.Response checkIn(Place p, String name, String direction, ZonedDateTime at) {
        JsonObject body = new JsonObject().put("siteId", p.site()).put("direction", direction)
                .put("visitor", Api.visitor(name, PHONES.computeIfAbsent(name, n -> Phones.next()))).put("bluezone", new JsonObject().put("status", "declared"));
        if (at != null) {
            body.put("occurredAt", at.toOffsetDateTime().toString());
        }
        return p.guard().checkIn(body);
    }

    static JsonObject siteRow(Place p, String query) {
        Api.Response r = admin.get("/api/v1/reports/daily?province=" + URLEncoder.encode(p.province(), StandardCharsets.UTF_8)
                + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getJsonArray("rows")).as(r.body()).hasSize(1);
        return r.json().getJsonArray("rows").getJsonObject(0);
    }

    @Test
    @DisplayName("At 00:05 yesterday evening's visits are yesterday's report, the first minutes today's, and the roll-up counts them")
    void justAfterMidnight() {
        Instant at = MovableClock.lastTimeOfDay(VN, 0, 5);
        clock.setTo(at);
        ZonedDateTime now = at.atZone(VN);
        LocalDate today = now.toLocalDate();
        Place p = place();
        assertThat(checkIn(p, "Khách về khuya", "in", now.minusMinutes(25)).status()).isEqualTo(201);
        assertThat(checkIn(p, "Khách về khuya", "out", now.minusMinutes(13)).status()).isEqualTo(201);
        assertThat(checkIn(p, "Khách chờ xe đêm", "in", now.minusMinutes(7)).status()).isEqualTo(201);
        Api.Response first = checkIn(p, "Khách chuyến sớm", "in", null);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("occurredAt")).as("a check-in without a time is at the server's time")
                .startsWith(at.toString().substring(0, 15));

        JsonObject yesterday = siteRow(p, "&date=" + today.minusDays(1));
        assertThat(yesterday.getInteger("entries")).isEqualTo(2);
        assertThat(yesterday.getInteger("exits")).isEqualTo(1);
        assertThat(yesterday.getInteger("uniqueVisitors")).isEqualTo(2);
        assertThat(yesterday.getString("source")).isEqualTo("visits");

        JsonObject todays = siteRow(p, "");
        assertThat(todays.getString("date")).as("no date asked: today at the server's clock").isEqualTo(today.toString());
        assertThat(todays.getInteger("entries")).isEqualTo(1);
        assertThat(todays.getInteger("peakOccupancy")).as("the one waiting since last night and the early one").isEqualTo(2);

        Api.Response rollUp = admin.get("/api/v1/reports/daily?groupBy=district&date=" + today.minusDays(1) + "&province="
                + URLEncoder.encode(p.province(), StandardCharsets.UTF_8));
        JsonObject district = rollUp.json().getJsonArray("rows").getJsonObject(0);
        assertThat(district.getInteger("entries")).isEqualTo(2);
        assertThat(district.getInteger("uniqueVisitors")).isEqualTo(2);
        assertThat(district.getInteger("activeSites")).isEqualTo(1);
        assertThat(district.getJsonArray("silentSites")).as("a site with visits never shows as silent").isEmpty();

        JsonObject series = admin.get("/api/v1/reports/days?province=" + URLEncoder.encode(p.province(), StandardCharsets.UTF_8))
                .json();
        assertThat(series.getString("to")).isEqualTo(today.toString());
        var days = series.getJsonArray("days");
        assertThat(days.getJsonObject(days.size() - 2).getInteger("entries")).isEqualTo(2);
        assertThat(days.getJsonObject(days.size() - 1).getInteger("entries")).isEqualTo(1);
    }

    @Test
    @DisplayName("At 23:55 the evening is today's, a time two minutes ahead is taken, one into tomorrow is refused")
    void justBeforeMidnight() {
        Instant at = MovableClock.lastTimeOfDay(VN, 23, 55);
        clock.setTo(at);
        ZonedDateTime now = at.atZone(VN);
        LocalDate today = now.toLocalDate();
        Place p = place();
        assertThat(checkIn(p, "Khách cuối ngày", "in", now.minusMinutes(5)).status()).isEqualTo(201);
        assertThat(checkIn(p, "Khách đến sát giờ", "in", null).status()).isEqualTo(201);
        assertThat(checkIn(p, "Máy tính bảng chạy nhanh", "in", now.plusMinutes(2).minusSeconds(5)).status())
                .as("a tablet clock a little ahead").isEqualTo(201);
        Api.Response ahead = checkIn(p, "Khách ngày mai", "in", now.plusMinutes(6));
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(422);
        assertThat(ahead.json().getString("type")).endsWith("time-out-of-range");

        JsonObject todays = siteRow(p, "");
        assertThat(todays.getString("date")).isEqualTo(today.toString());
        assertThat(todays.getInteger("entries")).as("the tablet's entry is not counted before its time").isEqualTo(2);
        clock.setTo(at.plusSeconds(180));
        assertThat(siteRow(p, "").getInteger("entries")).as("at 23:58, still today").isEqualTo(3);
        JsonObject tomorrow = siteRow(p, "&date=" + today.plusDays(1));
        assertThat(tomorrow.getInteger("entries")).isZero();
        assertThat(admin.get("/api/v1/reports/daily?date=" + today.plusDays(2)).status())
                .as("two days ahead of the server's day").isEqualTo(422);
    }
}
