package vn.kiosk.server.signage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

/** A public screen through the API, as a careless or hostile screen (or whoever took its token) would use it. */
class PublicScreenApiTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static TestServer server;
    static Api admin;
    static String province;
    static long site;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        province = "Tỉnh Màn Hình " + UUID.randomUUID().toString().substring(0, 6);
        site = admin.createSite("bus_station", province, "Huyện Cam Lộ");
    }

    static String code(String kind) {
        Api.Response r = admin.post("/api/v1/sites/" + site + "/kiosks", new JsonObject().put("name", "Thiết bị " + kind)
                .put("kind", kind));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getString("kind")).isEqualTo(kind);
        return r.json().getString("pairingCode");
    }

    static Api.Response pair(String code, String kind) {
        JsonObject body = new JsonObject().put("pairingCode", code);
        if (kind != null) {
            body.put("kind", kind);
        }
        return server.api().post("/api/v1/kiosks/pair", body);
    }

    @Test
    @DisplayName("A screen's code typed into a kiosk (or a kiosk's into a screen) is refused with 409 and stays unused")
    void codesPairOnlyTheirKind() {
        String screen = code("signage");
        Api.Response asKiosk = pair(screen, null);
        assertThat(asKiosk.status()).as(asKiosk.body()).isEqualTo(409);
        assertThat(asKiosk.header("Content-Type")).startsWith("application/problem+json");
        assertThat(asKiosk.json().getString("type")).endsWith("pairing-code-other-kind");
        assertThat(asKiosk.json().getString("field")).isEqualTo("pairingCode");
        Api.Response paired = pair(screen, "signage");
        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
        assertThat(paired.json().getString("kind")).isEqualTo("signage");
        assertThat(paired.json().getString("secret")).isNotBlank();
        assertThat(pair(screen, "signage").status()).as("a code pairs once").isEqualTo(404);

        String kiosk = code("kiosk");
        assertThat(pair(kiosk, "signage").status()).isEqualTo(409);
        assertThat(pair(kiosk, null).json().getString("kind")).isEqualTo("kiosk");

        Api.Response modal = admin.post("/api/v1/sites/" + site + "/kiosks", new JsonObject().put("name", "LED")
                .put("kind", "signage").put("mode", "exit"));
        assertThat(modal.status()).as(modal.body()).isEqualTo(422);
        assertThat(modal.json().getString("field")).isEqualTo("mode");
        JsonArray devices = admin.get("/api/v1/sites/" + site + "/kiosks").items();
        assertThat(devices.stream().map(o -> ((JsonObject) o).getString("kind")).toList()).contains("signage", "kiosk");
    }

    @Test
    @DisplayName("A screen records no visit and reads none, not even with its own check-in code; a phone checks in with it")
    void recordsAndReadsNothing() throws Exception {
        JsonObject paired = admin.pairScreen(site);
        Api screen = server.api().as(paired.getString("deviceToken"));
        String visit = admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Trần Văn Bảo", Phones.next()))).json().getString("visitId");
        String own = SiteToken.forKiosk(paired.getLong("kioskId"), Base64.getUrlDecoder().decode(paired.getString("secret")),
                Instant.now());
        long before = visits();
        List<String> wrong = new ArrayList<>();
        Map<String, Api.Response> tries = new java.util.LinkedHashMap<>();
        tries.put("check-in at its site", screen.checkIn(new JsonObject().put("siteId", site)
                .put("visitor", Api.visitor("Khách màn hình", Phones.next()))));
        tries.put("check-in with its own code", screen.checkIn(new JsonObject().put("siteToken", own)
                .put("visitor", Api.visitor("Khách màn hình", Phones.next()))));
        tries.put("the log", screen.get("/api/v1/sites/" + site + "/visits"));
        tries.put("a visit", screen.get("/api/v1/sites/" + site + "/visits/" + visit));
        tries.put("who is inside", screen.get("/api/v1/sites/" + site + "/occupancy?visitors=false"));
        tries.put("a CSV export", screen.get("/api/v1/sites/" + site + "/visits.csv"));
        tries.put("an exit", screen.post("/api/v1/sites/" + site + "/visits/" + visit + "/exit", new JsonObject()));
        tries.put("a confirmation", screen.post("/api/v1/confirmations", new JsonObject().put("code", "c1.x")));
        tries.put("its site", screen.get("/api/v1/sites/" + site));
        tries.put("the sites", screen.get("/api/v1/sites"));
        tries.put("a kiosk's code", screen.get("/api/v1/kiosk/qr"));
        tries.put("decoding a pass", screen.postRaw("/api/v1/qr/decode", "application/octet-stream", QrCodes.png("v1.x", 120)));
        tries.forEach((what, r) -> {
            if (r.status() != 403 || !r.header("Content-Type").startsWith("application/problem+json")) {
                wrong.add(what + " → " + r.status());
            }
        });
        // the live stream carries visitors' names: only its status is read, so an open stream cannot hang the test
        java.net.http.HttpResponse<java.io.InputStream> stream = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/sites/" + site + "/events"))
                        .header("Authorization", "Bearer " + screen.token()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();
        if (stream.statusCode() != 403) {
            wrong.add("the live stream → " + stream.statusCode());
        }
        assertThat(wrong).isEmpty();
        assertThat(visits()).as("nothing stored").isEqualTo(before);

        // the same code from a visitor's phone (anonymous) is the normal self check-in
        Api.Response phone = server.api().checkIn(new JsonObject().put("siteToken", own)
                .put("visitor", Api.visitor("Lê Thị Hoa", Phones.next())).put("consent", Api.selfConsent()));
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        assertThat(phone.json().getLong("siteId")).isEqualTo(site);
        Api.Response self = screen.get("/api/v1/screen");
        assertThat(self.status()).as(self.body()).isEqualTo(200);
        assertThat(self.json().getJsonObject("site").getLong("id")).isEqualTo(site);
        assertThat(self.json().getString("checkinBase")).isEqualTo(server.baseUrl() + "/c/");
        assertThat(screen.post("/api/v1/kiosk/heartbeat", new JsonObject().put("appVersion", "screen-1")).status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("The screen's figure is today's install rate of its site as the report has it, with its district's target")
    void installRateAndTarget() {
        JsonObject paired = admin.pairScreen(site);
        Api screen = server.api().as(paired.getString("deviceToken"));
        Api.Response empty = screen.get("/api/v1/screen/install-rate");
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        for (String status : List.of("declared", "qr_confirmed", "not_installed", "installed_on_site", "no_smartphone")) {
            assertThat(admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor("Khách " + status, Phones.next()))
                    .put("bluezone", new JsonObject().put("status", status))).status()).isEqualTo(201);
        }
        LocalDate today = LocalDate.now(VN);
        JsonObject report = admin.get("/api/v1/reports/daily?siteId=" + site + "&date=" + today).json()
                .getJsonArray("rows").getJsonObject(0);
        JsonObject rate = screen.get("/api/v1/screen/install-rate").json();
        assertThat(rate.getString("date")).isEqualTo(today.toString());
        assertThat(rate.getDouble("installRate")).isEqualTo(report.getDouble("installRate")).isEqualTo(0.6);
        assertThat(rate.getInteger("installed")).isEqualTo(3);
        assertThat(rate.getInteger("known")).isEqualTo(empty.json().getInteger("known") + 5);
        assertThat(Instant.parse(rate.getString("asOf"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(rate.getValue("target")).isNull();
        assertThat(rate.toString()).as("no visitor in it").doesNotContain("Khách");

        admin.post("/api/v1/targets", new JsonObject().put("province", province).put("rate", 0.5).put("dueOn", "2021-12-31"));
        assertThat(screen.get("/api/v1/screen/install-rate").json().getJsonObject("target").getDouble("rate")).isEqualTo(0.5);
        admin.post("/api/v1/targets", new JsonObject().put("province", province.toUpperCase()).put("district", "huyện cam lộ")
                .put("rate", 0.7).put("dueOn", "2021-09-30"));
        JsonObject target = screen.get("/api/v1/screen/install-rate").json().getJsonObject("target");
        assertThat(target.getDouble("rate")).as("the district's own target first").isEqualTo(0.7);
        assertThat(target.getString("dueOn")).isEqualTo("2021-09-30");
    }

    @Test
    @DisplayName("Campaign schedules: kept as given, refused with a field when they cannot be kept, given to screens a week ahead")
    void campaignSchedules() {
        LocalDate today = LocalDate.now(VN);
        int dow = today.getDayOfWeek().getValue();
        int otherDay = dow % 7 + 1; // tomorrow's weekday: never today's
        long weekdays = campaign("Giờ hành chính", today.minusDays(1), today.plusDays(10),
                new JsonObject().put("days", new JsonArray().add(dow).add(otherDay)).put("from", "07:00").put("until", "11:30"));
        long notToday = campaign("Ngày khác", today.minusDays(1), today.plusDays(10),
                new JsonObject().put("days", new JsonArray().add(otherDay)));
        long soon = campaign("Tuần sau", today.plusDays(3), today.plusDays(5), null);
        long later = campaign("Tháng sau", today.plusDays(10), today.plusDays(20), null);

        JsonObject listed = admin.get("/api/v1/campaigns").items().stream().map(JsonObject.class::cast)
                .filter(c -> c.getLong("id") == weekdays).findFirst().orElseThrow();
        assertThat(listed.getJsonObject("schedule").getJsonArray("days").getList())
                .containsExactlyElementsOf(java.util.stream.Stream.of(dow, otherDay).sorted().toList());
        assertThat(listed.getJsonObject("schedule").getString("from")).isEqualTo("07:00");
        assertThat(listed.getJsonObject("schedule").getString("until")).isEqualTo("11:30");

        JsonObject paired = admin.pairScreen(site);
        Api screen = server.api().as(paired.getString("deviceToken"));
        List<Long> shown = ids(screen.get("/api/v1/screen/campaigns").items());
        assertThat(shown).contains(weekdays, notToday, soon).doesNotContain(later);
        Api kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
        JsonArray kioskItems = kiosk.get("/api/v1/kiosk/campaigns").items();
        assertThat(ids(kioskItems)).as("a kiosk's are today's").contains(weekdays).doesNotContain(notToday, soon, later);
        assertThat(kioskItems.stream().map(JsonObject.class::cast).filter(c -> c.getLong("id") == weekdays).findFirst()
                .orElseThrow().getJsonObject("schedule").getString("until")).isEqualTo("11:30");
        assertThat(screen.get("/api/v1/campaigns/" + soon + "/image").status()).as("a screen reads what it is given")
                .isEqualTo(200);
        assertThat(screen.get("/api/v1/campaigns/" + later + "/image").status()).isEqualTo(403);
        assertThat(kiosk.get("/api/v1/campaigns/" + soon + "/image").status()).isEqualTo(403);

        // changed from the dashboard: the schedule, or none
        Api.Response changed = admin.patch("/api/v1/campaigns/" + notToday, new JsonObject().put("schedule", (Object) null)
                .put("title", "Mọi ngày"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getJsonObject("schedule").getValue("days")).isNull();
        assertThat(ids(kiosk.get("/api/v1/kiosk/campaigns").items())).contains(notToday);

        record Bad(JsonObject schedule, String field) {
        }
        for (Bad bad : List.of(new Bad(new JsonObject().put("from", "09:00"), "schedule.until"),
                new Bad(new JsonObject().put("from", "12:00").put("until", "08:00"), "schedule.until"),
                new Bad(new JsonObject().put("from", "12:00").put("until", "12:00"), "schedule.until"),
                new Bad(new JsonObject().put("days", new JsonArray()), "schedule.days"))) {
            Api.Response r = admin.patch("/api/v1/campaigns/" + weekdays, new JsonObject().put("schedule", bad.schedule()));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(422);
            assertThat(r.json().getString("field")).isEqualTo(bad.field());
        }
        for (JsonObject invalid : List.of(new JsonObject().put("days", new JsonArray().add(8)),
                new JsonObject().put("from", "7:00").put("until", "09:00"), new JsonObject().put("until", "24:30"),
                new JsonObject().put("hours", "all"))) {
            Api.Response r = admin.patch("/api/v1/campaigns/" + weekdays, new JsonObject().put("schedule", invalid));
            assertThat(r.status()).as(invalid + ": " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        Api.Response backwards = admin.patch("/api/v1/campaigns/" + weekdays, new JsonObject()
                .put("endsOn", today.minusDays(5).toString()));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().getString("field")).isEqualTo("endsOn");
        JsonObject unchanged = admin.get("/api/v1/campaigns").items().stream().map(JsonObject.class::cast)
                .filter(c -> c.getLong("id") == weekdays).findFirst().orElseThrow();
        assertThat(unchanged).isEqualTo(listed);
        Api.Response allDay = admin.patch("/api/v1/campaigns/" + weekdays, new JsonObject()
                .put("schedule", new JsonObject().put("from", "18:00").put("until", "24:00")));
        assertThat(allDay.json().getJsonObject("schedule").getString("until")).isEqualTo("24:00");
        assertThat(admin.patch("/api/v1/campaigns/999999999", new JsonObject().put("title", "x")).status()).isEqualTo(404);
    }

    private static long campaign(String title, LocalDate starts, LocalDate ends, JsonObject schedule) {
        JsonObject body = new JsonObject().put("title", title).put("siteId", site).put("startsOn", starts.toString())
                .put("endsOn", ends.toString());
        if (schedule != null) {
            body.put("schedule", schedule);
        }
        Api.Response r = admin.post("/api/v1/campaigns", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().getLong("id");
        assertThat(admin.putRaw("/api/v1/campaigns/" + id + "/image", "application/octet-stream",
                QrCodes.png(title, 200)).status()).isEqualTo(200);
        return id;
    }

    private static List<Long> ids(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    }

    private static long visits() throws Exception {
        return server.server().pool().preparedQuery("select count(*) from visit_events where site_id = $1")
                .execute(Tuple.of(site)).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    }
}
