package vn.kiosk.qr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** The A4 poster a site manager prints: the site's check-in QR, then how to install Bluezone (and a province app). */
public final class PosterPdf {
    public static final String BLUEZONE_INSTALL_URL = "https://bluezone.gov.vn/";
    public static final String BLUEZONE_PLAY_URL = "https://play.google.com/store/apps/details?id=com.mic.bluezone";
    public static final String BLUEZONE_APP_STORE_URL = "https://apps.apple.com/vn/app/bluezone/id1508062685";

    static final String TITLE_VI = "Khai báo ra/vào";
    static final String TITLE_EN = "Check-in / check-out";
    static final String SCAN_VI = "Quét mã để khai báo ra/vào";
    static final String SCAN_EN = "Scan the code with your phone camera to check in or out";
    static final String BLUEZONE_VI = "Cài đặt ứng dụng Bluezone";
    static final String BLUEZONE_EN = "Install the Bluezone app";
    static final String ANDROID_VI = "Android: mở CH Play, tìm “Bluezone”, chọn Cài đặt.";
    static final String IOS_VI = "iPhone: mở App Store, tìm “Bluezone”, chọn Nhận để cài đặt.";
    static final String OR_SCAN_VI = "Hoặc quét mã của cửa hàng bên cạnh: CH Play cho Android, App Store cho iPhone.";
    static final String STEPS_EN = "Android: open CH Play (Google Play), search “Bluezone”, tap Install. "
            + "iPhone: open the App Store, search “Bluezone”, tap Get. Or scan your store's code (bluezone.gov.vn).";
    static final String PLAY_LABEL = "Android · CH Play";
    static final String APP_STORE_LABEL = "iPhone · App Store";
    static final String PRIVACY_VI = "Thông tin khai báo chỉ dùng cho công tác phòng, chống dịch Covid-19.";
    static final String PRIVACY_EN = "Your details are used only for Covid-19 prevention and contact tracing.";

    private static final float MARGIN = 42f;
    private static final float NOTICE_BOTTOM = MARGIN - 22;
    private static final float QR_COLUMN = 150f;
    /** The two store codes side by side, each in a column this wide. */
    private static final float STORE_COLUMN = 102f;
    private static final float[] BLUE = {0.04f, 0.33f, 0.58f};
    private static final float[] INK = {0.10f, 0.10f, 0.12f};
    private static final float[] GREY = {0.36f, 0.38f, 0.42f};
    private static final float[] WHITE = {1f, 1f, 1f};
    private static final float[] RULE = {0.78f, 0.80f, 0.84f};

    private PosterPdf() {
    }

