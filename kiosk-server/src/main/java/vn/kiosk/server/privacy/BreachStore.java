package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts a breach notification gives for a period and a set of sites: the data's from the read pool, the
 * audit log's from the primary.
 */
public final class BreachStore {
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

    /** One site's visits in the period, and how many of them hold each category. */
    public record SiteCounts(long siteId, int visits, int people, int statuses, int bluezoneIds, int cccdExtra) {
    }

    /** The people with visits in the period, and how many of them have a phone, an ID number on record. */
    public record People(int people, int phones, int ids) {
    }

    /** The daily statistics' sums over the period's days (they outlive the visits). */
    public record Daily(long entries, long upper) {
    }

    /** One audited action in the period: how often, by how many users, over how many rows. */
    public record AccessCount(String action, int n, int users, long rows) {
    }

    /** Everything counted. */
    public record Counts(List<SiteCounts> perSite, People people, Daily daily, List<AccessCount> access) {
    }

    private final Pool pool;
    private final Pool reads;
    private final Audit audit;

    public BreachStore(Pool pool, Pool reads, Audit audit) {
        this.pool = pool;
        this.reads = reads;
        this.audit = audit;
    }

    /** The counts for {@code siteIds} from {@code from} to {@code to}; the daily statistics' from {@code fromDay} to {@code toDay}. */
    public Future<Counts> counts(List<Long> siteIds, OffsetDateTime from, OffsetDateTime to, LocalDate fromDay,
                                 LocalDate toDay) {
        Long[] ids = siteIds.toArray(Long[]::new);
        Tuple period = Tuple.tuple().addArrayOfLong(ids).addOffsetDateTime(from).addOffsetDateTime(to);
        Tuple days = Tuple.tuple().addArrayOfLong(ids).addLocalDate(fromDay).addLocalDate(toDay);
        return reads.preparedQuery(PER_SITE).execute(period).compose(perSite ->
                reads.preparedQuery(PEOPLE).execute(period).compose(people ->
                        reads.preparedQuery(DAILY).execute(days).compose(daily ->
                                pool.preparedQuery(ACCESS).execute(period).map(access -> {
                                    List<SiteCounts> sites = new ArrayList<>();
                                    for (Row r : perSite) {
                                        sites.add(new SiteCounts(r.getLong("site_id"), r.getInteger("visits"),
                                                r.getInteger("people"), r.getInteger("statuses"),
                                                r.getInteger("bluezone_ids"), r.getInteger("cccd_extra")));
                                    }
                                    Row p = people.iterator().next();
                                    Row d = daily.iterator().next();
                                    List<AccessCount> actions = new ArrayList<>();
                                    for (Row r : access) {
                                        actions.add(new AccessCount(r.getString("action"), r.getInteger("n"),
                                                r.getInteger("users"), r.getLong("rows")));
                                    }
                                    return new Counts(sites, new People(p.getInteger("people"), p.getInteger("phones"),
                                            p.getInteger("ids")), new Daily(d.getLong("entries"), d.getLong("upper")),
                                            actions);
                                }))));
    }

    /** The export's audit entry (outside a transaction, as the export writes nothing else). */
    public Future<Void> exported(long userId, JsonObject detail, int people) {
        return audit.write(pool, userId, "privacy.breach_report", null, detail, people);
    }
}
