package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.server.http.ApiException;

/** Legal holds, each placed and released in one transaction with its audit entry. */
public final class HoldStore {
    private static final String INSERT = "insert into legal_holds (site_id, visitor_id, period_from, period_to, kind,"
            + " reference, authority, until, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id";
    private static final String COLUMNS = "h.id, h.site_id, h.visitor_id, h.period_from, h.period_to, h.kind,"
            + " h.reference, h.authority, h.until, h.created_at, h.released_at, c.username as created_by_name,"
            + " r.username as released_by_name, (h.released_at is null and h.until >= ($2::timestamptz at time zone"
            + " s.time_zone)::date) as active";
    private static final String FROM = " from legal_holds h join sites s on s.id = h.site_id"
            + " left join users c on c.id = h.created_by left join users r on r.id = h.released_by";
    private static final String LIST = "select " + COLUMNS + FROM + " where ($1::bigint[] is null or h.site_id = any($1))"
            + " order by active desc, h.until desc, h.id desc limit 500";
    private static final String ONE = "select " + COLUMNS + FROM + " where h.id = $1";
    private static final String RELEASE = "update legal_holds set released_at = $2, released_by = $3"
            + " where id = $1 and released_at is null";

    /** A hold as listed; {@code active} as of the time asked, in its site's time zone. */
    public record Hold(long id, long siteId, Long visitorId, OffsetDateTime from, OffsetDateTime to, String kind,
                       String reference, String authority, LocalDate until, OffsetDateTime createdAt, String createdBy,
                       OffsetDateTime releasedAt, String releasedBy, boolean active) {
    }

    /** What a new hold says: a person ({@code visitorId}) or a period at the site ({@code from}, {@code to}). */
    public record NewHold(long siteId, Long visitorId, OffsetDateTime from, OffsetDateTime to, String kind,
                          String reference, String authority, LocalDate until) {
    }

    private final Pool pool;
    private final Audit audit;

    public HoldStore(Pool pool, Audit audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** Places the hold, audited in its transaction; the hold as stored. */
    public Future<Hold> place(NewHold h, long userId, Instant now) {
        return pool.withTransaction(c -> c.preparedQuery(INSERT).execute(Tuple.tuple().addLong(h.siteId())
                        .addLong(h.visitorId()).addOffsetDateTime(h.from()).addOffsetDateTime(h.to())
                        .addString(h.kind()).addString(h.reference()).addString(h.authority())
                        .addLocalDate(h.until()).addLong(userId))
                .compose(rows -> {
                    long id = rows.iterator().next().getLong(0);
                    return audit.write(c, userId, "privacy.hold_placed", h.siteId(), new JsonObject()
                            .put("holdId", id).put("kind", h.kind()).put("visitorId", h.visitorId())
                            .put("until", h.until().toString()), null)
                            .compose(v -> one(c, id, now));
                }));
    }

    /** The holds of {@code siteIds} (null: all), active ones first. */
    public Future<List<Hold>> list(List<Long> siteIds, Instant now) {
        return pool.preparedQuery(LIST).execute(Tuple.tuple()
                        .addArrayOfLong(siteIds == null ? null : siteIds.toArray(Long[]::new))
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Hold> out = new ArrayList<>();
                    rows.forEach(r -> out.add(from(r)));
                    return out;
                });
    }

    /**
     * Releases the hold, audited in the same transaction; 404 when it is not at one of {@code siteIds}
     * (null: all), 409 hold-released when it was released already.
     */
    public Future<Hold> release(long id, List<Long> siteIds, long userId, Instant now) {
        return pool.withTransaction(c -> one(c, id, now).compose(h -> {
            if (siteIds != null && !siteIds.contains(h.siteId())) {
                return Future.failedFuture(ApiException.notFound("Hold " + id));
            }
            return c.preparedQuery(RELEASE).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), userId))
                    .compose(rows -> rows.rowCount() == 0
                            ? Future.failedFuture(ApiException.conflict("hold-released",
                                    "The hold was released already"))
                            : audit.write(c, userId, "privacy.hold_released", h.siteId(),
                                    new JsonObject().put("holdId", id), null))
                    .compose(v -> one(c, id, now));
        }));
    }

    private static Future<Hold> one(SqlClient c, long id, Instant now) {
        return c.preparedQuery(ONE).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC))).compose(rows -> rows.iterator()
                .hasNext() ? Future.succeededFuture(from(rows.iterator().next()))
                : Future.failedFuture(ApiException.notFound("Hold " + id)));
    }

    private static Hold from(Row r) {
        return new Hold(r.getLong("id"), r.getLong("site_id"), r.getLong("visitor_id"),
                r.getOffsetDateTime("period_from"), r.getOffsetDateTime("period_to"), r.getString("kind"),
                r.getString("reference"), r.getString("authority"), r.getLocalDate("until"),
                r.getOffsetDateTime("created_at"), r.getString("created_by_name"), r.getOffsetDateTime("released_at"),
                r.getString("released_by_name"), r.getBoolean("active"));
    }
}
