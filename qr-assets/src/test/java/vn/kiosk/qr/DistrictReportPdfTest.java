package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.DistrictReport.Area;
import vn.kiosk.qr.DistrictReport.SiteLine;
import vn.kiosk.qr.DistrictReport.Target;

class DistrictReportPdfTest {
    static final Target TARGET = new Target(0.6, LocalDate.of(2021, 9, 30));

    static DistrictReport dongHa(int extraSites) {
        List<SiteLine> sites = new ArrayList<>(List.of(
                new SiteLine("Bộ phận Một cửa UBND phường 1", "Thành phố Đông Hà", 120, 97, 0.5125, false),
                new SiteLine("Bến xe khách phía Nam Đông Hà", "Thành phố Đông Hà", 310, 288, 0.4612, false),
                new SiteLine("Chợ Đông Hà", "Thành phố Đông Hà", 0, 0, null, true)));
        for (int i = 0; i < extraSites; i++) {
            sites.add(new SiteLine("Trường Tiểu học số " + (i + 1) + " phường Đông Lương", "Thành phố Đông Hà", i, i, 0.5, false));
        }
        Area area = new Area("Thành phố Đông Hà", sites.size(), sites.size() - 1, 430, 371, 0.4771, TARGET);
        return new DistrictReport("UBND tỉnh Quảng Trị", "UBND thành phố Đông Hà", "125/BC-UBND", "Đông Hà",
                LocalDate.of(2021, 9, 7), LocalDate.of(2021, 9, 6), "Huyện, thị xã, thành phố", "thành phố Đông Hà",
                List.of(area), area, sites, List.of("Chợ Đông Hà (Thành phố Đông Hà)"),
                List.of("- BCĐ phòng, chống dịch Covid-19 tỉnh (b/c);", "- Lưu: VT."), "KT. Chủ tịch\nPhó Chủ tịch",
                "Nguyễn Văn Hùng");
    }

    @Test
    @DisplayName("the report reads as a Vietnamese administrative document: motto, issuer, number, place and date, title, figures, signature")
    void administrativeLayout() throws IOException {
        byte[] pdf = DistrictReportPdf.render(dongHa(0));
        save(pdf, "district-report");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH QUẢNG TRỊ", "UBND THÀNH PHỐ ĐÔNG HÀ", "Số: 125/BC-UBND",
                    "Đông Hà, ngày 07 tháng 9 năm 2021", "BÁO CÁO",
                    "Kết quả triển khai ghi nhận ra/vào và cài đặt ứng dụng Bluezone", "Số liệu ngày 06/9/2021",
                    "I. TỔNG HỢP THEO ĐỊA BÀN", "II. CHI TIẾT TỪNG ĐIỂM KIỂM SOÁT", "III. ĐIỂM KHÔNG GHI NHẬN",
                    "Bến xe khách phía Nam", "46,1%", "47,7%", "60% (30/9/2021)", "Chưa đạt",
                    "còn thiếu 12,3%", "Không ghi nhận", "- Chợ Đông Hà (Thành phố Đông Hà)", "Nơi nhận:",
                    "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Ký, ghi rõ họ tên)", "Nguyễn Văn Hùng");
            // the motto is above the date line, the issuer above its number, and both blocks above the title
            assertThat(text.indexOf("Độc lập")).isLessThan(text.indexOf("BÁO CÁO"));
            assertThat(text.indexOf("Nơi nhận")).isGreaterThan(text.indexOf("III. ĐIỂM KHÔNG GHI NHẬN"));
        }
    }

    @Test
    @DisplayName("without a parent body the number and the date line still sit below the motto, on one baseline")
    void provinceHeader() throws IOException {
        DistrictReport d = dongHa(0);
        DistrictReport province = new DistrictReport("", "UBND tỉnh Quảng Trị", "57/BC-UBND", "Quảng Trị", d.issuedOn(),
                d.day(), d.areaLabel(), "tỉnh Quảng Trị", d.areas(), d.total(), d.sites(), d.silentSites(), d.recipients(),
                "Chủ tịch", null);
        byte[] pdf = DistrictReportPdf.render(province);
        save(pdf, "province-report");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Positions at = new Positions();
            at.getText(doc);
            float motto = at.baselineOf("Độc lập");
            assertThat(at.baselineOf("Số: 57/BC-UBND")).as("below the motto and its rule").isGreaterThan(motto + 12);
            assertThat(at.baselineOf("Quảng Trị, ngày")).isEqualTo(at.baselineOf("Số: 57/BC-UBND"));
        }
    }

    /** Where each line of text starts, top-down y of its baseline (PDFBox's text positions). */
    static final class Positions extends PDFTextStripper {
        private final java.util.Map<String, Float> lines = new java.util.LinkedHashMap<>();

        Positions() throws IOException {
        }

        @Override
        protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
            lines.putIfAbsent(text, positions.get(0).getYDirAdj());
        }

        float baselineOf(String start) {
            return lines.entrySet().stream().filter(e -> e.getKey().startsWith(start)).map(java.util.Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no line starting " + start + " in " + lines.keySet()));
        }
    }

    @Test
    @DisplayName("a long list of sites runs over pages, numbered from the second, with the table header on each")
    void manyPages() throws IOException {
        byte[] pdf = DistrictReportPdf.render(dongHa(90));
        save(pdf, "district-report-long");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            for (int page = 2; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(page);
                one.setEndPage(page);
                String text = one.getText(doc);
                assertThat(text.strip()).as("page " + page).startsWith(String.valueOf(page));
                if (page < doc.getNumberOfPages()) {
                    assertThat(text).as("page " + page).contains("Điểm kiểm soát", "Tỷ lệ cài");
                }
            }
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("Trường Tiểu học số 90", "Nguyễn Văn Hùng");
        }
    }

    @Test
    @DisplayName("dates take a leading zero below day 10 and in January and February; rates print with a decimal comma")
    void datesAndRates() {
        assertThat(DistrictReportPdf.longDate(LocalDate.of(2021, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2021");
        assertThat(DistrictReportPdf.longDate(LocalDate.of(2020, 8, 7))).isEqualTo("ngày 07 tháng 8 năm 2020");
        assertThat(DistrictReportPdf.longDate(LocalDate.of(2021, 12, 25))).isEqualTo("ngày 25 tháng 12 năm 2021");
        assertThat(DistrictReportPdf.shortDate(LocalDate.of(2021, 1, 9))).isEqualTo("09/01/2021");
        assertThat(DistrictReportPdf.percent(0.2612)).isEqualTo("26,1%");
        assertThat(DistrictReportPdf.percent(0.6)).isEqualTo("60%");
        assertThat(DistrictReportPdf.percent(null)).isEqualTo("—");
        Area reached = new Area("x", 1, 1, 1, 1, 0.59996, TARGET);
        assertThat(DistrictReportPdf.verdict(reached)).isEqualTo("Đạt");
        assertThat(DistrictReportPdf.verdict(new Area("x", 1, 1, 1, 1, 0.594, TARGET))).isEqualTo("Chưa đạt");
        assertThat(DistrictReportPdf.verdict(new Area("x", 1, 0, 0, 0, null, TARGET))).isEqualTo("—");
    }

    static void save(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "pdf");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 80);
            ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
        }
    }
}
