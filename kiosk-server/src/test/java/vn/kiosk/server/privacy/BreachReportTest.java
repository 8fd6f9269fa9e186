package vn.kiosk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** The breach notification: the authority's content, with counts drawn from the data and the audit log. */
class BreachReportTest {

    @Test
    @DisplayName("An admin exports the breach notification: Vietnamese, the data categories, people and records counted, the 72-hour deadline")
    void theNotificationCountsWhatWasHeld() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        String province = Privacies.unique("Tỉnh Sự Cố");
        long site = admin.createSite("hospital", province, "Huyện Một");
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        Privacies.firstVisit(admin, site, "Khách một", Privacies.phone(), "QW12ER");
        Privacies.firstVisit(admin, site, "Khách hai", Privacies.phone(), null);
        admin.checkIn(new JsonObject().put("siteId", site).put("visitor", new JsonObject().put("name", "Khách ba")
                .put("idNumber", "045088776655")));
        String csv = admin.get("/api/v1/sites/" + site + "/visits.csv").body();
        assertThat(csv).contains("Khách");
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1);
        JsonObject form = new JsonObject().put("from", from.toString()).put("to", to.toString())
                .put("province", province).put("discoveredAt", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("organization", "UBND huyện Một").put("description", "Một máy tính bảng bị mất tại cổng bệnh viện.")
                .put("consequences", "Có thể lộ họ tên khách trong hàng chờ ngoại tuyến.")
                .put("measures", "Đã thu hồi kiosk, đổi mật khẩu, báo công an.")
                .put("contact", new JsonObject().put("name", "Nguyễn Văn Bảo").put("role", "Phụ trách CNTT")
                        .put("phone", "0233 3850 000").put("email", "cntt@example.gov.vn"));

        Api.Response refused = admin.userFor("manager", List.of(site)).post("/api/v1/privacy/breach-report", form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/privacy/breach-report", form.copy().put("to", from.minusHours(1).toString()))
                .status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/privacy/breach-report", new JsonObject().put("from", from.toString())).status())
                .isEqualTo(400);

        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/privacy/breach-report"))
                .header("Authorization", "Bearer " + admin.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Path out = Path.of("target", "screenshots", "breach-report.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, r.body());
        String text;
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("THÔNG BÁO VI PHẠM QUY ĐỊNH VỀ BẢO VỆ DỮ LIỆU CÁ NHÂN")
                .contains("Một máy tính bảng bị mất tại cổng bệnh viện.")
                .contains("Số điện thoại").contains("Số CCCD/CMND").contains("Mã Bluezone")
                .contains("Số người có dữ liệu đang lưu 3").contains("Số bản ghi ra/vào đang lưu 3")
                .contains("Hạn thông báo (72 giờ)").contains("Nguyễn Văn Bảo").contains("0233 3850 000")
                .contains("Xuất nhật ký CSV");
        assertThat(text).doesNotContain("Khách một").doesNotContain("045088776655");
        JsonArray audit = new JsonArray();
        Privacies.sql(server, "select detail from audit_log where action = 'privacy.breach_report'"
                + " and detail->>'from' = $1", Tuple.of(from.toString())).forEach(row -> audit.add(row.getValue(0)));
        assertThat(audit).hasSize(1);
    }
}
