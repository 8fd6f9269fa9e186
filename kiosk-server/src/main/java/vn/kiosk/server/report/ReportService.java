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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;

/**
 * Daily figures per site: computed from the visits for recent days (which
 * offline replays may still change), read from daily_site_stats (kept by
 * {@link DailyStatsJob}) for days that are final, in particular once
 * retention has removed their visits. Both come from the same SQL function,
 * kiosk_site_day_stats, so a day reads the same either way.
 */
public final class ReportService {
    private static final String LIVE = "select * from kiosk_site_day_stats($1::bigint[], $2::date, $3::timestamptz)";
    private static final String STORED = "select * from daily_site_stats where day = $2::date and site_id = any($1::bigint[])";
    private static final String CREATED = "select id, created_at from sites where id = any($1::bigint[])";
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

    /** The sites the caller may see that match the filter, in id order; a named site not theirs is a 403. */
    public Future<List<Site>> sites(Principal p, Filter f) {
        Future<List<Site>> visible = f.siteId() != null ? access.visible(p, f.siteId()).map(List::of)
                : access.repository().visibleTo(p);
        return visible.map(list -> list.stream()
                .filter(s -> f.province() == null || same(s.province(), f.province()))
                .filter(s -> f.district() == null || same(s.district(), f.district()))
                .toList());
    }

    /** Each site's figures for {@code day} (its own local day); sites created after that day are left out. */
    public Future<List<SiteDay>> day(List<Site> sites, LocalDate day, Instant now) {
        if (sites.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        Long[] ids = sites.stream().map(Site::id).toArray(Long[]::new);
        return pool.preparedQuery(CREATED).execute(Tuple.tuple().addArrayOfLong(ids)).compose(rows -> {
            Map<Long, OffsetDateTime> created = new HashMap<>();
            rows.forEach(r -> created.put(r.getLong("id"), r.getOffsetDateTime("created_at")));
            List<Site> existing = sites.stream().filter(s -> created.containsKey(s.id())
                    && created.get(s.id()).toInstant().isBefore(day.plusDays(1).atStartOfDay(s.zone()).toInstant())).toList();
            // A day no replay can change any more reads its stored figures (the same function wrote them);
            // a recent day, or an older one with no stored row while its visits are still held, is computed.
            List<Long> stored = new ArrayList<>();
            for (Site s : existing) {
                if (isFinal(s, day, now)) {
                    stored.add(s.id());
                }
            }
            return figures(STORED, stored, day, now).compose(fromStats -> {
                List<Long> live = new ArrayList<>();
                for (Site s : existing) {
                    if (!fromStats.containsKey(s.id()) && isLive(s, day, now)) {
                        live.add(s.id());
                    }
                }
                return figures(LIVE, live, day, now).map(fromVisits -> {
                    List<SiteDay> out = new ArrayList<>();
                    for (Site s : existing) {
                        DayFigures f = fromStats.get(s.id());
                        String source = "aggregates";
                        if (f == null) {
                            f = fromVisits.get(s.id());
                            source = f == null ? "none" : "visits";
                        }
                        out.add(new SiteDay(s, day, f == null ? DayFigures.empty() : f, source));
                    }
                    return out;
                });
            });
        });
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

    private Future<Map<Long, DayFigures>> figures(String sql, List<Long> ids, LocalDate day, Instant now) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        Tuple args = Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addLocalDate(day);
        if (sql == LIVE) {
            args.addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        }
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            Map<Long, DayFigures> out = new HashMap<>();
            for (Row r : rows) {
                out.put(r.getLong("site_id"), DayFigures.from(r));
            }
            return out;
        });
    }

    /** Province and district names compared as people type them: case, spacing and Unicode form aside. */
    static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
