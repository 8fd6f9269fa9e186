package vn.kiosk.server.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;

/**
 * Daily figures per site: computed from the visits for recent days (which
 * offline replays may still change), read from daily_site_stats (kept by
 * {@link DailyStatsJob}) for days that are final, in particular once
 * retention has removed their visits. Both come from the same SQL function,
 * kiosk_day_stats, so a day reads the same either way.
 *
 * Roll-ups (each district, each province, all the report's sites) count each
 * person once: their unique visitors come from the same function, stored in
 * daily_area_stats for days that are final (used only when the stored row
 * counted exactly the report's sites of that area) and computed from the
 * visits otherwise. When neither is possible (the visits of the day are gone
 * and the stored figure counted other sites, e.g. a manager's own sites) the
 * sites' counts are added up and the answer says so ({@link Unique#SUMMED}).
 */
public final class ReportService {
    private static final String LIVE = "select * from kiosk_day_stats($1::bigint[], $2::date, $3::timestamptz, $4::text[])";
    private static final String STORED = "select * from daily_site_stats where day = $2::date and site_id = any($1::bigint[])";
    private static final String STORED_AREAS = "select unique_visitors, site_ids from daily_area_stats"
            + " where day = $1::date and (province = any($2::text[]) and kind <> 'all' or kind = 'all' and $3::boolean)";
    /**
     * The SQL condition that site {@code s} counts on the local day in parameter {@code day}: it existed by the
     * day's end, or it has visits on that day though added later (a kiosk's offline replay, or a guard's late
     * entry into the day before the site was added: a report of yesterday made just after midnight).
     */
    static String countsOn(String day) {
        String start = "(" + day + "::date::timestamp at time zone s.time_zone)";
        String end = "((" + day + "::date + 1)::timestamp at time zone s.time_zone)";
        return "(s.created_at < " + end + " or exists (select 1 from visits v where v.site_id = s.id"
                + " and v.entered_at >= " + start + " and v.entered_at < " + end + "))";
    }

    private static final String COUNTED = "select s.id from sites s where s.id = any($1::bigint[]) and " + countsOn("$2");
    /** Days this close to the retention limit may have lost their first hours already (partitions are UTC days). */
    static final int RETENTION_MARGIN_DAYS = 2;
    /** Days after which a day's figures are final (replays reach 72 h back; one day more for time zones). */
    static final int FINAL_AFTER_DAYS = 4;

    private final Pool pool;
    private final SiteAccess access;
    private final int retentionDays;

    public ReportService(Pool pool, SiteAccess access, int retentionDays) {
        this.pool = pool;
        this.access = access;
        this.retentionDays = retentionDays;
    }

    public record Filter(String province, String district, Long siteId) {
    }

    public record SiteDay(Site site, LocalDate day, DayFigures figures, String source) {
    }

    /** The distinct visitors of a set of sites on one day, and where the count comes from. */
    public record Unique(int visitors, String source) {
        /** The sites' own counts added up: a person at two of the sites counts twice. */
        public static final String SUMMED = "sum";
    }

    /** The roll-ups a report shows besides its total: none, each district's or each province's. */
    public enum Areas { NONE, DISTRICTS, PROVINCES }

    /**
     * One day of a report: each site's figures, the distinct visitors of each area asked for (by
     * {@link #areaKey(Site, boolean)}) and of all the sites together.
     */
    public record Day(List<SiteDay> sites, Map<String, Unique> areas, Unique total) {
    }

    /** The key of a site's district (or province) as reports group them: the names as written. */
    static String areaKey(Site s, boolean district) {
        return district ? s.province() + "\u0000" + s.district() : s.province();
    }

    /** The sites the caller may see that match the filter, in id order; a named site not theirs is a 403. */
    public Future<List<Site>> sites(Principal p, Filter f) {
        Future<List<Site>> visible;
        if (f.siteId() != null) {
            visible = access.visible(p, f.siteId()).map(List::of);
        } else if (f.province() != null) {
            // Only the sites of the provinces whose names match, not every site (20,000 of them, read, decoded
            // and compared one by one, took most of a province's report).
            String wanted = norm(f.province());
            visible = access.repository().provinces().compose(names -> access.repository().visibleTo(p,
                    names.stream().filter(n -> norm(n).equals(wanted)).toList()));
        } else {
            visible = access.repository().visibleTo(p);
        }
        String province = f.province() == null ? null : norm(f.province());
        String district = f.district() == null ? null : norm(f.district());
        return visible.map(list -> {
            List<Site> matched = list.stream()
                    .filter(s -> province == null || norm(s.province()).equals(province))
                    .filter(s -> district == null || norm(s.district()).equals(district))
                    .toList();
            if (matched.isEmpty() && (province != null || district != null)) {
                // Nothing matched is not "every site logged something": say that the area holds none of yours.
                throw ApiException.unprocessable("unknown-area", "No site you may see lies in "
                        + (district != null ? "that district" : "that province") + "; pick one from the list")
                        .with("field", district != null ? "district" : "province");
            }
            return matched;
        });
    }

