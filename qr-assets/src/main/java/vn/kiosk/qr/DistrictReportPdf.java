package vn.kiosk.qr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.kiosk.qr.DistrictReport.Area;
import vn.kiosk.qr.DistrictReport.SiteLine;
import vn.kiosk.qr.PdfTable.Align;
import vn.kiosk.qr.PdfTable.Column;

/**
 * The report of results as an A4 PDF in the layout of Vietnamese administrative documents (Nghị định
 * 30/2020/NĐ-CP): the issuing body top left with its number under it, the national motto top right with the
 * place and date under it, the title centred, the figures, then the recipients and the signature block.
 * Fonts are the embedded Noto Sans of the posters.
 */
public final class DistrictReportPdf {
    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String TITLE = "BÁO CÁO";
    static final String SUBTITLE = "Kết quả triển khai ghi nhận ra/vào và cài đặt ứng dụng Bluezone";
    static final String RATE_NOTE = "Tỷ lệ cài đặt = lượt vào đã cài Bluezone (quét mã xác nhận, tự khai, cài tại chỗ)"
            + " / lượt vào có khai báo tình trạng Bluezone. Số người: mỗi người tính một lần trong ngày."
            + " Số liệu tổng hợp từ hệ thống Kiosk.";

    private static final float[] INK = {0f, 0f, 0f};
    private static final float[] GREY = {0.35f, 0.35f, 0.38f};

    private DistrictReportPdf() {
    }

    public static byte[] render(DistrictReport r) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts.Pair fonts = PdfFonts.load(document);
            document.getDocumentInformation().setTitle(nfc(TITLE + " " + SUBTITLE.toLowerCase() + " – " + r.areaName()));
            document.getDocumentInformation().setCreator("Kiosk");
            document.getDocumentCatalog().setLanguage("vi-VN");
            try (PdfPages pages = new PdfPages(document, style(fonts.regular(), 11, INK))) {
                new Layout(pages, fonts.regular(), fonts.bold()).draw(r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report rendering failed", e);
        }
    }

    /** "ngày 07 tháng 9 năm 2021": a day below 10 and the months 1 and 2 take a leading zero (NĐ 30/2020). */
    static String longDate(LocalDate d) {
        return "ngày " + String.format("%02d", d.getDayOfMonth()) + " tháng " + month(d) + " năm " + d.getYear();
    }

    /** "07/9/2021", by the same rule. */
    static String shortDate(LocalDate d) {
        return String.format("%02d", d.getDayOfMonth()) + "/" + month(d) + "/" + d.getYear();
    }

    private static String month(LocalDate d) {
        return d.getMonthValue() <= 2 ? String.format("%02d", d.getMonthValue()) : String.valueOf(d.getMonthValue());
    }

