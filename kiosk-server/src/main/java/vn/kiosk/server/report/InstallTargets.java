package vn.kiosk.server.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteRepository;

/**
 * Install-rate targets: the rate a province or one of its districts aims at and the day it should be reached
 * by. Set (or replaced) and removed by an admin, or by an officer for a place in their area exactly as
 * {@link Principal#covers} says (a district officer's area does not hold their province). Read by whoever sees
 * the place: an officer also reads the target of the province their district lies in, a manager those of their
 * sites' districts and provinces.
 */
public final class InstallTargets {
    static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    private static final String ALL = "select id, province, district, rate::float8 as rate, due_on, set_at"
            + " from install_targets order by lower(province), district nulls first, id";
    private static final String FOR_SITE = "select id, province, district, rate::float8 as rate, due_on, set_at"
            + " from install_targets where lower(province) = lower($1) and (district is null or lower(district) = lower($2))"
            + " order by district nulls last limit 1";
    private static final String UPSERT = "insert into install_targets (province, district, rate, due_on, set_by, set_at)"
            + " values ($1, $2, round($3::float8::numeric, 4), $4, $5, $6)"
            // the area keeps the spelling it was first given
            + " on conflict (lower(province), lower(coalesce(district, ''))) do update set rate = excluded.rate,"
            + " due_on = excluded.due_on, set_by = excluded.set_by, set_at = excluded.set_at"
            + " returning id, province, district, rate::float8 as rate, due_on, set_at, xmax = 0 as created";
    private static final String FIND = "select province, district from install_targets where id = $1";
    private static final String DELETE = "delete from install_targets where id = $1";

    /** One area's target; district null for the whole province. */
    public record Target(long id, String province, String district, double rate, LocalDate dueOn, OffsetDateTime setAt) {
        static Target from(Row r) {
            return new Target(r.getLong("id"), r.getString("province"), r.getString("district"), r.getDouble("rate"),
                    r.getLocalDate("due_on"), r.getOffsetDateTime("set_at"));
        }

        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("province", province).put("district", district).put("rate", rate)
                    .put("dueOn", dueOn.toString()).put("setAt", setAt.toString());
        }

        /** Whether this is the target of that place itself (names compared as reports compare them). */
        boolean isOf(String placeProvince, String placeDistrict) {
            return ReportService.norm(province).equals(ReportService.norm(placeProvince))
                    && (district == null ? placeDistrict == null
                    : placeDistrict != null && ReportService.norm(district).equals(ReportService.norm(placeDistrict)));
        }
    }

    private final Pool pool;
    private final SiteRepository sites;
    private final Clock clock;

    public InstallTargets(Pool pool, SiteRepository sites, Clock clock) {
        this.pool = pool;
        this.sites = sites;
        this.clock = clock;
    }

    /** Every target, by province then district (the province's own first). */
    public Future<List<Target>> all() {
        return pool.query(ALL).execute().map(rows -> {
            List<Target> out = new ArrayList<>();
            rows.forEach(r -> out.add(Target.from(r)));
            return out;
        });
    }

    /** The target a site works towards: its district's, else its province's. */
    public Future<Optional<Target>> forSite(Site s) {
        return pool.preparedQuery(FOR_SITE).execute(Tuple.of(s.province(), s.district()))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Target.from(rows.iterator().next())) : Optional.empty());
    }

    /** Of a list of targets, the one for a district: its own, else its province's. */
    public static Optional<Target> forDistrict(List<Target> targets, String province, String district) {
        return targets.stream().filter(t -> t.isOf(province, district)).findFirst()
                .or(() -> targets.stream().filter(t -> t.isOf(province, null)).findFirst());
    }

    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Future<List<Site>> own = p.is(Role.MANAGER) ? sites.visibleTo(p) : Future.succeededFuture(List.of());
        Respond.async(ctx, 200, own.compose(mine -> all().map(targets -> {
            JsonArray items = new JsonArray();
            targets.stream().filter(t -> readable(p, t, mine)).forEach(t -> items.add(t.toJson()));
            return new JsonObject().put("items", items);
        })));
    }

    private static boolean readable(Principal p, Target t, List<Site> mine) {
        return switch (p.role()) {
            case ADMIN -> true;
            // their area and what lies in it, and the province their district belongs to
            case OFFICER -> p.covers(t.province(), t.district())
                    || t.district() == null && p.province() != null && t.isOf(p.province(), null);
            case MANAGER -> mine.stream().anyMatch(s -> t.isOf(s.province(), s.district()) || t.isOf(s.province(), null));
            default -> false;
        };
    }

    /** Sets the target of a place, replacing any it had: 201 for a new one, 200 for a replaced one. */
    public void set(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER);
            JsonObject b = Respond.body(ctx);
            String province = b.getString("province").strip();
            String district = b.getString("district") == null ? null : b.getString("district").strip();
            if (province.isEmpty()) {
                throw ApiException.unprocessable("invalid-field", "province must not be blank").with("field", "province");
            }
            if (district != null && district.isEmpty()) {
                throw ApiException.unprocessable("invalid-field", "district must not be blank; leave it out for the"
                        + " whole province").with("field", "district");
            }
            double rate = b.getNumber("rate").doubleValue();
            LocalDate due = dueOn(b.getString("dueOn"));
            if (!p.covers(province, district)) {
                String place = district == null ? province : district + ", " + province;
                throw ApiException.forbidden("A target for " + place + " is outside your area");
            }
            Tuple args = Tuple.tuple().addString(province).addString(district).addDouble(rate).addLocalDate(due)
                    .addLong(p.userId()).addOffsetDateTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            pool.preparedQuery(UPSERT).execute(args).onSuccess(rows -> {
                Row r = rows.iterator().next();
                Respond.json(ctx, r.getBoolean("created") ? 201 : 200, Target.from(r).toJson());
            }).onFailure(ctx::fail);
        });
    }

    public void delete(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER);
            long id = Respond.pathLong(ctx, "targetId");
            Respond.async(ctx, 204, pool.preparedQuery(FIND).execute(Tuple.of(id)).compose(rows -> {
                if (!rows.iterator().hasNext()) {
                    return Future.failedFuture(ApiException.notFound("Target " + id));
                }
                Row r = rows.iterator().next();
                if (!p.covers(r.getString("province"), r.getString("district"))) {
                    return Future.failedFuture(ApiException.forbidden("This target is outside your area"));
                }
                return pool.preparedQuery(DELETE).execute(Tuple.of(id)).map(x -> null);
            }));
        });
    }

    private static LocalDate dueOn(String raw) {
        try {
            LocalDate d = LocalDate.parse(raw);
            if (d.isBefore(ReportHandlers.FIRST_DAY) || d.isAfter(LAST_DAY)) {
                throw ApiException.unprocessable("invalid-date", "dueOn must be a day from 2020-01-01 to 2100-12-31")
                        .with("field", "dueOn");
            }
            return d;
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.unprocessable("invalid-date", "dueOn must be a date like 2021-09-30").with("field", "dueOn");
        }
    }
}
