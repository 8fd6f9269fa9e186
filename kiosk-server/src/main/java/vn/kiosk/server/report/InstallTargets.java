package vn.kiosk.server.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.report.TargetStore.Target;
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

    private final TargetStore targets;
    private final SiteRepository sites;
    private final Clock clock;

    public InstallTargets(TargetStore targets, SiteRepository sites, Clock clock) {
        this.targets = targets;
        this.sites = sites;
        this.clock = clock;
    }

    /** A target as the API shows it. */
    public static JsonObject json(Target t) {
        return new JsonObject().put("id", t.id()).put("province", t.province()).put("district", t.district())
                .put("rate", t.rate()).put("dueOn", t.dueOn().toString()).put("setAt", t.setAt().toString());
    }

    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Future<List<Site>> own = p.is(Role.MANAGER) ? sites.visibleTo(p) : Future.succeededFuture(List.of());
        Respond.async(ctx, 200, own.compose(mine -> targets.all().map(all -> {
            JsonArray items = new JsonArray();
            all.stream().filter(t -> readable(p, t, mine)).forEach(t -> items.add(json(t)));
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
            targets.set(province, district, rate, due, p.userId(),
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).onSuccess(saved ->
                    Respond.json(ctx, saved.created() ? 201 : 200, json(saved.target()))).onFailure(ctx::fail);
        });
    }

    public void delete(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER);
            long id = Respond.pathLong(ctx, "targetId");
            Respond.async(ctx, 204, targets.area(id).compose(area -> {
                if (area.isEmpty()) {
                    return Future.failedFuture(ApiException.notFound("Target " + id));
                }
                if (!p.covers(area.get().province(), area.get().district())) {
                    return Future.failedFuture(ApiException.forbidden("This target is outside your area"));
                }
                return targets.delete(id).map(x -> null);
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
