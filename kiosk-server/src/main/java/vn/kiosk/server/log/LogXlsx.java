package vn.kiosk.server.log;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.export.Table;
import vn.kiosk.server.export.Xlsx;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.log.VisitLogStore.Visit;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.export.Labels;

/**
 * The filtered log as XLSX, streamed: a database cursor feeds a streaming
 * workbook writer on a worker thread, rows are flushed to the response as
 * they are written and the writer waits while the client is slow, so a
 * month of a busy bus station never sits in memory. Audited like the CSV.
 */
public final class LogXlsx {
    private static final Set<String> BLUEZONE = Set.of("qr_confirmed", "declared", "installed_on_site",
            "not_installed", "no_smartphone", "unknown");
    private static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final List<String> HEADER = List.of("Mã lượt / Visit", "Họ tên / Name", "Điện thoại / Phone",
            "Giấy tờ / ID", "Vào lúc / Entered", "Ra lúc / Exited", "Ra tự động / Exit inferred", "Cổng vào / Gate in",
            "Cổng ra / Gate out", "Cách ghi / Method", "Bluezone");

    private final VisitLogStore visits;
    private final SiteAccess access;
    private final PersonalData personal;
    private volatile WorkerExecutor workers;

    public LogXlsx(VisitLogStore visits, SiteAccess access, PersonalData personal) {
        this.visits = visits;
        this.access = access;
        this.personal = personal;
    }

    public void export(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            var req = ctx.request();
            long siteId = Respond.pathLong(ctx, "siteId");
            VisitQuery q = new VisitQuery(siteId, req.getParam("from"), req.getParam("to"))
                    .bluezone(QueryParams.oneOf(req.getParam("bluezone"), "bluezone", BLUEZONE))
                    .gate(QueryParams.text(req.getParam("gate"), "gate", 100))
                    .inside(QueryParams.bool(req.getParam("inside"), "inside"))
                    .search(req.getParam("q"), personal).newestFirst();
            JsonObject detail = new JsonObject().put("from", req.getParam("from")).put("to", req.getParam("to"))
                    .put("filtered", req.getParam("q") != null).put("format", "xlsx");
            access.visible(p, siteId)
                    .compose(site -> workers(ctx).executeBlocking(() -> write(ctx.response(), site, q,
                            count -> visits.audit(p.userId(), "export_xlsx", siteId, detail, count)), false))
                    .onFailure(t -> {
                        if (!ctx.response().headWritten()) {
                            ctx.fail(t);
                        } else {
                            ctx.response().reset();
                        }
                    });
        });
    }

    private WorkerExecutor workers(RoutingContext ctx) {
        if (workers == null) {
            // Exports are few and long: their own two threads, so they never hold up other blocking work.
            workers = ctx.vertx().createSharedWorkerExecutor("kiosk-export", 2, 30, TimeUnit.MINUTES);
        }
        return workers;
    }

    /** Runs on a worker thread: blocks on the database and on the client, never on an event loop. */
    private int write(HttpServerResponse res, Site site, VisitQuery q,
                      java.util.function.IntFunction<Future<Void>> audit) throws Exception {
        ZoneId zone = site.zone();
        try (VisitLogStore.VisitCursor cursor = visits.cursor(q)) {
            List<Visit> rows = cursor.rows();
            res.setChunked(true)
                    .putHeader("Content-Type", Table.XLSX)
                    .putHeader("Content-Disposition", "attachment; filename=\"visits-site-" + site.id() + ".xlsx\"")
                    .putHeader("Cache-Control", "no-store");
            int count = 0;
            ResponseStream out = new ResponseStream(res);
            {
                Workbook wb = new Workbook(out, "Kiosk", "1.0");
                Worksheet ws = wb.newWorksheet("Lượt vào ra");
                Xlsx.header(ws, HEADER);
                ws.width(0, 38);
                ws.width(1, 28);
                for (int c = 4; c <= 5; c++) {
                    ws.width(c, 20);
                }
                while (true) {
                    for (Visit r : rows) {
                        count++;
                        row(ws, count, r, zone);
                    }
                    ws.flush();
                    if (!cursor.hasMore()) {
                        break;
                    }
                    rows = cursor.next();
                }
                wb.finish();
            }
            // Audited before the last byte goes out, so a finished download always has its audit row;
            // only a complete workbook ends the response (a failure above resets it instead).
            VisitLogStore.await(audit.apply(count));
            out.close();
            cursor.finish();
            return count;
        }
    }

    private static void row(Worksheet ws, int r, Visit v, ZoneId zone) {
        ws.inlineString(r, 0, v.id().toString());
        Xlsx.cell(ws, r, 1, v.name());
        Xlsx.cell(ws, r, 2, v.phoneMasked());
        Xlsx.cell(ws, r, 3, v.idMasked());
        time(ws, r, 4, v.enteredAt(), zone);
        time(ws, r, 5, v.exitedAt(), zone);
        Xlsx.cell(ws, r, 6, v.exitInferred() ? "có / yes" : null);
        Xlsx.cell(ws, r, 7, v.entryGate());
        Xlsx.cell(ws, r, 8, v.exitGate());
        Xlsx.cell(ws, r, 9, Labels.method(v.entryMethod()));
        Xlsx.cell(ws, r, 10, Labels.bluezone(v.bluezone()));
    }

    private static void time(Worksheet ws, int r, int c, OffsetDateTime t, ZoneId zone) {
        if (t != null) {
            ws.value(r, c, t.atZoneSameInstant(zone).toLocalDateTime());
            ws.style(r, c).format(TIME_FORMAT).set();
        }
    }

    /** Bytes to the HTTP response in 64 KiB chunks, waiting while the client's queue is full. */
    private static final class ResponseStream extends OutputStream {
        private final HttpServerResponse res;
        private final byte[] buf = new byte[64 * 1024];
        private int n;

        ResponseStream(HttpServerResponse res) {
            this.res = res;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    flush();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void flush() throws IOException {
            if (n == 0) {
                return;
            }
            if (res.closed()) {
                throw new IOException("the client went away");
            }
            res.write(Buffer.buffer().appendBytes(buf, 0, n));
            n = 0;
            waitForRoom();
        }

        private void waitForRoom() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (res.writeQueueFull()) {
                if (res.closed() || System.nanoTime() > deadline) {
                    throw new IOException("the client stopped reading");
                }
                CountDownLatch room = new CountDownLatch(1);
                res.drainHandler(v -> room.countDown());
                try {
                    room.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            res.end();
        }
    }
}
