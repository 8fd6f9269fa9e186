package vn.kiosk.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Images;
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
        assertThat(samePicture(Images.decode(kiosk.bytes("/api/v1/campaigns/" + running + "/image")), Images.decode(png)))
                .isTrue();
    }

    private static boolean samePicture(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    @DisplayName("Kiosks get a re-encoded copy of a campaign image: the same picture, none of the uploaded file's other bytes")
    void servedImageIsReencoded() {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("school");
        Api kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
        String marker = "attacker-" + UUID.randomUUID();
        BufferedImage picture = Images.picture(640, 480);
        byte[] png = Images.withPngText(Images.png(picture), "Comment", marker);
        png = Arrays.copyOf(png, png.length + marker.length());
        System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, png, png.length - marker.length(), marker.length());
        byte[] jpeg = Images.withJpegComment(Images.jpeg(picture), marker);
        assertThat(Images.decode(png)).as("the hostile files still decode").isNotNull();
        assertThat(Images.decode(jpeg)).isNotNull();
        for (byte[] upload : List.of(png, jpeg)) {
            long id = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Đeo khẩu trang").put("siteId", site)
                    .put("startsOn", LocalDate.now().minusDays(1).toString()).put("endsOn", LocalDate.now().plusDays(1).toString()))
                    .json().getLong("id");
            Api.Response stored = admin.putRaw("/api/v1/campaigns/" + id + "/image", "application/octet-stream", upload);
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            Api.Response head = kiosk.get("/api/v1/campaigns/" + id + "/image");
            byte[] served = kiosk.bytes("/api/v1/campaigns/" + id + "/image");
            assertThat(Images.indexOf(served, marker.getBytes(StandardCharsets.US_ASCII))).as("the marker is gone").isEqualTo(-1);
            assertThat(served).isNotEqualTo(upload);
            BufferedImage back = Images.decode(served);
            assertThat(back.getWidth()).isEqualTo(640);
            assertThat(back.getHeight()).isEqualTo(480);
            assertThat(head.header("Content-Type")).isEqualTo(upload == png ? "image/png" : "image/jpeg");
            if (upload == png) {
                assertThat(samePicture(back, picture)).as("PNG stays lossless").isTrue();
            }
        }
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

    @Test
    @DisplayName("An image stored before uploads were re-encoded is re-encoded on its first read; one that fails the checks is dropped")
    void oldImagesAreReencodedWhenFirstRead() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("hospital");
        Api kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
        String marker = "stored-before-" + UUID.randomUUID();
        byte[] old = Images.withPngText(Images.png(Images.picture(300, 200)), "Comment", marker);
        byte[] lying = Images.greyPng(12_000, 12_000);
        List<Long> ids = new java.util.ArrayList<>();
        for (byte[] image : List.of(old, lying)) {
            long id = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Áp phích cũ").put("siteId", site)
                    .put("startsOn", LocalDate.now().minusDays(1).toString()).put("endsOn", LocalDate.now().plusDays(1).toString()))
                    .json().getLong("id");
            // as an earlier release stored it: the uploaded bytes themselves
            server.server().pool().preparedQuery("update poster_campaigns set image = $2, image_type = 'image/png',"
                    + " image_reencoded = false where id = $1").execute(io.vertx.sqlclient.Tuple.of(id,
                    io.vertx.core.buffer.Buffer.buffer(image))).await(10, java.util.concurrent.TimeUnit.SECONDS);
            ids.add(id);
        }
        byte[] served = kiosk.bytes("/api/v1/campaigns/" + ids.get(0) + "/image");
        assertThat(Images.indexOf(served, marker.getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(samePicture(Images.decode(served), Images.decode(old))).isTrue();
        assertThat(kiosk.bytes("/api/v1/campaigns/" + ids.get(0) + "/image")).as("stored re-encoded").isEqualTo(served);
        assertThat(kiosk.get("/api/v1/campaigns/" + ids.get(1) + "/image").status()).isEqualTo(404);
        assertThat(kiosk.get("/api/v1/kiosk/campaigns").items()).extracting(o -> ((JsonObject) o).getLong("id"))
                .contains(ids.get(0)).doesNotContain(ids.get(1));
    }
}
