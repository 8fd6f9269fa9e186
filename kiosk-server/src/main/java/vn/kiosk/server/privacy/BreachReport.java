package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteRepository;

/**
 * {@code POST /api/v1/privacy/breach-report}: what a breach notification needs, drawn from the data and the
 * audit log for a period and a set of sites, as the Vietnamese document the authority receives (PDF). The
 * admin writes what only people know (what happened, consequences, measures, contact); the counts come from
 * here. The export itself is audited.
 */
public final class BreachReport {
    static final Duration NOTIFY_WITHIN = Duration.ofHours(72);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Vertx vertx;
    private final BreachStore store;
    private final SiteRepository sites;
    private final Clock clock;

    public BreachReport(Vertx vertx, BreachStore store, SiteRepository sites, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.sites = sites;
        this.clock = clock;
    }

    /** What the document is made of. */
    record Facts(JsonObject form, Instant now, OffsetDateTime from, OffsetDateTime to, List<Site> sites,
                 List<BreachStore.SiteCounts> perSite, BreachStore.People people, BreachStore.Daily daily,
                 List<BreachStore.AccessCount> access) {
    }

    public void export(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN);
            JsonObject form = Respond.body(ctx);
            OffsetDateTime from = time(form, "from");
            OffsetDateTime to = time(form, "to");
            time(form, "discoveredAt");
            if (!from.isBefore(to)) {
                throw ApiException.unprocessable("invalid-period", "from must be before to").with("field", "from");
            }
            Instant now = clock.instant();
            Future<Buffer> pdf = sites.visibleTo(p).compose(all -> {
                List<Site> chosen = all.stream().filter(s -> chosen(form, s)).toList();
                if (chosen.isEmpty()) {
                    return Future.failedFuture(ApiException.unprocessable("no-sites",
                            "No site matches siteIds / province").with("field", "siteIds"));
                }
                List<Long> ids = chosen.stream().map(Site::id).toList();
                return store.counts(ids, from, to, from.atZoneSameInstant(VIETNAM).toLocalDate(),
                                to.atZoneSameInstant(VIETNAM).toLocalDate())
                        .map(counts -> new Facts(form, now, from, to, chosen, counts.perSite(), counts.people(),
                                counts.daily(), counts.access()))
                        .compose(facts -> store.exported(p.userId(), new JsonObject().put("from", from.toString())
                                        .put("to", to.toString()).put("sites", ids.size()), facts.people().people())
                                .compose(v -> vertx.executeBlocking(() -> Buffer.buffer(BreachDocument.render(facts)),
                                        false)));
            });
            pdf.onSuccess(b -> ctx.response().putHeader("Content-Type", "application/pdf")
                            .putHeader("Content-Disposition", "attachment; filename=\"thong-bao-vi-pham-"
                                    + now.atZone(VIETNAM).toLocalDate() + ".pdf\"")
                            .putHeader("Cache-Control", "no-store").end(b))
                    .onFailure(ctx::fail);
        });
    }

    private static boolean chosen(JsonObject form, Site s) {
        var ids = form.getJsonArray("siteIds");
        if (ids != null && !ids.isEmpty() && !ids.contains(s.id()) && !ids.contains((int) s.id())) {
            return false;
        }
        String province = form.getString("province");
        return province == null || province.strip().equalsIgnoreCase(s.province().strip());
    }

    static OffsetDateTime time(JsonObject form, String field) {
        String v = form.getString(field);
        try {
            return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NullPointerException e) {
            throw ApiException.unprocessable("invalid-time", field + " must be an ISO-8601 time with an offset")
                    .with("field", field);
        }
    }

    /** The category counts the document lists, by key. */
    static Map<String, Long> categories(Facts f) {
        long statuses = 0;
        long bluezoneIds = 0;
        long extra = 0;
        for (BreachStore.SiteCounts r : f.perSite()) {
            statuses += r.statuses();
            bluezoneIds += r.bluezoneIds();
            extra += r.cccdExtra();
        }
        return Map.of("names", (long) f.people().people(), "phones", (long) f.people().phones(),
                "ids", (long) f.people().ids(), "statuses", statuses, "bluezoneIds", bluezoneIds,
                "cccdExtra", extra);
    }
}
