package vn.kiosk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** The privacy notice visitors agree to: per site, versioned, never edited in place. */
class NoticeTest {
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
    }

    @Test
    @DisplayName("Anyone reads a site's notice: its controller (the site itself unless set), its retention, both languages")
    void aSitesNoticeNamesItsControllerAndRetention() {
        long site = admin.createSite("office");
        String name = admin.get("/api/v1/sites/" + site).json().getString("name");
        Api.Response r = server.api().get("/api/v1/sites/" + site + "/privacy-notice");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject n = r.json();
        assertThat(n.getString("controller")).isEqualTo(name);
        assertThat(n.getInteger("retentionDays")).isEqualTo(28);
        assertThat(n.getInteger("version")).isPositive();
        for (String lang : List.of("vi", "en")) {
            for (String section : Notices.SECTIONS) {
                String text = n.getJsonObject(lang).getString(section);
                assertThat(text).as(lang + "." + section).isNotBlank();
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            }
        }
        assertThat(n.getJsonObject("cccdKeeps").getBoolean("birthDate")).isFalse();

        Api.Response patched = admin.patch("/api/v1/sites/" + site, new JsonObject()
                .put("controller", "  UBND huyện Gio Linh ").put("retentionDays", 14).put("cccdAddress", true));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().getString("controller")).isEqualTo("UBND huyện Gio Linh");
        JsonObject after = server.api().get("/api/v1/sites/" + site + "/privacy-notice").json();
        assertThat(after.getString("controller")).isEqualTo("UBND huyện Gio Linh");
        assertThat(after.getInteger("retentionDays")).isEqualTo(14);
        assertThat(after.getJsonObject("cccdKeeps").getBoolean("address")).isTrue();
        // blank means "the site itself" again
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("controller", " "));
        assertThat(server.api().get("/api/v1/sites/" + site + "/privacy-notice").json().getString("controller"))
                .isEqualTo(name);
        assertThat(server.api().get("/api/v1/sites/999999999/privacy-notice").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("The site's A4 poster prints the notice in force: version, controller, retention")
    void thePosterPrintsTheNotice() throws Exception {
        long site = admin.createSite("bus_station");
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("controller", "Ban quản lý bến xe Đông Hà")
                .put("retentionDays", 21));
        int version = server.api().get("/api/v1/sites/" + site + "/privacy-notice").json().getInteger("version");
        byte[] pdf = admin.bytes("/api/v1/sites/" + site + "/poster.pdf");
        java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots", "poster-with-notice.pdf");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Thông báo xử lý dữ liệu cá nhân · phiên bản " + version)
                    .contains("Bên kiểm soát dữ liệu: Ban quản lý bến xe Đông Hà").contains("21 ngày")
                    .contains("Kept 21 days");
        }
    }

    @Test
    @DisplayName("The first notice is the default deployment's, in Vietnamese with diacritics and in English")
    void theDefaultNotice() {
        JsonObject first = admin.get("/api/v1/privacy/notices").items().stream().map(JsonObject.class::cast)
                .filter(v -> v.getInteger("version") == 1).findFirst().orElseThrow();
        JsonObject vi = first.getJsonObject("body").getJsonObject("vi");
        assertThat(vi.getString("purpose")).contains("Ghi nhận người ra, vào trụ sở");
        assertThat(vi.getString("data")).contains("Họ và tên").contains("Bluezone").contains("sức khỏe")
                .contains("Không lưu ngày sinh, địa chỉ");
        assertThat(vi.getString("rights")).contains("Dữ liệu của tôi").contains("72 giờ").contains("rút lại");
        assertThat(first.getJsonObject("body").getJsonObject("en").getString("rights")).contains("My data");
    }

    @Test
    @DisplayName("A changed text is a new version; the earlier one stays as it was and the database refuses edits")
    void versionsAreNeverEdited() {
        long site = admin.createSite("school");
        int before = server.api().get("/api/v1/sites/" + site + "/privacy-notice").json().getInteger("version");
        JsonObject oldBody = admin.get("/api/v1/privacy/notices").items().getJsonObject(0).getJsonObject("body");
        JsonObject texts = new JsonObject().put("purpose", "Ghi nhận ra vào, truy vết khi có dịch.")
                .put("data", "Họ tên, số điện thoại, giờ vào ra, Bluezone.").put("recipients", "Quản lý điểm.")
                .put("rights", "Xem, sửa, xoá, rút lại đồng ý.");
        JsonObject en = new JsonObject().put("purpose", "Entry log.").put("data", "Name, phone.")
                .put("recipients", "Site managers.").put("rights", "See, correct, delete, withdraw.");
        Api manager = admin.userFor("manager", List.of(site));
        assertThat(manager.post("/api/v1/privacy/notices", new JsonObject().put("vi", texts).put("en", en)).status())
                .isEqualTo(403);
        Api.Response created = admin.post("/api/v1/privacy/notices", new JsonObject().put("vi", texts).put("en", en));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        int version = created.json().getInteger("version");
        assertThat(version).isGreaterThan(before);
        JsonObject shown = server.api().get("/api/v1/sites/" + site + "/privacy-notice").json();
        assertThat(shown.getInteger("version")).isEqualTo(version);
        assertThat(shown.getJsonObject("vi").getString("purpose")).isEqualTo("Ghi nhận ra vào, truy vết khi có dịch.");
        JsonObject previous = admin.get("/api/v1/privacy/notices").items().stream().map(JsonObject.class::cast)
                .filter(v -> v.getInteger("version") == version - 1).findFirst().orElseThrow();
        assertThat(previous.getJsonObject("body")).isEqualTo(oldBody);

        assertThatThrownBy(() -> Privacies.sql(server, "update privacy_notices set body = '{}' where version = $1",
                Tuple.of(version))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Privacies.sql(server, "delete from privacy_notices where version = $1",
                Tuple.of(version))).hasMessageContaining("append-only");

        Api.Response blank = admin.post("/api/v1/privacy/notices", new JsonObject()
                .put("vi", texts.copy().put("rights", "   ")).put("en", en));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().getString("field")).isEqualTo("vi.rights");
        Api.Response missing = admin.post("/api/v1/privacy/notices", new JsonObject().put("vi", texts));
        assertThat(missing.status()).isEqualTo(400);
    }
}
