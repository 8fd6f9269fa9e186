package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
    private final HoldStore store;
    private final SiteAccess access;
    private final Subjects subjects;
    private final Scope scope;
    private final Clock clock;

    public Holds(HoldStore store, SiteAccess access, Subjects subjects, Clock clock) {
        this.store = store;
        this.access = access;
        this.subjects = subjects;
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
                    return store.place(new HoldStore.NewHold(site.id(), visitor.orElse(null), person ? null : from,
                            person ? null : to, b.getString("kind"), b.getString("reference").strip(),
                            b.getString("authority"), until), p.userId(), now).map(Holds::json);
                });
            }));
        });
    }

    /** {@code GET /api/v1/privacy/holds}: the holds of the caller's sites, active ones first. */
    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Instant now = clock.instant();
        Respond.async(ctx, 200, scope.siteIds(p).compose(ids -> store.list(ids, now)).map(holds -> {
            JsonArray items = new JsonArray();
            holds.forEach(h -> items.add(json(h)));
            return new JsonObject().put("items", items);
        }));
    }

    /** {@code POST /api/v1/privacy/holds/{holdId}/release}. */
    public void release(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "holdId");
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(mine -> store.release(id, mine, p.userId(), now))
                    .map(Holds::json));
        });
    }

    private static JsonObject json(HoldStore.Hold h) {
        return new JsonObject().put("id", h.id()).put("siteId", h.siteId()).put("visitorId", h.visitorId())
                .put("from", text(h.from())).put("to", text(h.to())).put("kind", h.kind())
                .put("reference", h.reference()).put("authority", h.authority()).put("until", h.until().toString())
                .put("createdAt", text(h.createdAt())).put("createdBy", h.createdBy())
                .put("releasedAt", text(h.releasedAt())).put("releasedBy", h.releasedBy()).put("active", h.active());
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
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
