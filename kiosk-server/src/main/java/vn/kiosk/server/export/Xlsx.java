package vn.kiosk.server.export;

import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/** How Kiosk writes worksheet cells: bold frozen header, inline strings (no shared-string table held in memory). */
public final class Xlsx {
    private Xlsx() {
    }

    public static void header(Worksheet ws, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            ws.inlineString(0, c, header.get(c));
            ws.width(c, Math.min(60, Math.max(12, header.get(c).length() + 2)));
        }
        ws.range(0, 0, 0, header.size() - 1).style().bold().fillColor("DDEBF7").set();
        ws.freezePane(0, 1);
    }

    public static void cell(Worksheet ws, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number n) {
            ws.value(r, c, n);
        } else if (value instanceof Boolean b) {
            ws.value(r, c, b);
        } else {
            // Excel does not run formulas in a string cell; kept as written.
            ws.inlineString(r, c, value.toString());
        }
    }
}
