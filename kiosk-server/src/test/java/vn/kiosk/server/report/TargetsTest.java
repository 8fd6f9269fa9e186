package vn.kiosk.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

/** Install-rate targets, the progress of each district over days, and the report of results as a PDF. */
class TargetsTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String NORTH = "Huyện Vĩnh Linh";
    static final String SOUTH = "Thành phố Đông Hà";
    static TestServer server;
    static Api admin;
    static String province;
    static long station;
    static long market;
    static long school;
    static LocalDate today;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        province = "Tỉnh Mục Tiêu " + UUID.randomUUID().toString().substring(0, 6);
        station = site("Bến xe khách phía Nam", SOUTH);
        market = site("Chợ Đông Hà", SOUTH);
        school = site("Trường THCS Vĩnh Linh", NORTH);
        today = LocalDate.now(VN);
        // Đông Hà: 2 of 3 installed at the station, the market silent; Vĩnh Linh: 1 of 4
        checkIns(station, "declared", "qr_confirmed", "not_installed");
        checkIns(school, "installed_on_site", "not_installed", "not_installed", "no_smartphone");
    }

    static long site(String name, String district) {
        Api.Response r = admin.post("/api/v1/sites", new JsonObject().put("name", name).put("kind", "office")
                .put("province", province).put("district", district));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getLong("id");
    }

    static void checkIns(long site, String... statuses) {
        for (String s : statuses) {
            Api.Response r = admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor("Khách mục tiêu", Phones.next()))
                    .put("bluezone", new JsonObject().put("status", s)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("A target is set, replaced (one per area, names as people type them) and removed; bad ones are refused with a field")
    void setReplaceRemove() {
        Api.Response created = admin.post("/api/v1/targets", new JsonObject().put("province", province).put("district", SOUTH)
                .put("rate", 0.6).put("dueOn", "2021-09-30"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response replaced = admin.post("/api/v1/targets", new JsonObject().put("province", " " + province.toUpperCase())
                .put("district", SOUTH.toLowerCase()).put("rate", 0.65).put("dueOn", "2021-10-15"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().getLong("id")).isEqualTo(created.json().getLong("id"));
        List<JsonObject> mine = mine();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getDouble("rate")).isEqualTo(0.65);
        assertThat(mine.get(0).getString("dueOn")).isEqualTo("2021-10-15");

        record Bad(JsonObject body, int status, String field) {
        }
        JsonObject good = new JsonObject().put("province", province).put("rate", 0.6).put("dueOn", "2021-09-30");
        for (Bad bad : List.of(new Bad(good.copy().put("rate", 0), 400, null), new Bad(good.copy().put("rate", 60), 400, null),
                new Bad(good.copy().put("dueOn", "30/09/2021"), 422, "dueOn"), new Bad(good.copy().put("dueOn", "2101-01-01"), 422, "dueOn"),
                new Bad(good.copy().put("province", "  "), 422, "province"), new Bad(good.copy().put("district", " "), 422, "district"),
                new Bad(good.copy().put("rate", "60%"), 400, null), new Bad(without(good, "dueOn"), 400, null),
                new Bad(good.copy().put("area", "all"), 400, null))) {
            Api.Response r = admin.post("/api/v1/targets", bad.body());
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(bad.status());
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            if (bad.field() != null) {
                assertThat(r.json().getString("field")).isEqualTo(bad.field());
            }
        }
        assertThat(mine()).as("nothing changed").hasSize(1);
        assertThat(admin.delete("/api/v1/targets/" + created.json().getLong("id")).status()).isEqualTo(204);
        assertThat(mine()).isEmpty();
        assertThat(admin.delete("/api/v1/targets/" + created.json().getLong("id")).status()).isEqualTo(404);
    }

    private static JsonObject without(JsonObject o, String key) {
        JsonObject copy = o.copy();
        copy.remove(key);
        return copy;
    }

    private static List<JsonObject> mine() {
        return admin.get("/api/v1/targets").items().stream().map(JsonObject.class::cast)
                .filter(t -> province.equals(t.getString("province"))).toList();
    }

    @Test
    @DisplayName("The days series grouped by district gives each district's install rate per day, as the roll-up has it")
    void progressPerDistrict() {
        Api.Response r = admin.get("/api/v1/reports/days?groupBy=district&province=" + q(province) + "&from="
                + today.minusDays(2) + "&to=" + today);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonArray days = r.json().getJsonArray("days");
        assertThat(days).hasSize(3);
        JsonObject last = days.getJsonObject(2);
        assertThat(last.getString("date")).isEqualTo(today.toString());
        JsonArray areas = last.getJsonArray("areas");
        JsonObject south = area(areas, SOUTH);
        JsonObject north = area(areas, NORTH);
        assertThat(south.getDouble("installRate")).isEqualTo(0.6667);
        assertThat(south.getInteger("sites")).isEqualTo(2);
        assertThat(south.getInteger("activeSites")).isEqualTo(1);
        assertThat(north.getDouble("installRate")).isEqualTo(0.25);
        JsonObject rollup = admin.get("/api/v1/reports/daily?groupBy=district&province=" + q(province) + "&date=" + today)
                .json();
        for (Object o : rollup.getJsonArray("rows")) {
            JsonObject row = (JsonObject) o;
            assertThat(area(areas, row.getString("district")).getDouble("installRate")).isEqualTo(row.getDouble("installRate"));
        }
        assertThat(days.getJsonObject(0).getJsonArray("areas")).as("the sites were added today").isEmpty();
        assertThat(admin.get("/api/v1/reports/days?groupBy=county").status()).isEqualTo(400);
    }

    private static JsonObject area(JsonArray areas, String district) {
        return areas.stream().map(JsonObject.class::cast).filter(a -> district.equals(a.getString("district")))
                .findFirst().orElseThrow(() -> new AssertionError("no area " + district + " in " + areas));
    }

    @Test
    @DisplayName("The report of results is a PDF in administrative layout: motto, issuer, date line, figures per district and site against the targets, silent sites, signature")
    void reportPdf() throws Exception {
        admin.post("/api/v1/targets", new JsonObject().put("province", province).put("rate", 0.5).put("dueOn", "2021-12-31"));
        admin.post("/api/v1/targets", new JsonObject().put("province", province).put("district", NORTH).put("rate", 0.6)
                .put("dueOn", "2021-09-30"));
        Api.Response head = admin.get("/api/v1/reports/daily.pdf?province=" + q(province));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(head.header("Content-Disposition")).contains("bao-cao-ket-qua-");
        String text = pdfText("/api/v1/reports/daily.pdf?province=" + q(province) + "&date=" + today
                + "&number=" + q("57/BC-UBND") + "&signer=" + q("Nguyễn Văn Hùng") + "&signerTitle=" + q("KT. Chủ tịch\nPhó Chủ tịch"));
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        String bare = province.substring("Tỉnh ".length());
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "UBND TỈNH " + bare.toUpperCase(java.util.Locale.forLanguageTag("vi")), "Số: 57/BC-UBND",
                bare + ", ngày " + String.format("%02d", today.getDayOfMonth()), "năm " + today.getYear(), "BÁO CÁO",
                "Kết quả triển khai ghi nhận ra/vào và cài đặt ứng dụng Bluezone", NORTH, SOUTH,
                "Bến xe khách phía Nam", "Trường THCS Vĩnh Linh", "66,7%", "25%", "42,9%",
                "60% (30/9/2021)", "50% (31/12/2021)", "Chưa đạt", "Đạt", "Chợ Đông Hà (Thành phố Đông Hà)",
                "Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng");

        // a district's report comes from its People's Committee, under the province's
        String district = pdfText("/api/v1/reports/daily.pdf?province=" + q(province) + "&district=" + q(SOUTH)
                + "&date=" + today);
        assertThat(district).contains("UBND " + province.toUpperCase(java.util.Locale.forLanguageTag("vi")),
                "UBND THÀNH PHỐ ĐÔNG HÀ", "Số: ……/BC", "Đông Hà, ngày", "thành phố Đông Hà", "NGƯỜI LẬP BÁO CÁO")
                .doesNotContain("Trường THCS Vĩnh Linh");

        // a manager's covers their own sites only
        Api manager = admin.userFor("manager", List.of(station));
        String own = pdfText(manager, "/api/v1/reports/daily.pdf?date=" + today);
        assertThat(own).contains("Bến xe khách phía Nam").doesNotContain("Chợ Đông Hà", "Trường THCS Vĩnh Linh");

        Api.Response tooLong = admin.get("/api/v1/reports/daily.pdf?number=" + "9".repeat(121));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getString("field")).isEqualTo("number");
        assertThat(admin.get("/api/v1/reports/daily.pdf?date=2019-12-31").status()).isEqualTo(422);
    }

    private static String pdfText(String path) throws Exception {
        return pdfText(admin, path);
    }

    private static String pdfText(Api as, String path) throws Exception {
        byte[] pdf = as.bytes(path);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pdf"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "pdf", "report-" + doc.getNumberOfPages() + "-"
                    + Math.abs(path.hashCode()) + ".pdf"), pdf);
            return new PDFTextStripper().getText(doc);
        }
    }
}
