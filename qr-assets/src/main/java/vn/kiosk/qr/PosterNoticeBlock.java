package vn.kiosk.qr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The privacy notice at the foot of the poster: Vietnamese first, English under it, in a tinted box. Measured
 * before it is drawn, so the blocks above know where the page ends for them.
 */
final class PosterNoticeBlock {
    static final String TITLE_VI = "Thông báo xử lý dữ liệu cá nhân";
    static final String TITLE_EN = "Personal data notice";
    static final String CONSENT_VI = "Bạn đồng ý bằng cách đánh dấu “Tôi đồng ý” trên điện thoại hoặc chạm “Tôi đồng ý”"
            + " trên kiosk; bảo vệ hỏi ý kiến bạn trước khi khai báo hộ. Không đồng ý: mời gặp bảo vệ.";
    static final String CONSENT_EN = "You agree by ticking “I agree” on your phone or tapping “I agree” on the kiosk;"
            + " a guard asks you before checking you in.";
    private static final float PAD = 8f;
    private static final float[] TINT = {0.94f, 0.96f, 0.99f};
    private static final float[] BLUE = {0.04f, 0.33f, 0.58f};
    private static final float[] INK = {0.10f, 0.10f, 0.12f};
    private static final float[] GREY = {0.36f, 0.38f, 0.42f};

    private record Piece(String text, PdfCanvas.Style style, float gapAfter) {
    }

    private final List<Piece> pieces = new ArrayList<>();
    private final float width;

    PosterNoticeBlock(PosterNotice n, PDFont regular, PDFont bold, float width) {
        this.width = width - 2 * PAD;
        PosterNotice.Texts vi = n.vi();
        PosterNotice.Texts en = n.en();
        String extraVi = n.keepsCccdDetails() ? " Điểm này được cấu hình lưu thêm ngày sinh hoặc địa chỉ trên CCCD (mã hoá)." : "";
        String extraEn = n.keepsCccdDetails() ? " This site is configured to keep the CCCD's birth date or address too (encrypted)." : "";
        pieces.add(new Piece(TITLE_VI + " · phiên bản " + n.version() + " · " + TITLE_EN + ", version " + n.version(),
                new PdfCanvas.Style(bold, 9.5f, BLUE), 2));
        pieces.add(new Piece("Bên kiểm soát dữ liệu: " + n.controller() + ". Mục đích: " + vi.purpose()
                + " Dữ liệu được lưu: " + vi.data() + extraVi + " Người được xem: " + vi.recipients()
                + " Thời gian lưu: " + n.retentionDays() + " ngày, sau đó dữ liệu cá nhân bị xoá, chỉ giữ số liệu"
                + " thống kê không định danh. Quyền của bạn: " + vi.rights() + " " + CONSENT_VI,
                new PdfCanvas.Style(regular, 7.3f, INK), 3));
        pieces.add(new Piece("Controller: " + n.controller() + ". Purpose: " + en.purpose() + " Data kept: " + en.data()
                + extraEn + " Who sees it: " + en.recipients() + " Kept " + n.retentionDays() + " days, then deleted;"
                + " only anonymous counts stay. Your rights: " + en.rights() + " " + CONSENT_EN,
                new PdfCanvas.Style(regular, 6.5f, GREY), 0));
    }

    float height() {
        float h = 2 * PAD;
        for (Piece p : pieces) {
            h += PdfCanvas.wrap(p.text, p.style, width, 40).size() * PdfCanvas.leading(p.style) + p.gapAfter;
        }
        return h;
    }

    /** Draws the box with its bottom at {@code bottom}; returns its top. */
    float draw(PdfCanvas canvas, float x, float bottom) throws IOException {
        float top = bottom + height();
        canvas.fillRect(x, bottom, width + 2 * PAD, top - bottom, TINT);
        float y = top - PAD - pieces.get(0).style.size();
        for (Piece p : pieces) {
            y = canvas.left(p.text, p.style, x + PAD, y, width, 40) - p.gapAfter;
        }
        return top;
    }
}
