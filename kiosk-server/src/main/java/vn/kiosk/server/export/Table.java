package vn.kiosk.server.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A small table (a report, a call list) written as CSV (UTF-8 with a BOM,
 * so Excel reads the Vietnamese right) or XLSX. Cells are strings or
 * numbers; a text cell that starts like a formula is defused.
 */
public final class Table {
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String sheet;
    private final List<String> header;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String sheet, List<String> header) {
        this.sheet = sheet;
        this.header = header;
    }

    public Table row(Object... cells) {
        rows.add(cells);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public Buffer csv() {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(header);
            for (Object[] r : rows) {
                String[] cells = new String[r.length];
                for (int i = 0; i < r.length; i++) {
                    cells[i] = r[i] == null ? "" : r[i] instanceof Number ? r[i].toString() : safe(r[i].toString());
                }
                csv.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toString());
    }

    /** Blocking: call it off the event loop. */
    public Buffer xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeXlsx(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    private void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Kiosk", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        Xlsx.header(ws, header);
        int r = 1;
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                Xlsx.cell(ws, r, c, row[c]);
            }
            r++;
        }
        wb.finish();
    }

    /** Sends the table as {@code csv} or {@code xlsx}, named {@code name}.csv / .xlsx. */
    public Future<Void> send(RoutingContext ctx, String format, String name) {
        boolean excel = "xlsx".equals(format);
        Future<Buffer> body = excel ? ctx.vertx().executeBlocking(this::xlsx, false) : Future.succeededFuture(csv());
        return body.compose(b -> ctx.response()
                .putHeader("Content-Type", excel ? XLSX : CSV)
                .putHeader("Content-Disposition", "attachment; filename=\"" + name + (excel ? ".xlsx" : ".csv") + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(b));
    }

    /** A cell that starts like a formula would run as one in Excel. */
    static String safe(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
