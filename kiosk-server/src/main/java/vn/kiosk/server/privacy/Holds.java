package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;

/**
 * Legal holds: an active contact trace or an authority's written request (with its reference and until-date)
 * under which a person's data, or everyone's at a site in a period, must be kept. A hold blocks deletion on
 * request; it ends at its until-date or when released.
 */
public final class Holds {
    static final int MAX_YEARS = 5;
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

    private final Pool pool;
    private final SiteAccess access;
    private final Subjects subjects;
    private final Audit audit;
    private final Scope scope;
    private final Clock clock;

    public Holds(Pool pool, SiteAccess access, Subjects subjects, Audit audit, Clock clock) {
        this.pool = pool;
        this.access = access;
        this.subjects = subjects;
        this.audit = audit;
        this.scope = new Scope(access.repository());
        this.clock = clock;
    }

    /** {@code POST /api/v1/privacy/holds}. */
    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            JsonObject b = Respond.body(ctx);
            Instant now = clock.instant();
            OffsetDateTime from = time(b, "from");
            OffsetDateTime to = time(b, "to");
            boolean person = b.containsKey("phone") || b.containsKey("idNumber") || b.containsKey("visitorId");
            if (!person && (from == null || to == null || !from.isBefore(to))) {
                throw ApiException.unprocessable("hold-scope", "A hold names a person (phone, idNumber or visitorId)"
                        + " or a period at the site (from before to)").with("field", "from");
            }
            Respond.async(ctx, 201, access.visible(p, b.getLong("siteId")).compose(site -> {
                LocalDate until = until(b.getString("until"), site, now);
                Future<Optional<Long>> who = !person ? Future.succeededFuture(Optional.empty())
                        : b.containsKey("visitorId") ? Future.succeededFuture(Optional.of(b.getLong("visitorId")))
                        : subjects.find(b.containsKey("phone") ? new JsonObject().put("phone", b.getString("phone"))
                                : new JsonObject().put("idNumber", b.getString("idNumber")));
                return who.compose(visitor -> {
                    if (person && visitor.isEmpty()) {
                        return Future.failedFuture(ApiException.of(404, "no-data", "No data held",
                                "No one with that number is on record"));
                    }
                    return pool.withTransaction(c -> c.preparedQuery(INSERT).execute(Tuple.tuple().addLong(site.id())
                                    .addLong(visitor.orElse(null)).addOffsetDateTime(person ? null : from)
                                    .addOffsetDateTime(person ? null : to).addString(b.getString("kind"))
                                    .addString(b.getString("reference").strip()).addString(b.getString("authority"))
                                    .addLocalDate(until).addLong(p.userId()))
                            .compose(rows -> {
                                long id = rows.iterator().next().getLong(0);
                                return audit.write(c, p.userId(), "privacy.hold_placed", site.id(), new JsonObject()
                                        .put("holdId", id).put("kind", b.getString("kind"))
                                        .put("visitorId", visitor.orElse(null)).put("until", until.toString()), null)
                                        .compose(v -> one(c, id, now));
                            }));
                });
            }));
        });
    }

    /** {@code GET /api/v1/privacy/holds}: the holds of the caller's sites, active ones first. */
    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Instant now = clock.instant();
        Respond.async(ctx, 200, scope.siteIds(p).compose(ids -> pool.preparedQuery(LIST)
                .execute(Tuple.tuple().addArrayOfLong(ids == null ? null : ids.toArray(Long[]::new))
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    rows.forEach(r -> items.add(json(r)));
                    return new JsonObject().put("items", items);
                })));
    }

    /** {@code POST /api/v1/privacy/holds/{holdId}/release}. */
    public void release(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "holdId");
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(mine -> pool.withTransaction(c -> one(c, id, now)
                    .compose(h -> {
                        if (mine != null && !mine.contains(h.getLong("siteId"))) {
                            return Future.failedFuture(ApiException.notFound("Hold " + id));
                        }
                        return c.preparedQuery(RELEASE).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), p.userId()))
                                .compose(rows -> rows.rowCount() == 0
                                        ? Future.failedFuture(ApiException.conflict("hold-released",
                                                "The hold was released already"))
                                        : audit.write(c, p.userId(), "privacy.hold_released", h.getLong("siteId"),
                                                new JsonObject().put("holdId", id), null))
                                .compose(v -> one(c, id, now));
                    }))));
        });
    }

    private Future<JsonObject> one(io.vertx.sqlclient.SqlClient c, long id, Instant now) {
        return c.preparedQuery(ONE).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC))).compose(rows -> rows.iterator()
                .hasNext() ? Future.succeededFuture(json(rows.iterator().next()))
                : Future.failedFuture(ApiException.notFound("Hold " + id)));
    }

    private static JsonObject json(Row r) {
        return new JsonObject().put("id", r.getLong("id")).put("siteId", r.getLong("site_id"))
                .put("visitorId", r.getLong("visitor_id")).put("from", Subjects.text(r, "period_from"))
                .put("to", Subjects.text(r, "period_to")).put("kind", r.getString("kind"))
                .put("reference", r.getString("reference")).put("authority", r.getString("authority"))
                .put("until", r.getLocalDate("until").toString()).put("createdAt", Subjects.text(r, "created_at"))
                .put("createdBy", r.getString("created_by_name")).put("releasedAt", Subjects.text(r, "released_at"))
                .put("releasedBy", r.getString("released_by_name")).put("active", r.getBoolean("active"));
    }

    private static OffsetDateTime time(JsonObject b, String field) {
        String v = b.getString(field);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeException e) {
            throw ApiException.unprocessable("invalid-time", field + " must be an ISO-8601 time with an offset")
                    .with("field", field);
        }
    }

    private static LocalDate until(String text, Site site, Instant now) {
        LocalDate today = now.atZone(site.zone()).toLocalDate();
        LocalDate until;
        try {
            until = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.unprocessable("invalid-date", "until must be a date (yyyy-mm-dd)").with("field", "until");
        }
        if (until.isBefore(today) || until.isAfter(today.plusYears(MAX_YEARS))) {
            throw ApiException.unprocessable("invalid-date", "until must lie between today and " + MAX_YEARS
                    + " years ahead").with("field", "until");
        }
        return until;
    }
}
