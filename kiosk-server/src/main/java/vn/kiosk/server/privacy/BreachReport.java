package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
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
    private static final String PER_SITE = "select v.site_id, count(*)::int as visits,"
            + " count(distinct v.visitor_id)::int as people,"
            + " count(*) filter (where v.bluezone is not null)::int as statuses,"
            + " count(*) filter (where v.bluezone_id is not null)::int as bluezone_ids,"
            + " count(*) filter (where v.cccd_extra is not null)::int as cccd_extra"
            + " from visits v where v.site_id = any($1) and v.entered_at >= $2 and v.entered_at < $3 group by v.site_id";
    private static final String PEOPLE = "select count(*)::int as people,"
            + " count(*) filter (where r.phone_hash is not null)::int as phones,"
            + " count(*) filter (where r.id_hash is not null)::int as ids"
            + " from visitors r where r.id in (select v.visitor_id from visits v where v.site_id = any($1)"
            + " and v.entered_at >= $2 and v.entered_at < $3)";
    private static final String DAILY = "select coalesce(sum(entries), 0)::bigint as entries,"
            + " coalesce(sum(unique_visitors), 0)::bigint as upper from daily_site_stats"
            + " where site_id = any($1) and day >= $2 and day < $3";
    private static final String ACCESS = "select action, count(*)::int as n, count(distinct user_id)::int as users,"
            + " coalesce(sum(row_count), 0)::bigint as rows from audit_log where at >= $2 and at < $3"
            + " and (site_id is null or site_id = any($1)) group by action order by action";

    private final Vertx vertx;
    private final Pool pool;
    private final Pool reads;
    private final SiteRepository sites;
    private final Audit audit;
    private final Clock clock;

    public BreachReport(Vertx vertx, Pool pool, Pool reads, SiteRepository sites, Audit audit, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.reads = reads;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the document is made of. */
    record Facts(JsonObject form, Instant now, OffsetDateTime from, OffsetDateTime to, List<Site> sites,
                 RowSet<Row> perSite, Row people, Row daily, RowSet<Row> access) {
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
                Long[] ids = chosen.stream().map(Site::id).toArray(Long[]::new);
                Tuple period = Tuple.tuple().addArrayOfLong(ids).addOffsetDateTime(from).addOffsetDateTime(to);
                Tuple days = Tuple.tuple().addArrayOfLong(ids).addLocalDate(from.atZoneSameInstant(VIETNAM).toLocalDate())
                        .addLocalDate(to.atZoneSameInstant(VIETNAM).toLocalDate());
                return reads.preparedQuery(PER_SITE).execute(period).compose(perSite ->
                        reads.preparedQuery(PEOPLE).execute(period).compose(people ->
                                reads.preparedQuery(DAILY).execute(days).compose(daily ->
                                        pool.preparedQuery(ACCESS).execute(period).map(access -> new Facts(form, now,
                                                from, to, chosen, perSite, people.iterator().next(),
                                                daily.iterator().next(), access)))))
                        .compose(facts -> audit.write(pool, p.userId(), "privacy.breach_report", null, new JsonObject()
                                        .put("from", from.toString()).put("to", to.toString()).put("sites", ids.length),
                                        facts.people().getInteger("people"))
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
        for (Row r : f.perSite()) {
            statuses += r.getInteger("statuses");
            bluezoneIds += r.getInteger("bluezone_ids");
            extra += r.getInteger("cccd_extra");
        }
        return Map.of("names", (long) f.people().getInteger("people"), "phones", (long) f.people().getInteger("phones"),
                "ids", (long) f.people().getInteger("ids"), "statuses", statuses, "bluezoneIds", bluezoneIds,
                "cccdExtra", extra);
    }
}
