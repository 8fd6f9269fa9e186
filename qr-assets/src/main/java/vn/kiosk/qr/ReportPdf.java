package vn.kiosk.qr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A plain A4 document in Vietnamese (the embedded Noto Sans): headings, paragraphs, label–value lines and
 * tables, flowing onto as many pages as needed. For documents an authority receives, such as a breach
 * notification.
 */
public final class ReportPdf {
    /** One piece of the document, in reading order. */
    public sealed interface Block permits Heading, Paragraph, Field, Table {
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** "label: value", the label in a column of its own. */
    public record Field(String label, String value) implements Block {
    }

    /** Column widths are fractions of the text width. */
    public record Table(List<String> header, List<List<String>> rows, float[] widths) implements Block {
    }

    private static final float MARGIN = 50f;
    private static final float[] INK = {0.10f, 0.10f, 0.12f};
    private static final float[] GREY = {0.36f, 0.38f, 0.42f};
    private static final float[] BLUE = {0.04f, 0.33f, 0.58f};
    private static final float[] RULE = {0.78f, 0.80f, 0.84f};

    private ReportPdf() {
    }

    /** {@code header} is the line above the title (e.g. the national motto); may be null. */
    public static byte[] render(String header, String title, List<Block> blocks) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts.Pair fonts = PdfFonts.load(document);
            PDFont regular = fonts.regular();
            PDFont bold = fonts.bold();
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Kiosk");
            document.getDocumentCatalog().setLanguage("vi-VN");
            try (Pages pages = new Pages(document)) {
                float width = pages.width - 2 * MARGIN;
                float center = pages.width / 2;
                if (header != null) {
                    pages.need(16);
                    pages.y = pages.canvas.centered(header, style(bold, 11, INK), center, pages.y, width, 3);
                    pages.y -= 8;
                }
                pages.need(24);
                pages.y = pages.canvas.centered(title, style(bold, 15, BLUE), center, pages.y, width, 3) - 6;
                for (Block b : blocks) {
                    draw(pages, b, regular, bold, width);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report rendering failed", e);
        }
    }

    private static void draw(Pages pages, Block b, PDFont regular, PDFont bold, float width) throws IOException {
        if (b instanceof Heading h) {
            pages.need(40);
            pages.y -= 6;
            pages.y = pages.canvas.left(h.text(), style(bold, 12, BLUE), MARGIN, pages.y, width, 3) - 2;
        } else if (b instanceof Paragraph p) {
            paragraph(pages, p.text(), style(regular, 10.5f, INK), MARGIN, width);
        } else if (b instanceof Field f) {
            float labelWidth = width * 0.34f;
            PdfCanvas.Style valueStyle = style(regular, 10.5f, INK);
            List<String> lines = PdfCanvas.wrap(f.value() == null || f.value().isBlank() ? "—" : f.value(),
                    valueStyle, width - labelWidth, 200);
            pages.need(PdfCanvas.leading(valueStyle) * Math.min(lines.size(), 3));
            float top = pages.y;
            pages.canvas.left(f.label(), style(bold, 10.5f, GREY), MARGIN, top, labelWidth - 8, 3);
            for (String line : lines) {
                pages.need(PdfCanvas.leading(valueStyle));
                pages.y = pages.canvas.left(line, valueStyle, MARGIN + labelWidth, pages.y, width - labelWidth, 1);
            }
            pages.y = Math.min(pages.y, top - PdfCanvas.leading(valueStyle)) - 2;
        } else if (b instanceof Table t) {
            table(pages, t, regular, bold, width);
        }
    }

    private static void paragraph(Pages pages, String text, PdfCanvas.Style s, float x, float width) throws IOException {
        for (String line : PdfCanvas.wrap(text, s, width, 1000)) {
            pages.need(PdfCanvas.leading(s));
            pages.y = pages.canvas.left(line, s, x, pages.y, width, 1);
        }
        pages.y -= 4;
    }

    private static void table(Pages pages, Table t, PDFont regular, PDFont bold, float width) throws IOException {
        PdfCanvas.Style head = style(bold, 9.5f, INK);
        PdfCanvas.Style cell = style(regular, 9.5f, INK);
        row(pages, t.header(), t.widths(), head, width);
        pages.canvas.line(MARGIN, pages.y + PdfCanvas.leading(cell) - 2, MARGIN + width, RULE);
        for (List<String> r : t.rows()) {
            row(pages, r, t.widths(), cell, width);
        }
        pages.y -= 6;
    }

    private static void row(Pages pages, List<String> cells, float[] widths, PdfCanvas.Style s, float width)
            throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, PdfCanvas.wrap(cells.get(i), s, widths[i] * width - 6, 4).size());
        }
        pages.need(PdfCanvas.leading(s) * lines);
        float x = MARGIN;
        float bottom = pages.y;
        for (int i = 0; i < cells.size(); i++) {
            bottom = Math.min(bottom, pages.canvas.left(cells.get(i), s, x, pages.y, widths[i] * width - 6, 4));
            x += widths[i] * width;
        }
        pages.y = bottom;
    }

    private static PdfCanvas.Style style(PDFont font, float size, float[] rgb) {
        return new PdfCanvas.Style(font, size, rgb);
    }

    /** The page being written and where; a new page when the next piece does not fit. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument document;
        private final float width;
        private final float height;
        private PDPageContentStream stream;
        private PdfCanvas canvas;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            this.width = PDRectangle.A4.getWidth();
            this.height = PDRectangle.A4.getHeight();
            next();
        }

        void need(float space) throws IOException {
            if (y - space < MARGIN) {
                next();
            }
        }

        private void next() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            canvas = new PdfCanvas(stream);
            y = height - MARGIN - 10;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
