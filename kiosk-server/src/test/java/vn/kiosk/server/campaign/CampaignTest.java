package vn.kiosk.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class CampaignTest {

    @Test
    @DisplayName("A province campaign with an image shows on the kiosks of that province while it runs")
    void campaignReachesKiosk() {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("market");
        Api kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
        LocalDate today = LocalDate.now();
        long running = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Tiêm vắc-xin mũi 3")
                .put("province", "Quảng Trị").put("startsOn", today.minusDays(1).toString())
                .put("endsOn", today.plusDays(7).toString())).json().getLong("id");
        long over = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Đã hết hạn")
                .put("province", "Quảng Trị").put("startsOn", "2021-01-01").put("endsOn", "2021-02-01"))
                .json().getLong("id");
        long elsewhere = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Hà Tĩnh")
                .put("province", "Hà Tĩnh").put("startsOn", today.toString()).put("endsOn", today.toString()))
                .json().getLong("id");
        byte[] png = QrCodes.png("https://bluezone.gov.vn/", 300);
        for (long id : List.of(running, over, elsewhere)) {
            assertThat(admin.putRaw("/api/v1/campaigns/" + id + "/image", "application/octet-stream", png).status())
                    .isEqualTo(200);
        }
        var items = kiosk.get("/api/v1/kiosk/campaigns").items();
        assertThat(items).extracting(o -> ((JsonObject) o).getLong("id")).contains(running)
                .doesNotContain(over, elsewhere);
        assertThat(Arrays.equals(kiosk.bytes("/api/v1/campaigns/" + running + "/image"), png)).isTrue();
    }

    @Test
    @DisplayName("Only real PNG or JPEG images up to 2 MB are accepted")
    void imageChecks() {
        Api admin = TestServer.shared().admin();
        long id = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Áp phích").put("startsOn", "2021-08-01")
                .put("endsOn", "2021-08-02")).json().getLong("id");
        String path = "/api/v1/campaigns/" + id + "/image";
        assertThat(admin.putRaw(path, "application/octet-stream", "<svg/>".getBytes()).status()).isEqualTo(415);
        byte[] fakePng = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0};
        assertThat(admin.putRaw(path, "application/octet-stream", fakePng).status()).isEqualTo(422);
        assertThat(admin.putRaw(path, "application/octet-stream", new byte[3 * 1024 * 1024]).status()).isEqualTo(413);
        assertThat(admin.post("/api/v1/campaigns", new JsonObject().put("title", "Sai").put("startsOn", "2021-08-02")
                .put("endsOn", "2021-08-01")).status()).isEqualTo(422);
    }
}
