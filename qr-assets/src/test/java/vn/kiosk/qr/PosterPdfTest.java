package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PosterPdfTest {
    static final String CHECK_IN_URL = QrCodesTest.SITE_URL.replace("/c/k1.42.", "/c/p1.42.");
    static final String THANH_HOA_URL = "http://stttt.thanhhoa.gov.vn/NewsDetail.aspx?Id=5662";
    static final PosterContent THANH_HOA = new PosterContent("Bến xe phía Bắc Thanh Hóa",
            "Số 1 đường Bà Triệu, phường Đông Thọ, TP. Thanh Hóa, tỉnh Thanh Hóa", CHECK_IN_URL,
            "Smart Thanh Hóa", THANH_HOA_URL);

    @Test
    @DisplayName("the poster is one A4 page whose text carries the Vietnamese strings exactly (NFC)")
    void pageAndText() throws IOException {
        byte[] pdf = PosterPdf.render(THANH_HOA);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/poster-check.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(document);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            assertThat(text).contains("Khai báo ra/vào", "Check-in / check-out", "Bến xe phía Bắc Thanh Hóa",
                    "Quét mã để khai báo ra/vào", "Cài đặt ứng dụng Bluezone",
                    "Android: mở CH Play, tìm “Bluezone”, chọn Cài đặt.", "iPhone: mở App Store, tìm “Bluezone”, chọn Nhận để cài đặt.",
                    "Cài đặt thêm ứng dụng Smart Thanh Hóa", "phường Đông Thọ");
            for (PDFont font : fonts(document.getPage(0))) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("the check-in, both Bluezone store and province QR codes all decode from the page printed at 150 dpi")
    void codesDecodeFromRenderedPage() throws IOException {
        assertThat(decodeAll(PosterPdf.render(THANH_HOA)))
                .contains(CHECK_IN_URL, PosterPdf.BLUEZONE_PLAY_URL, PosterPdf.BLUEZONE_APP_STORE_URL, THANH_HOA_URL);
    }

    @Test
    @DisplayName("without a province app the poster has only the check-in and Bluezone blocks")
    void withoutProvinceApp() throws IOException {
        PosterContent content = new PosterContent("UBND phường Bến Nghé", null, CHECK_IN_URL, null, null);
        byte[] pdf = PosterPdf.render(content);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("Smart Thanh Hóa")
                    .contains("UBND phường Bến Nghé");
        }
        assertThat(decodeAll(pdf)).containsExactlyInAnyOrder(CHECK_IN_URL, PosterPdf.BLUEZONE_PLAY_URL, PosterPdf.BLUEZONE_APP_STORE_URL);
    }

    @Test
    @DisplayName("NFD input, very long names and characters outside the font still render")
    void awkwardText() throws IOException {
        String nfd = Normalizer.normalize("Chợ Đầm Nha Trang – khu chợ trung tâm, cổng số 3 ", Normalizer.Form.NFD);
        PosterContent content = new PosterContent(nfd.repeat(4) + " 市场 🙂", "\t", CHECK_IN_URL,
                "Smart Thanh Hóa", null);
        try (PDDocument document = Loader.loadPDF(PosterPdf.render(content))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Chợ Đầm Nha Trang", "Cài đặt thêm ứng dụng Smart Thanh Hóa");
        }
    }

    /** The default deployment's notice (V52): the longest texts the poster has to hold. */
    static final PosterNotice NOTICE = new PosterNotice(3, "UBND huyện Gio Linh", 21, true,
            new PosterNotice.Texts("Ghi nhận người ra, vào trụ sở theo yêu cầu phòng, chống dịch và truy vết người tiếp xúc khi có ca bệnh.",
                    "Họ và tên; số điện thoại; số CCCD/CMND nếu bạn đưa thẻ (chỉ lưu dạng mã hoá và 4 số cuối); thời gian vào, ra và cổng; trạng thái Bluezone và mã Bluezone (dữ liệu liên quan đến sức khỏe). Không lưu ngày sinh, địa chỉ hay ảnh thẻ, trừ khi điểm này ghi rõ bên dưới.",
                    "Người quản lý điểm kiểm soát, cán bộ được phân công của huyện, tỉnh và cơ quan y tế có thẩm quyền khi truy vết. Mỗi lần xem, xuất hay truy vết đều được ghi lại. Không chuyển cho bên khác, không chuyển ra nước ngoài.",
                    "Bạn có quyền được biết, đồng ý hoặc không đồng ý; xem dữ liệu của mình; yêu cầu sửa, xoá; rút lại sự đồng ý hoặc phản đối việc xử lý. Dùng mục “Dữ liệu của tôi” với thẻ ra vào, hoặc hỏi bảo vệ, người quản lý. Yêu cầu được xử lý trong 72 giờ. Rút lại đồng ý không làm mất hiệu lực việc xử lý trước đó."),
            new PosterNotice.Texts("Recording who enters and leaves these premises, as epidemic-prevention rules require, and tracing contacts when there is a case.",
                    "Name; phone number; citizen ID number if you present your card (kept only encrypted, and its last 4 digits); times in and out and the gate; Bluezone status and Bluezone ID (health-related data). No birth date, address or card image, unless this site says so below.",
                    "The site's managers, the district and province staff assigned to it, and the competent health authority when tracing. Every view, export and trace is logged. Not passed to anyone else, not transferred abroad.",
                    "You have the right to be informed, to agree or refuse, to see your data, to ask for correction or deletion, and to withdraw consent or object to the processing. Use “My data” with your visitor pass, or ask the guard or a manager. Requests are handled within 72 hours. Withdrawing consent does not undo processing done before."));

    @Test
    @DisplayName("with the privacy notice the one page also prints version, controller, retention and every section in both languages; the codes still decode")
    void withTheNotice() throws IOException {
        PosterContent content = new PosterContent(THANH_HOA.siteName(), THANH_HOA.siteAddress(), CHECK_IN_URL,
                "Smart Thanh Hóa", THANH_HOA_URL, NOTICE);
        byte[] pdf = PosterPdf.render(content);
        Files.write(Path.of("target/poster-notice.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Thông báo xử lý dữ liệu cá nhân", "phiên bản 3", "UBND huyện Gio Linh",
                    "Ghi nhận người ra, vào trụ sở", "dữ liệu liên quan đến sức khỏe", "cơ quan y tế có thẩm quyền",
                    "lưu thêm ngày sinh hoặc địa chỉ trên CCCD",
                    "21 ngày", "Dữ liệu của tôi", "Tôi đồng ý", "Personal data notice", "Kept 21 days", "My data");
            assertThat(text).doesNotContain(PosterPdf.PRIVACY_VI);
        }
        assertThat(decodeAll(pdf)).contains(CHECK_IN_URL, PosterPdf.BLUEZONE_PLAY_URL, PosterPdf.BLUEZONE_APP_STORE_URL, THANH_HOA_URL);
    }

    @Test
    @DisplayName("the poster's own strings are NFC")
    void constantsAreNfc() {
        for (String s : new String[] {PosterPdf.TITLE_VI, PosterPdf.SCAN_VI, PosterPdf.BLUEZONE_VI,
            PosterPdf.ANDROID_VI, PosterPdf.IOS_VI, PosterPdf.OR_SCAN_VI, PosterPdf.PRIVACY_VI}) {
            assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as(s).isTrue();
        }
    }

    @Test
    @DisplayName("as pdftoppm prints it, the poster's Bluezone codes open the app's page in CH Play and in the App Store")
    void storeCodesFromPdftoppm() throws Exception {
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pdftoppm), "poppler-utils (pdftoppm) is installed");
        Path dir = Files.createDirectories(Path.of("target", "screens"));
        Path pdf = dir.resolve("poster-a4.pdf");
        Files.write(pdf, PosterPdf.render(THANH_HOA));
        Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "110", "-singlefile", pdf.toString(),
                dir.resolve("poster-a4").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        BufferedImage page = javax.imageio.ImageIO.read(dir.resolve("poster-a4.png").toFile());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
        Set<String> codes = Arrays.stream(new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)))
                .map(Result::getText).collect(Collectors.toSet());
        assertThat(codes).contains(PosterPdf.BLUEZONE_PLAY_URL, PosterPdf.BLUEZONE_APP_STORE_URL, CHECK_IN_URL);
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(document)).contains(PosterPdf.PLAY_LABEL, PosterPdf.APP_STORE_LABEL);
        }
    }

    static Set<String> decodeAll(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
            return Arrays.stream(results).map(Result::getText).collect(Collectors.toSet());
        } catch (NotFoundException e) {
            return Set.of();
        }
    }

    private static Set<PDFont> fonts(PDPage page) throws IOException {
        Set<PDFont> fonts = new java.util.HashSet<>();
        for (COSName name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }
}
