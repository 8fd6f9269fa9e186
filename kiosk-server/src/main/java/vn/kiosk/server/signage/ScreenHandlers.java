package vn.kiosk.server.signage;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.report.DayFigures;
import vn.kiosk.server.report.InstallTargets;
import vn.kiosk.server.report.ReportService;
import vn.kiosk.server.report.TargetStore;
import vn.kiosk.server.site.KioskStore;
import vn.kiosk.server.site.SiteAccess;

/**
 * What a paired public screen reads: itself and its site (with the base of the check-in URL its rotating QR
 * carries), and today's install rate of its site. Only figures of the whole day: no visit, no visitor.
 */
public final class ScreenHandlers {
    private final KioskStore screens;
    private final SiteAccess access;
    private final ReportService reports;
    private final TargetStore targets;
    private final Clock clock;
    private final String publicUrl;

    public ScreenHandlers(KioskStore screens, SiteAccess access, ReportService reports, TargetStore targets, Clock clock,
                          String publicUrl) {
        this.screens = screens;
        this.access = access;
        this.reports = reports;
        this.targets = targets;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public void self(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.SIGNAGE);
        long siteId = p.siteIds().iterator().next();
        Respond.async(ctx, 200, access.visible(p, siteId).compose(site -> screens.placement(p.id())
                .map(found -> {
                    KioskStore.Placement screen = found.orElseThrow();
                    return new JsonObject().put("screenId", p.id()).put("name", screen.name())
                            .put("gate", screen.gate()).put("site", site.toJson())
                            .put("checkinBase", publicUrl + "/c/").put("serverTime", clock.instant().toString());
                })));
    }

    /**
     * Today's install rate of the screen's site, as the daily report computes it, the entries it is taken over,
     * and the target the site's district (else its province) works towards.
     */
    public void installRate(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.SIGNAGE);
        long siteId = p.siteIds().iterator().next();
        // One reading of the clock: the day it is at the site and the time the figure is "as of".
        Instant now = clock.instant();
        Respond.async(ctx, 200, access.visible(p, siteId).compose(site -> {
            LocalDate today = LocalDate.ofInstant(now, site.zone());
            return reports.day(List.of(site), today, now, ReportService.Areas.NONE).compose(day -> targets.forSite(site)
                    .map(target -> {
                        DayFigures f = day.sites().isEmpty() ? DayFigures.empty() : day.sites().get(0).figures();
                        int installed = f.count("qr_confirmed") + f.count("declared") + f.count("installed_on_site");
                        return new JsonObject().put("siteId", site.id()).put("date", today.toString())
                                .put("installRate", f.installRate()).put("installed", installed)
                                .put("known", installed + f.count("not_installed") + f.count("no_smartphone"))
                                .put("entries", f.entries()).put("asOf", now.toString())
                                .put("target", target.map(InstallTargets::json).orElse(null));
                    }));
        }));
    }
}
