package vn.kiosk.qr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Drawing helpers for posters and reports: NFC text with wrapping, rules, and QR codes as vector squares. */
final class PdfCanvas {
    record Style(PDFont font, float size, float[] rgb) {
    }

    private final PDPageContentStream content;

    PdfCanvas(PDPageContentStream content) {
        this.content = content;
    }

    void fillRect(float x, float y, float width, float height, float[] rgb) throws IOException {
        content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        content.addRect(x, y, width, height);
        content.fill();
    }

    void line(float x1, float y, float x2, float[] rgb) throws IOException {
        segment(x1, y, x2, y, 0.75f, rgb);
    }

    /** A straight line of the given width, e.g. a table's grid or the rule under a motto. */
    void segment(float x1, float y1, float x2, float y2, float lineWidth, float[] rgb) throws IOException {
        content.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    /** One line ending at {@code rightX} (clipped with an ellipsis to {@code width}). */
    void right(String text, Style style, float rightX, float y, float width) throws IOException {
        String line = wrap(text, style, width, 1).stream().findFirst().orElse("");
        show(line, style, rightX - width(line, style), y);
    }

    /** Draws lines centred on {@code centerX}, first baseline at {@code y}; returns the baseline below the last. */
    float centered(String text, Style style, float centerX, float y, float width, int maxLines) throws IOException {
        float baseline = y;
        for (String line : wrap(text, style, width, maxLines)) {
            show(line, style, centerX - width(line, style) / 2, baseline);
            baseline -= leading(style);
        }
        return baseline;
    }

    /** Draws left-aligned wrapped lines from {@code y}; returns the baseline below the last. */
    float left(String text, Style style, float x, float y, float width, int maxLines) throws IOException {
        float baseline = y;
        for (String line : wrap(text, style, width, maxLines)) {
            show(line, style, x, baseline);
            baseline -= leading(style);
        }
        return baseline;
    }

    /** The code's dark modules as one filled path: sharp at any print resolution. Quiet zone left white. */
    void qr(String text, float x, float y, float side) throws IOException {
        byte[][] matrix = QrCodes.modules(text, true);
        int modules = matrix.length;
        float unit = side / (modules + 2 * QrCodes.QUIET_ZONE_MODULES);
        float originX = x + QrCodes.QUIET_ZONE_MODULES * unit;
        float top = y + side - QrCodes.QUIET_ZONE_MODULES * unit;
        fillRect(x, y, side, side, new float[] {1, 1, 1});
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            byte[] cells = matrix[row];
            int column = 0;
            while (column < modules) {
                if (cells[column] != 1) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && cells[column] == 1) {
                    column++;
                }
                content.addRect(originX + start * unit, top - (row + 1) * unit, (column - start) * unit, unit);
            }
        }
        content.fill();
    }

    static float leading(Style style) {
        return style.size() * 1.3f;
    }

    static float width(String text, Style style) {
        try {
            return style.font().getStringWidth(text) / 1000f * style.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy word wrap; the last allowed line ends with an ellipsis when text remains. */
    static List<String> wrap(String text, Style style, float width, int maxLines) {
        String clean = printable(text, style.font());
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : breakLongWords(clean.split(" +"), style, width)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(candidate, style) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            while (!last.isEmpty() && width(last + "…", style) > width) {
                last = last.substring(0, last.length() - 1);
            }
            kept.set(maxLines - 1, last.strip() + "…");
            return kept;
        }
        return lines;
    }

    /** Words wider than a line (long URLs) are cut into pieces that fit. */
    private static List<String> breakLongWords(String[] words, Style style, float width) {
        List<String> pieces = new ArrayList<>(words.length);
        for (String word : words) {
            String rest = word;
            while (rest.length() > 1 && width(rest, style) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), style) > width) {
                    cut--;
                }
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            pieces.add(rest);
        }
        return pieces;
    }

    /** NFC, whitespace collapsed, and characters the embedded font lacks shown as '?' instead of failing. */
    static String printable(String text, PDFont font) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> out.append(hasGlyph(font, cp) ? Character.toString(cp) : "?"));
        return out.toString();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void show(String line, Style style, float x, float baseline) throws IOException {
        content.setNonStrokingColor(style.rgb()[0], style.rgb()[1], style.rgb()[2]);
        content.beginText();
        content.setFont(style.font(), style.size());
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }
}