    /**
     * Each site's figures for {@code day} (its own local day) and the roll-ups; sites created after that day
     * are left out unless they have visits on it.
     */
    public Future<Day> day(List<Site> sites, LocalDate day, Instant now, Areas areas) {
        if (sites.isEmpty()) {
            return Future.succeededFuture(new Day(List.of(), Map.of(), new Unique(0, "none")));
        }
        Long[] ids = sites.stream().map(Site::id).toArray(Long[]::new);
        return pool.preparedQuery(COUNTED).execute(Tuple.tuple().addArrayOfLong(ids).addLocalDate(day)).compose(rows -> {
            Set<Long> counted = new HashSet<>();
            rows.forEach(r -> counted.add(r.getLong("id")));
            List<Site> existing = sites.stream().filter(s -> counted.contains(s.id())).toList();
            return new DayQuery(existing, day, now, areas).run();
        });
    }

    /** The sites of one district, one province or all of them, in a report of one day. */
    private record Group(String kind, String province, String district, List<Site> sites) {
        List<Long> ids() {
            return sites.stream().map(Site::id).sorted().toList();
        }
    }

    /**
     * One report day. A day no replay can change any more reads its stored figures (the same function
     * wrote them); a recent day, or an older one with no stored row while its visits are still held, is
     * computed, in one call for the sites and the roll-ups that need it.
     */
    private final class DayQuery {
        private final List<Site> existing;
        private final LocalDate day;
        private final Instant now;
        private final Areas level;
        private final Map<String, Group> areas = new LinkedHashMap<>();
        private final Group all;

        DayQuery(List<Site> existing, LocalDate day, Instant now, Areas level) {
            this.existing = existing;
            this.day = day;
            this.now = now;
            this.level = level;
            if (level != Areas.NONE) {
                boolean district = level == Areas.DISTRICTS;
                for (Site s : existing) {
                    areas.computeIfAbsent(areaKey(s, district), k -> new Group(district ? "district" : "province",
                            s.province(), district ? s.district() : "", new ArrayList<>())).sites().add(s);
                }
            }
            all = new Group("all", "", "", existing);
        }

        Future<Day> run() {
            List<Long> finalIds = existing.stream().filter(s -> isFinal(s, day, now)).map(Site::id).toList();
            return figures(finalIds).compose(fromStats -> storedAreas().compose(stored -> {
                // A roll-up reads its stored count if one counted exactly its sites, else it is computed
                // from the visits if all of them are still held; the call includes every site it needs.
                Map<Group, Unique> counted = new IdentityHashMap<>();
                List<Group> computed = new ArrayList<>();
                Set<Long> live = new LinkedHashSet<>();
                for (Site s : existing) {
                    if (!fromStats.containsKey(s.id()) && isLive(s, day, now)) {
                        live.add(s.id());
                    }
                }
                for (Group g : groups()) {
                    Integer kept = g.sites().stream().allMatch(s -> isFinal(s, day, now)) ? stored.get(g.ids()) : null;
                    if (kept != null) {
                        counted.put(g, new Unique(kept, "aggregates"));
                    } else if (g.sites().size() > 1 && g.sites().stream().allMatch(s -> isLive(s, day, now))) {
                        computed.add(g);
                        g.sites().forEach(s -> live.add(s.id()));
                    }
                }
                return compute(new ArrayList<>(live)).map(fromVisits -> {
                    List<SiteDay> out = new ArrayList<>();
                    Map<Long, SiteDay> byId = new HashMap<>();
                    for (Site s : existing) {
                        DayFigures f = fromStats.get(s.id());
                        String source = "aggregates";
                        if (f == null) {
                            f = fromVisits.sites().get(s.id());
                            source = f == null ? "none" : "visits";
                        }
                        SiteDay sd = new SiteDay(s, day, f == null ? DayFigures.empty() : f, source);
                        out.add(sd);
                        byId.put(s.id(), sd);
                    }
                    for (Group g : computed) {
                        counted.put(g, new Unique(fromVisits.areas().getOrDefault(g.kind() + "\u0000" + g.province()
                                + "\u0000" + g.district(), 0), "visits"));
                    }
                    Map<String, Unique> byArea = new HashMap<>();
                    areas.forEach((k, g) -> byArea.put(k, unique(counted, g, byId)));
                    return new Day(out, byArea, unique(counted, all, byId));
                });
            }));
        }

