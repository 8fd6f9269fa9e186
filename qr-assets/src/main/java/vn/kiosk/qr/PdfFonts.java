package vn.kiosk.qr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The bundled Noto Sans (Vietnamese subset, SIL OFL) every PDF here embeds: posters and reports. */
final class PdfFonts {
    private static final byte[] REGULAR = bytes("NotoSans-Regular-vi.ttf");
    private static final byte[] BOLD = bytes("NotoSans-Bold-vi.ttf");

    private PdfFonts() {
    }

    /** Regular and bold, embedded as subsets of the glyphs the document uses. */
    record Pair(PDFont regular, PDFont bold) {
    }

    static Pair load(PDDocument document) throws IOException {
        return new Pair(PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
    }

    private static byte[] bytes(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
