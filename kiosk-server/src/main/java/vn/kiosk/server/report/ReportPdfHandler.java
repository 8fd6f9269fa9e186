package vn.kiosk.server.report;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import vn.kiosk.qr.DistrictReportPdf;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/**
 * {@code GET /api/v1/reports/daily.pdf}: the day's report of the caller's sites matching the filter, per
 * district and per site with the targets, as the PDF a district or province sends upward. Rendered on a worker.
 */
public final class ReportPdfHandler {
    static final int MAX_TEXT = 120;

    private final Vertx vertx;
    private final ReportService reports;
    private final TargetStore targets;
    private final Clock clock;

    public ReportPdfHandler(Vertx vertx, ReportService reports, TargetStore targets, Clock clock) {
        this.vertx = vertx;
        this.reports = reports;
        this.targets = targets;
        this.clock = clock;
    }

    public void pdf(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            var req = ctx.request();
            // One reading of the clock: the day reported (by default), what is still open, and the date of issue.
            Instant now = clock.instant();
            LocalDate day = ReportHandlers.date(req.getParam("date"), "date", now);
            ReportDocument.Options options = new ReportDocument.Options(text(ctx, "issuer"), text(ctx, "number"),
                    text(ctx, "signerTitle"), text(ctx, "signer"));
            ReportService.Filter filter = ReportHandlers.filter(ctx);
            reports.sites(p, filter).compose(sites -> reports.day(sites, day, now, ReportService.Areas.DISTRICTS))
                    .map(d -> ReportHandlers.assemble(day, ReportHandlers.GroupBy.DISTRICT, d))
                    .compose(report -> targets.all().map(list -> ReportDocument.of(report, list,
                            LocalDate.ofInstant(now, ReportHandlers.DEFAULT_ZONE), options)))
                    .compose(doc -> vertx.executeBlocking(() -> DistrictReportPdf.render(doc), false))
                    .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
                            .putHeader("Cache-Control", "no-store")
                            .putHeader("Content-Disposition", "attachment; filename=\"bao-cao-ket-qua-" + day + ".pdf\"")
                            .end(Buffer.buffer(pdf)))
                    .onFailure(ctx::fail);
        });
    }

    /** A free-text query value (the contract does not validate these: see ReportHandlers). */
    private static String text(RoutingContext ctx, String name) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_TEXT || raw.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) {
            throw ApiException.badRequest("invalid-request", name + " must be at most " + MAX_TEXT
                    + " characters of text (a line break is allowed)").with("field", name);
        }
        return raw.strip();
    }
}
