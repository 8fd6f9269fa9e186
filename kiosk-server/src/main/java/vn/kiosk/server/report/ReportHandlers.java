package vn.kiosk.server.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;
import java.time.Clock;

/**
 * The daily report (per site, or rolled up per district or province, silent
 * sites included), its CSV/XLSX export for sending upward, and a series of
 * days for the charts. Query values are checked here, not by the contract
 * validator: a district may be named "1" (vertx-openapi#114).
 */
public final class ReportHandlers {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    static final int LONGEST_SERIES = 92;

    private final ReportService reports;
    private final Clock clock;

    public ReportHandlers(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    enum GroupBy { SITE, DISTRICT, PROVINCE }

    record Report(LocalDate day, GroupBy groupBy, List<ReportService.SiteDay> sites, List<Group> groups, Group total) {
    }

    /** Sites rolled up: figures added up, except the unique visitors, counted once each across the sites. */
    record Group(String province, String district, List<ReportService.SiteDay> sites, DayFigures figures,
                 String uniqueSource) {
        static Group of(String province, String district, List<ReportService.SiteDay> sites, ReportService.Unique u) {
            DayFigures sum = sites.stream().map(ReportService.SiteDay::figures).reduce(DayFigures.empty(), DayFigures::plus);
            return new Group(province, district, sites, sum.withUniqueVisitors(u.visitors()), u.source());
        }

        List<ReportService.SiteDay> silent() {
            return sites.stream().filter(s -> s.figures().silent()).toList();
        }
    }

    public void daily(RoutingContext ctx) {
        Respond.guarded(ctx, () -> Respond.async(ctx, 200, report(ctx).map(ReportHandlers::json)));
    }

    public void dailyCsv(RoutingContext ctx) {
        Respond.guarded(ctx, () -> export(ctx, "csv"));
    }

    public void dailyXlsx(RoutingContext ctx) {
        Respond.guarded(ctx, () -> export(ctx, "xlsx"));
    }

    private void export(RoutingContext ctx, String format) {
        report(ctx).compose(r -> ReportTables.of(r).send(ctx, format, "bao-cao-" + r.day()
                + (r.groupBy() == GroupBy.SITE ? "" : "-" + r.groupBy().name().toLowerCase()))).onFailure(ctx::fail);
    }

    /** Totals over the matching sites for each day of [from, to]: the charts' install rate and traffic over time. */
    public void days(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            var req = ctx.request();
            // One reading of the clock decides both which day is today and what is still open.
            Instant now = clock.instant();
            LocalDate to = date(req.getParam("to"), "to", now);
            LocalDate from = req.getParam("from") == null ? to.minusDays(13) : date(req.getParam("from"), "from", now);
            if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= LONGEST_SERIES) {
                throw ApiException.unprocessable("invalid-range", "from must be on or before to, at most "
                        + LONGEST_SERIES + " days apart").with("field", "from");
            }
            Future<JsonObject> answer = reports.sites(p, filter(ctx)).compose(sites -> {
                JsonArray days = new JsonArray();
                Future<Void> chain = Future.succeededFuture();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    LocalDate day = d;
                    chain = chain.compose(x -> reports.day(sites, day, now, ReportService.Areas.NONE).map(one -> {
                        Group total = Group.of(null, null, one.sites(), one.total());
                        days.add(total.figures().toJson().put("uniqueVisitorsSource", total.uniqueSource())
                                .put("date", day.toString()).put("sites", one.sites().size())
                                .put("activeSites", one.sites().size() - total.silent().size()));
                        return null;
                    }));
                }
                return chain.map(x -> new JsonObject().put("from", from.toString()).put("to", to.toString())
                        .put("days", days));
            });
            Respond.async(ctx, 200, answer);
        });
    }

    private Future<Report> report(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        var req = ctx.request();
        Instant now = clock.instant();
        LocalDate day = date(req.getParam("date"), "date", now);
        GroupBy groupBy = groupBy(req.getParam("groupBy"));
        ReportService.Areas areas = switch (groupBy) {
            case SITE -> ReportService.Areas.NONE;
            case DISTRICT -> ReportService.Areas.DISTRICTS;
            case PROVINCE -> ReportService.Areas.PROVINCES;
        };
        return reports.sites(p, filter(ctx)).compose(sites -> reports.day(sites, day, now, areas)).map(d -> {
            List<ReportService.SiteDay> sorted = new ArrayList<>(d.sites());
            sorted.sort(Comparator.comparing((ReportService.SiteDay s) -> s.site().province())
                    .thenComparing(s -> s.site().district()).thenComparing(s -> s.site().name())
                    .thenComparingLong(s -> s.site().id()));
            return new Report(day, groupBy, sorted, groups(sorted, groupBy, d), Group.of(null, null, sorted, d.total()));
        });
    }

    static List<Group> groups(List<ReportService.SiteDay> sites, GroupBy by, ReportService.Day day) {
        if (by == GroupBy.SITE) {
            return List.of();
        }
        boolean district = by == GroupBy.DISTRICT;
        Map<String, List<ReportService.SiteDay>> grouped = new LinkedHashMap<>();
        for (ReportService.SiteDay s : sites) {
            grouped.computeIfAbsent(ReportService.areaKey(s.site(), district), k -> new ArrayList<>()).add(s);
        }
        List<Group> out = new ArrayList<>();
        grouped.forEach((k, list) -> {
            Site first = list.get(0).site();
            out.add(Group.of(first.province(), district ? first.district() : null, list,
                    day.areas().get(ReportService.areaKey(first, district))));
        });
        return out;
    }

    static JsonObject json(Report r) {
        JsonArray rows = new JsonArray();
        if (r.groupBy() == GroupBy.SITE) {
            r.sites().forEach(s -> rows.add(siteRow(s)));
        } else {
            for (Group g : r.groups()) {
                JsonArray silent = new JsonArray();
                g.silent().forEach(s -> silent.add(siteRef(s)));
                JsonObject row = g.figures().toJson().put("uniqueVisitorsSource", g.uniqueSource())
                        .put("province", g.province()).put("sites", g.sites().size())
                        .put("activeSites", g.sites().size() - g.silent().size()).put("silentSites", silent);
                if (g.district() != null) {
                    row.put("district", g.district());
                }
                rows.add(row);
            }
        }
        JsonArray silent = new JsonArray();
        r.total().silent().forEach(s -> silent.add(siteRef(s)));
        return new JsonObject().put("date", r.day().toString()).put("groupBy", r.groupBy().name().toLowerCase())
                .put("rows", rows)
                .put("totals", r.total().figures().toJson().put("uniqueVisitorsSource", r.total().uniqueSource())
                        .put("sites", r.sites().size()).put("activeSites", r.sites().size() - silent.size()))
                .put("silentSites", silent);
    }

    static JsonObject siteRow(ReportService.SiteDay s) {
        Site site = s.site();
        return s.figures().toJson().put("siteId", site.id()).put("siteName", site.name()).put("kind", site.kind())
                .put("province", site.province()).put("district", site.district()).put("date", s.day().toString())
                .put("source", s.source());
    }

    private static JsonObject siteRef(ReportService.SiteDay s) {
        return new JsonObject().put("siteId", s.site().id()).put("siteName", s.site().name()).put("kind", s.site().kind())
                .put("province", s.site().province()).put("district", s.site().district());
    }

    private static ReportService.Filter filter(RoutingContext ctx) {
        var req = ctx.request();
        String siteId = req.getParam("siteId");
        Long id = null;
        if (siteId != null) {
            try {
                id = Long.parseLong(siteId);
            } catch (NumberFormatException e) {
                id = -1L;
            }
            if (id < 1) {
                throw ApiException.badRequest("invalid-request", "siteId must be a positive whole number").with("field", "siteId");
            }
        }
        return new ReportService.Filter(area(req.getParam("province"), "province"), area(req.getParam("district"), "district"), id);
    }

    private static String area(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > 100) {
            throw ApiException.badRequest("invalid-request", field + " must be at most 100 characters").with("field", field);
        }
        return raw;
    }

    private static GroupBy groupBy(String raw) {
        if (raw == null) {
            return GroupBy.SITE;
        }
        return switch (raw) {
            case "site" -> GroupBy.SITE;
            case "district" -> GroupBy.DISTRICT;
            case "province" -> GroupBy.PROVINCE;
            default -> throw ApiException.badRequest("invalid-request", "groupBy must be one of site, district, province")
                    .with("field", "groupBy");
        };
    }

    /** The day asked for, else today (in the default zone) at {@code now}; from 2020 to tomorrow. */
    static LocalDate date(String raw, String field, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, DEFAULT_ZONE);
        if (raw == null) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(raw);
            if (d.isBefore(FIRST_DAY) || d.isAfter(today.plusDays(1))) {
                throw ApiException.unprocessable("invalid-date", field + " must be a day from 2020-01-01 to tomorrow")
                        .with("field", field);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-request", field + " must be a date like 2021-08-01").with("field", field);
        }
    }
}