        private List<Group> groups() {
            List<Group> out = new ArrayList<>(areas.values());
            out.add(all);
            return out;
        }

        /** The roll-up's count; one site's is its own; the sites' counts added up when nothing better is held. */
        private Unique unique(Map<Group, Unique> counted, Group g, Map<Long, SiteDay> byId) {
            Unique u = counted.get(g);
            if (u != null) {
                return u;
            }
            if (g.sites().size() == 1) {
                SiteDay only = byId.get(g.sites().get(0).id());
                return new Unique(only.figures().uniqueVisitors(), only.source());
            }
            return new Unique(g.sites().stream().mapToInt(s -> byId.get(s.id()).figures().uniqueVisitors()).sum(),
                    g.sites().isEmpty() ? "none" : Unique.SUMMED);
        }

        /** Stored roll-ups of the day that may match a group, by the sites they counted (in id order). */
        private Future<Map<List<Long>, Integer>> storedAreas() {
            if (existing.stream().noneMatch(s -> isFinal(s, day, now))) {
                return Future.succeededFuture(Map.of());
            }
            String[] provinces = existing.stream().map(Site::province).distinct().toArray(String[]::new);
            Tuple args = Tuple.tuple().addLocalDate(day).addArrayOfString(provinces).addBoolean(provinces.length > 1);
            return pool.preparedQuery(STORED_AREAS).execute(args).map(rows -> {
                Map<List<Long>, Integer> out = new HashMap<>();
                for (Row r : rows) {
                    out.put(Arrays.asList(r.getArrayOfLongs("site_ids")), r.getInteger("unique_visitors"));
                }
                return out;
            });
        }

        private Future<Map<Long, DayFigures>> figures(List<Long> ids) {
            if (ids.isEmpty()) {
                return Future.succeededFuture(Map.of());
            }
            Tuple args = Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addLocalDate(day);
            return pool.preparedQuery(STORED).execute(args).map(rows -> {
                Map<Long, DayFigures> out = new HashMap<>();
                for (Row r : rows) {
                    out.put(r.getLong("site_id"), DayFigures.from(r));
                }
                return out;
            });
        }

        private record Computed(Map<Long, DayFigures> sites, Map<String, Integer> areas) {
        }

        private Future<Computed> compute(List<Long> ids) {
            if (ids.isEmpty()) {
                return Future.succeededFuture(new Computed(Map.of(), Map.of()));
            }
            // Only the levels this report shows are counted; kinds as in daily_area_stats.
            String[] levels = level == Areas.NONE ? new String[] {"all"}
                    : new String[] {level == Areas.DISTRICTS ? "district" : "province", "all"};
            Tuple args = Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addLocalDate(day)
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)).addArrayOfString(levels);
            return pool.preparedQuery(LIVE).execute(args).map(rows -> {
                Map<Long, DayFigures> sites = new HashMap<>();
                Map<String, Integer> areas = new HashMap<>();
                for (Row r : rows) {
                    String kind = r.getString("area");
                    if (kind == null) {
                        sites.put(r.getLong("site_id"), DayFigures.from(r));
                    } else {
                        areas.put(kind + "\u0000" + r.getString("province") + "\u0000" + r.getString("district"),
                                r.getInteger("unique_visitors"));
                    }
                }
                return new Computed(sites, areas);
            });
        }
    }

    /** Offline replays reach 72 h back: a day ended more than that ago no longer changes. */
    static boolean isFinal(Site s, LocalDate day, Instant now) {
        return day.isBefore(LocalDate.ofInstant(now, s.zone()).minusDays(FINAL_AFTER_DAYS));
    }

    boolean isLive(Site s, LocalDate day, Instant now) {
        int keep = s.retentionDays() != null ? s.retentionDays() : retentionDays;
        LocalDate today = LocalDate.ofInstant(now, s.zone());
        return day.isAfter(today.minusDays(Math.max(0, keep - RETENTION_MARGIN_DAYS)));
    }

    /**
     * Province and district names as compared, as people type them: case, spacing, Unicode form and diacritics
     * aside ("quang tri" is Quảng Trị; no two provinces, nor two districts of one, differ only in their marks).
     */
    static String norm(String s) {
        String bare = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return bare.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
