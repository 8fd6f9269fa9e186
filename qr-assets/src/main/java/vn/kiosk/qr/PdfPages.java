package vn.kiosk.qr;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A4 portrait pages that fill from the top: a cursor ({@link #y}) moves down as things are drawn, and a new
 * page starts when something does not fit. Margins as Vietnamese administrative documents use them (Nghị định
 * 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm); from the second page on, the page number
 * is printed at the top centre.
 */
final class PdfPages implements AutoCloseable {
    static final float MM = 72f / 25.4f;
    static final float LEFT = 30 * MM;
    static final float RIGHT = 18 * MM;
    static final float TOP = 20 * MM;
    static final float BOTTOM = 20 * MM;

    private final PDDocument document;
    private final PdfCanvas.Style pageNumber;
    private PDPageContentStream stream;
    private PdfCanvas canvas;
    private int pages;
    float y;

    PdfPages(PDDocument document, PdfCanvas.Style pageNumber) throws IOException {
        this.document = document;
        this.pageNumber = pageNumber;
        newPage();
    }

    float width() {
        return PDRectangle.A4.getWidth() - LEFT - RIGHT;
    }

    float left() {
        return LEFT;
    }

    float rightEdge() {
        return PDRectangle.A4.getWidth() - RIGHT;
    }

    float center() {
        return LEFT + width() / 2;
    }

    PdfCanvas canvas() {
        return canvas;
    }

    int count() {
        return pages;
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin. */
    boolean need(float height) throws IOException {
        if (y - height >= BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        canvas = new PdfCanvas(stream);
        pages++;
        y = PDRectangle.A4.getHeight() - TOP;
        if (pages > 1) {
            canvas.centered(String.valueOf(pages), pageNumber, center(), PDRectangle.A4.getHeight() - TOP / 2 - 4,
                    width(), 1);
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