    public static byte[] render(PosterContent c) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PdfFonts.Pair fonts = PdfFonts.load(document);
            describe(document, c);
            float scale = c.notice() == null ? 1f : fittingScale(c);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                new Layout(new PdfCanvas(stream), fonts.regular(), fonts.bold(), page.getMediaBox()).draw(c, scale, true);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("poster rendering failed", e);
        }
    }

    /**
     * How much the codes above the privacy notice shrink so that nothing reaches into it: measured by drawing
     * them on a scratch page (an admin's notice text may be longer than the default one).
     */
    private static float fittingScale(PosterContent c) throws IOException {
        float[] scales = {1f, 0.9f, 0.8f, 0.72f, 0.65f};
        try (PDDocument scratch = new PDDocument()) {
            PdfFonts.Pair fonts = PdfFonts.load(scratch);
            PDFont regular = fonts.regular();
            PDFont bold = fonts.bold();
            float noticeTop = NOTICE_BOTTOM + new PosterNoticeBlock(c.notice(), regular, bold,
                    PDRectangle.A4.getWidth() - 2 * MARGIN).height();
            for (float scale : scales) {
                PDPage page = new PDPage(PDRectangle.A4);
                scratch.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(scratch, page)) {
                    float lowest = new Layout(new PdfCanvas(stream), regular, bold, page.getMediaBox())
                            .draw(c, scale, false);
                    if (lowest >= noticeTop + 6) {
                        return scale;
                    }
                }
            }
        }
        return scales[scales.length - 1];
    }

    private static void describe(PDDocument document, PosterContent c) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(nfc(TITLE_VI + " – " + c.siteName()));
        info.setCreator("Kiosk");
        document.getDocumentCatalog().setLanguage("vi-VN");
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Positions in PDF points from the bottom-left corner of the page. */
    private static final class Layout {
        private final PdfCanvas canvas;
        private final PDFont regular;
        private final PDFont bold;
        private final float pageWidth;
        private final float pageHeight;
        private final float contentWidth;

        Layout(PdfCanvas canvas, PDFont regular, PDFont bold, PDRectangle box) {
            this.canvas = canvas;
            this.regular = regular;
            this.bold = bold;
            this.pageWidth = box.getWidth();
            this.pageHeight = box.getHeight();
            this.contentWidth = pageWidth - 2 * MARGIN;
        }

        /** Draws the poster ({@code withNotice}: the notice too); returns the lowest y the blocks above it reach. */
        float draw(PosterContent c, float scale, boolean withNotice) throws IOException {
            // With the privacy notice at the foot, everything above it is drawn a little smaller.
            boolean compact = c.notice() != null;
            float center = pageWidth / 2;
            float headerHeight = compact ? 78f : 96f;
            canvas.fillRect(0, pageHeight - headerHeight, pageWidth, headerHeight, BLUE);
            canvas.centered(TITLE_VI, style(bold, compact ? 30 : 34, WHITE), center, pageHeight - (compact ? 42 : 50),
                    contentWidth, 1);
            canvas.centered(TITLE_EN, style(regular, compact ? 14 : 16, WHITE), center, pageHeight - (compact ? 64 : 78),
                    contentWidth, 1);

            float y = canvas.centered(c.siteName(), style(bold, 22, INK), center,
                    pageHeight - headerHeight - (compact ? 30 : 36), contentWidth, 2);
            if (c.siteAddress() != null && !c.siteAddress().isBlank()) {
                y = canvas.centered(c.siteAddress(), style(regular, 11, GREY), center, y + 4, contentWidth, 2);
            }

            float qrSide = compact ? 206f * scale : 268f;
            float qrTop = y - 4;
            canvas.qr(c.checkInUrl(), center - qrSide / 2, qrTop - qrSide, qrSide);
            y = canvas.centered(SCAN_VI, style(bold, 20, INK), center, qrTop - qrSide - 18, contentWidth, 1);
            y = canvas.centered(SCAN_EN, style(regular, 11, GREY), center, y + 4, contentWidth, 2);

            float ruleY = y - 4;
            canvas.line(MARGIN, ruleY, pageWidth - MARGIN, RULE);
            float blockTop = ruleY - 6;
            float lowest = bluezoneBlock(blockTop, compact ? 104f * scale : 140f);
            if (c.provinceAppName() != null && !c.provinceAppName().isBlank()) {
                canvas.line(MARGIN, lowest, pageWidth - MARGIN, RULE);
                lowest = provinceBlock(c.provinceAppName(), c.provinceAppUrl(), lowest - 6, compact ? 84f * scale : 112f);
            }
            if (compact) {
                if (withNotice) {
                    new PosterNoticeBlock(c.notice(), regular, bold, contentWidth).draw(canvas, MARGIN, NOTICE_BOTTOM);
                }
                return lowest;
            }
            canvas.centered(PRIVACY_VI, style(regular, 9, GREY), center, MARGIN, contentWidth, 1);
            canvas.centered(PRIVACY_EN, style(regular, 8, GREY), center, MARGIN - 12, contentWidth, 1);
            return lowest;
        }

        /**
         * One code per store, each opening Bluezone's own page there (the website only tells people to search),
         * then how to install it. Returns the y below the block.
         */
        private float bluezoneBlock(float top, float qrSide) throws IOException {
            float side = Math.min(qrSide * 0.82f, STORE_COLUMN - 8);
            float belowQr = top;
            String[][] stores = {{BLUEZONE_PLAY_URL, PLAY_LABEL}, {BLUEZONE_APP_STORE_URL, APP_STORE_LABEL}};
            for (int i = 0; i < stores.length; i++) {
                float columnX = MARGIN + i * STORE_COLUMN;
                canvas.qr(stores[i][0], columnX + (STORE_COLUMN - side) / 2, top - side, side);
                belowQr = Math.min(belowQr, canvas.centered(stores[i][1], style(bold, 10, INK),
                        columnX + STORE_COLUMN / 2, top - side - 6, STORE_COLUMN, 1));
            }
            float textX = MARGIN + 2 * STORE_COLUMN + 8;
            float textWidth = pageWidth - MARGIN - textX;
            float y = canvas.left(BLUEZONE_VI, style(bold, 16, BLUE), textX, top - 20, textWidth, 2);
            y = canvas.left(BLUEZONE_EN, style(regular, 10.5f, GREY), textX, y + 3, textWidth, 1);
            y = canvas.left(ANDROID_VI, style(regular, 10f, INK), textX, y - 2, textWidth, 3);
            y = canvas.left(IOS_VI, style(regular, 10f, INK), textX, y, textWidth, 3);
            y = canvas.left(OR_SCAN_VI, style(regular, 10f, INK), textX, y, textWidth, 3);
            y = canvas.left(STEPS_EN, style(regular, 8.5f, GREY), textX, y - 1, textWidth, 5);
            return Math.min(y, belowQr) - 2;
        }

        private float provinceBlock(String appName, String appUrl, float top, float qrSide) throws IOException {
            if (appUrl != null) {
                canvas.qr(appUrl, MARGIN + (QR_COLUMN - qrSide) / 2, top - qrSide, qrSide);
            }
            float textX = appUrl == null ? MARGIN : MARGIN + QR_COLUMN + 8;
            float textWidth = pageWidth - MARGIN - textX;
            String name = nfc(appName.strip());
            float y = canvas.left("Cài đặt thêm ứng dụng " + name, style(bold, 15, BLUE), textX, top - 20,
                    textWidth, 1);
            y = canvas.left("Also install " + name, style(regular, 10, GREY), textX, y + 2, textWidth, 1);
            y = canvas.left("Mở CH Play hoặc App Store, tìm “" + name + "”, chọn biểu tượng để cài đặt.",
                    style(regular, 11.5f, INK), textX, y - 2, textWidth, 2);
            y = canvas.left("Open CH Play or the App Store, search “" + name + "”, install it.",
                    style(regular, 9, GREY), textX, y, textWidth, 2);
            return appUrl == null ? y : Math.min(y, top - qrSide);
        }

        private static PdfCanvas.Style style(PDFont font, float size, float[] rgb) {
            return new PdfCanvas.Style(font, size, rgb);
        }
    }
}
