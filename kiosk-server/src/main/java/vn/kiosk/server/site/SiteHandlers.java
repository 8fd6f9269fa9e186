package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/** Creating, listing and changing sites. */
public final class SiteHandlers {
    private final SiteAccess access;
    private final Clock clock;

    public SiteHandlers(SiteAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER);
            JsonObject body = Respond.body(ctx);
            checkFields(body);
            if (!p.covers(body.getString("province"), body.getString("district"))) {
                throw ApiException.forbidden("Officers create sites only in their own area");
            }
            Respond.async(ctx, 201, access.repository().create(body, OffsetDateTime.now(clock)).map(Site::toJson));
        });
    }

    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx);
        Respond.async(ctx, 200, access.repository().visibleTo(p).map(sites -> {
            JsonArray items = new JsonArray();
            sites.forEach(s -> items.add(s.toJson()));
            return new JsonObject().put("items", items);
        }));
    }

    public void get(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx);
        Respond.async(ctx, 200, access.visible(p, Respond.pathLong(ctx, "siteId")).map(Site::toJson));
    }

    public void update(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            JsonObject body = Respond.body(ctx);
            checkFields(body);
            Future<Site> updated = access.visible(p, Respond.pathLong(ctx, "siteId")).compose(site -> {
                String province = body.getString("province", site.province()).strip();
                String district = body.getString("district", site.district()).strip();
                boolean moves = !province.equals(site.province()) || !district.equals(site.district());
                if (p.is(Role.MANAGER) && moves) {
                    return Future.failedFuture(ApiException.forbidden(
                            "A manager cannot move a site to another province or district; an officer of its area can"));
                }
                // An officer changes a site only inside their area, and moves it only to a place still inside it.
                if (p.is(Role.OFFICER) && !(p.covers(site.province(), site.district()) && p.covers(province, district))) {
                    return Future.failedFuture(ApiException.forbidden("Officers keep sites in their own area"));
                }
                return access.repository().update(site, body);
            });
            Respond.async(ctx, 200, updated.map(Site::toJson));
        });
    }

    private static void checkFields(JsonObject body) {
        for (String key : new String[] {"name", "province", "district"}) {
            if (body.containsKey(key) && body.getString(key).isBlank()) {
                throw ApiException.unprocessable("invalid-field", key + " must not be blank").with("field", key);
            }
        }
        if (body.containsKey("timeZone")) {
            try {
                ZoneId.of(body.getString("timeZone"));
            } catch (DateTimeException e) {
                throw ApiException.unprocessable("invalid-field", "timeZone is not a known time zone")
                        .with("field", "timeZone");
            }
        }
        JsonObject hours = body.getJsonObject("openingHours");
        if (hours != null && hours.getString("opens").equals(hours.getString("closes"))) {
            throw ApiException.unprocessable("invalid-field", "openingHours must not open and close at the same time")
                    .with("field", "openingHours");
        }
    }
}