    /** 0.486 → "48,6%", 0.6 → "60%", null → "—" (nothing declared). */
    static String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        long tenths = Math.round(rate * 1000);
        return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "," + (tenths % 10)) + "%";
    }

    static String verdict(Area a) {
        if (a.target() == null || a.installRate() == null) {
            return "—";
        }
        // compared as shown, to the tenth of a percent: 59,96 % shows as 60,0 and reads as reached
        return Math.round(a.installRate() * 1000) >= Math.round(a.target().rate() * 1000) ? "Đạt" : "Chưa đạt";
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static PdfCanvas.Style style(PDFont font, float size, float[] rgb) {
        return new PdfCanvas.Style(font, size, rgb);
    }

    private static final class Layout {
        private final PdfPages pages;
        private final PDFont regular;
        private final PDFont bold;

        Layout(PdfPages pages, PDFont regular, PDFont bold) {
            this.pages = pages;
            this.regular = regular;
            this.bold = bold;
        }

        void draw(DistrictReport r) throws IOException {
            header(r);
            title(r);
            paragraph("Thực hiện chỉ đạo về triển khai cài đặt ứng dụng Bluezone phục vụ phòng, chống dịch Covid-19,"
                    + " kết quả ghi nhận ra/vào và xác nhận Bluezone tại các điểm kiểm soát trên địa bàn "
                    + r.areaName() + " ngày " + shortDate(r.day()) + " như sau:");
            heading("I. TỔNG HỢP THEO ĐỊA BÀN");
            areas(r);
            paragraph(summary(r.total()));
            heading("II. CHI TIẾT TỪNG ĐIỂM KIỂM SOÁT");
            sites(r);
            heading("III. ĐIỂM KHÔNG GHI NHẬN");
            silent(r);
            note(RATE_NOTE);
            closing(r);
        }

        private void header(DistrictReport r) throws IOException {
            PdfCanvas c = pages.canvas();
            float leftWidth = pages.width() * 0.42f;
            float rightWidth = pages.width() - leftWidth;
            float leftCenter = pages.left() + leftWidth / 2;
            float rightCenter = pages.left() + leftWidth + rightWidth / 2;
            float top = pages.y - 12;

            float y = top;
            if (r.parentBody() != null && !r.parentBody().isBlank()) {
                y = c.centered(upper(r.parentBody()), style(regular, fit(upper(r.parentBody()), regular, 12, leftWidth),
                        INK), leftCenter, y, leftWidth, 2);
            }
            PdfCanvas.Style issuer = style(bold, fit(upper(r.issuer()), bold, 12, leftWidth), INK);
            String lastIssuerLine = last(PdfCanvas.wrap(upper(r.issuer()), issuer, leftWidth, 2));
            y = c.centered(upper(r.issuer()), issuer, leftCenter, y, leftWidth, 2);
            float rule = PdfCanvas.width(lastIssuerLine, issuer) / 3;
            c.segment(leftCenter - rule / 2, y + issuer.size() * 0.9f, leftCenter + rule / 2, y + issuer.size() * 0.9f,
                    0.6f, INK);
            PdfCanvas.Style nation = style(bold, fit(NATION, bold, 12, rightWidth), INK);
            float ry = c.centered(NATION, nation, rightCenter, top, rightWidth, 1);
            PdfCanvas.Style motto = style(bold, 13, INK);
            ry = c.centered(MOTTO, motto, rightCenter, ry, rightWidth, 1);
            float mottoWidth = PdfCanvas.width(MOTTO, motto);
            c.segment(rightCenter - mottoWidth / 2, ry + motto.size() * 0.9f, rightCenter + mottoWidth / 2,
                    ry + motto.size() * 0.9f, 0.6f, INK);

            // the number and the place-and-date line share one baseline, below both blocks
            float numberY = Math.min(y, ry) - 8;
            String number = r.number() == null || r.number().isBlank() ? "……/BC" : r.number().strip();
            c.centered("Số: " + number, style(regular, 12, INK), leftCenter, numberY, leftWidth, 1);
            String dateLine = (r.place() == null || r.place().isBlank() ? "" : r.place().strip() + ", ")
                    + longDate(r.issuedOn());
            c.centered(dateLine, style(regular, fit(dateLine, regular, 12.5f, rightWidth), INK), rightCenter, numberY,
                    rightWidth, 1);
            pages.y = numberY - 24;
        }

        private void title(DistrictReport r) throws IOException {
            PdfCanvas c = pages.canvas();
            float y = c.centered(TITLE, style(bold, 15, INK), pages.center(), pages.y, pages.width(), 1);
            y = c.centered(SUBTITLE, style(bold, 13, INK), pages.center(), y, pages.width(), 2);
            y = c.centered("Số liệu ngày " + shortDate(r.day()), style(regular, 12, INK), pages.center(), y,
                    pages.width(), 1);
            c.segment(pages.center() - 50, y + 6, pages.center() + 50, y + 6, 0.6f, INK);
            pages.y = y - 10;
        }

        private void heading(String text) throws IOException {
            PdfCanvas.Style s = style(bold, 12, INK);
            pages.need(PdfCanvas.leading(s) * 4);
            pages.y = pages.canvas().left(text, s, pages.left(), pages.y - 13, pages.width(), 1) + 2;
        }

        /** A paragraph whose first line is indented, as in the body of an administrative document. */
        private void paragraph(String text) throws IOException {
            PdfCanvas.Style s = style(regular, 11.5f, INK);
            float indent = 28;
            List<String> lines = PdfCanvas.wrap(text, s, pages.width() - indent, 20);
            for (int i = 0; i < lines.size(); i++) {
                pages.need(PdfCanvas.leading(s));
                pages.canvas().left(lines.get(i), s, pages.left() + (i == 0 ? indent : 0), pages.y - s.size(),
                        pages.width(), 1);
                pages.y -= PdfCanvas.leading(s);
            }
            pages.y -= 6;
        }

        private void note(String text) throws IOException {
            PdfCanvas.Style s = style(regular, 9.5f, GREY);
            pages.need(PdfCanvas.leading(s) * 3);
            pages.y = pages.canvas().left("Ghi chú: " + text, s, pages.left(), pages.y - 8, pages.width(), 4);
        }

        private void areas(DistrictReport r) throws IOException {
            PdfTable t = new PdfTable(pages, List.of(new Column("TT", 0.35f, Align.CENTER),
                    new Column(r.areaLabel(), 1.9f, Align.LEFT), new Column("Số điểm", 0.7f, Align.RIGHT),
                    new Column("Điểm có ghi nhận", 0.9f, Align.RIGHT), new Column("Lượt vào", 0.9f, Align.RIGHT),
                    new Column("Số người", 0.8f, Align.RIGHT), new Column("Tỷ lệ cài Bluezone", 0.95f, Align.RIGHT),
                    new Column("Mục tiêu", 1.7f, Align.CENTER), new Column("Đánh giá", 0.95f, Align.CENTER)),
                    style(bold, 8.5f, INK), style(regular, 9, INK), style(bold, 9, INK));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (Area a : r.areas()) {
                rows.add(areaRow(String.valueOf(n++), a));
            }
            rows.add(areaRow("", r.total()));
            t.draw(rows, true);
            pages.y -= 8;
        }

        private List<String> areaRow(String number, Area a) {
            String target = a.target() == null ? "—" : percent(a.target().rate()) + " (" + shortDate(a.target().dueOn()) + ")";
            return List.of(number, a.name(), String.valueOf(a.sites()), String.valueOf(a.activeSites()),
                    String.valueOf(a.entries()), String.valueOf(a.uniqueVisitors()), percent(a.installRate()), target,
                    verdict(a));
        }

        private String summary(Area total) {
            String rate = "Tỷ lệ cài đặt Bluezone chung của các điểm: " + percent(total.installRate());
            if (total.target() == null || total.installRate() == null) {
                return rate + ".";
            }
            String aim = "mục tiêu " + percent(total.target().rate()) + " trước ngày " + shortDate(total.target().dueOn());
            return rate + " (" + aim + ": " + ("Đạt".equals(verdict(total)) ? "đã đạt"
                    : "còn thiếu " + percent(total.target().rate() - total.installRate())) + ").";
        }

        private void sites(DistrictReport r) throws IOException {
            PdfTable t = new PdfTable(pages, List.of(new Column("TT", 0.35f, Align.CENTER),
                    new Column("Điểm kiểm soát", 2.6f, Align.LEFT), new Column("Địa bàn", 1.5f, Align.LEFT),
                    new Column("Lượt vào", 0.8f, Align.RIGHT), new Column("Số người", 0.8f, Align.RIGHT),
                    new Column("Tỷ lệ cài Bluezone", 0.95f, Align.RIGHT), new Column("Ghi chú", 1.35f, Align.CENTER)),
                    style(bold, 8.5f, INK), style(regular, 9, INK), style(bold, 9, INK));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (SiteLine s : r.sites()) {
                rows.add(List.of(String.valueOf(n++), s.name(), s.area(), String.valueOf(s.entries()),
                        String.valueOf(s.uniqueVisitors()), percent(s.installRate()), s.silent() ? "Không ghi nhận" : ""));
            }
            t.draw(rows, false);
            pages.y -= 8;
        }

        private void silent(DistrictReport r) throws IOException {
            if (r.silentSites().isEmpty()) {
                paragraph("Tất cả các điểm đều có ghi nhận lượt ra/vào trong ngày.");
                return;
            }
            paragraph("Có " + r.silentSites().size() + " điểm không ghi nhận lượt ra/vào nào trong ngày"
                    + " (cần kiểm tra việc bố trí người ghi nhận và thiết bị):");
            PdfCanvas.Style s = style(regular, 11.5f, INK);
            for (String name : r.silentSites()) {
                pages.need(PdfCanvas.leading(s));
                pages.y = pages.canvas().left("- " + name, s, pages.left() + 14, pages.y - s.size(),
                        pages.width() - 14, 2) + s.size();
            }
            pages.y -= 4;
        }

        /** Recipients on the left, the signature block on the right; kept together on one page. */
        private void closing(DistrictReport r) throws IOException {
            PdfCanvas.Style label = style(bold, 10.5f, INK);
            PdfCanvas.Style item = style(regular, 9.5f, INK);
            PdfCanvas.Style signer = style(bold, 12, INK);
            String title = r.signerTitle() == null || r.signerTitle().isBlank() ? "Người lập báo cáo" : r.signerTitle();
            List<String> titleLines = title.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            float needed = Math.max(PdfCanvas.leading(label) + r.recipients().size() * PdfCanvas.leading(item),
                    PdfCanvas.leading(signer) * (titleLines.size() + 1) + 60) + 12;
            pages.need(needed);
            PdfCanvas c = pages.canvas();
            float top = pages.y - 14;
            float leftWidth = pages.width() * 0.45f;
            float y = c.left("Nơi nhận:", label, pages.left(), top, leftWidth, 1);
            for (String line : r.recipients()) {
                y = c.left(line, item, pages.left(), y, leftWidth, 2);
            }
            float rightWidth = pages.width() - leftWidth;
            float center = pages.left() + leftWidth + rightWidth / 2;
            float ry = top;
            for (String line : titleLines) {
                ry = c.centered(upper(line), signer, center, ry, rightWidth, 2);
            }
            ry = c.centered("(Ký, ghi rõ họ tên)", style(regular, 10, GREY), center, ry, rightWidth, 1);
            if (r.signerName() != null && !r.signerName().isBlank()) {
                ry = c.centered(r.signerName(), signer, center, ry - 48, rightWidth, 1);
            } else {
                ry -= 48;
            }
            pages.y = Math.min(y, ry);
        }

        private static String upper(String text) {
            return nfc(text.strip()).toUpperCase(java.util.Locale.forLanguageTag("vi"));
        }

        private static String last(List<String> lines) {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** The largest size up to {@code max} (down to 9 pt) at which the text fits the width on one line. */
        private static float fit(String text, PDFont font, float max, float width) {
            float size = max;
            while (size > 9 && PdfCanvas.width(PdfCanvas.printable(text, font), new PdfCanvas.Style(font, size, INK)) > width) {
                size -= 0.5f;
            }
            return size;
        }
    }
}
