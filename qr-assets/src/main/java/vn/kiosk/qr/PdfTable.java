package vn.kiosk.qr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table that runs over as many pages as it needs, its header row repeated on each. Cells wrap (at most
 * {@link #MAX_LINES} lines, the last ending in an ellipsis); figures are right-aligned.
 */
final class PdfTable {
    enum Align { LEFT, CENTER, RIGHT }

    record Column(String header, float share, Align align) {
    }

    static final int MAX_LINES = 3;
    private static final float PAD = 3f;
    private static final float[] GRID = {0.25f, 0.25f, 0.28f};
    private static final float[] HEAD = {0.90f, 0.92f, 0.95f};
    private static final float[] TOTAL = {0.96f, 0.96f, 0.96f};

    private final PdfPages pages;
    private final List<Column> columns;
    private final float[] widths;
    private final PdfCanvas.Style header;
    private final PdfCanvas.Style body;
    private final PdfCanvas.Style bold;

    PdfTable(PdfPages pages, List<Column> columns, PdfCanvas.Style header, PdfCanvas.Style body, PdfCanvas.Style bold) {
        this.pages = pages;
        this.columns = columns;
        this.header = header;
        this.body = body;
        this.bold = bold;
        float total = (float) columns.stream().mapToDouble(Column::share).sum();
        widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = pages.width() * columns.get(i).share() / total;
        }
    }

    /** Draws the header and every row; a row marked total (the last, usually) is bold on a grey ground. */
    void draw(List<List<String>> rows, boolean lastIsTotal) throws IOException {
        headerRow();
        for (int r = 0; r < rows.size(); r++) {
            boolean total = lastIsTotal && r == rows.size() - 1;
            List<List<String>> cells = lines(rows.get(r), total ? bold : body);
            float height = height(cells, total ? bold : body);
            if (pages.need(height)) {
                headerRow();
            }
            row(cells, total ? bold : body, height, total ? TOTAL : null);
        }
    }

    private void headerRow() throws IOException {
        List<String> titles = columns.stream().map(Column::header).toList();
        List<List<String>> cells = lines(titles, header);
        float height = height(cells, header);
        pages.need(height + PdfCanvas.leading(body) + 2 * PAD); // never a header alone at the foot of a page
        row(cells, header, height, HEAD);
    }

    private List<List<String>> lines(List<String> values, PdfCanvas.Style style) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String v = i < values.size() && values.get(i) != null ? values.get(i) : "";
            out.add(PdfCanvas.wrap(v, style, widths[i] - 2 * PAD, MAX_LINES));
        }
        return out;
    }

    private static float height(List<List<String>> cells, PdfCanvas.Style style) {
        int most = Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
        return most * PdfCanvas.leading(style) + 2 * PAD;
    }

    private void row(List<List<String>> cells, PdfCanvas.Style style, float height, float[] ground) throws IOException {
        PdfCanvas c = pages.canvas();
        float top = pages.y;
        float x = pages.left();
        if (ground != null) {
            c.fillRect(x, top - height, pages.width(), height, ground);
        }
        for (int i = 0; i < columns.size(); i++) {
            float baseline = top - PAD - style.size();
            for (String line : cells.get(i)) {
                float w = widths[i] - 2 * PAD;
                switch (columns.get(i).align()) {
                    case LEFT -> c.left(line, style, x + PAD, baseline, w, 1);
                    case CENTER -> c.centered(line, style, x + widths[i] / 2, baseline, w, 1);
                    case RIGHT -> c.right(line, style, x + widths[i] - PAD, baseline, w);
                }
                baseline -= PdfCanvas.leading(style);
            }
            c.segment(x, top, x, top - height, 0.5f, GRID);
            x += widths[i];
        }
        c.segment(x, top, x, top - height, 0.5f, GRID);
        c.segment(pages.left(), top, x, top, 0.5f, GRID);
        c.segment(pages.left(), top - height, x, top - height, 0.5f, GRID);
        pages.y = top - height;
    }
}
