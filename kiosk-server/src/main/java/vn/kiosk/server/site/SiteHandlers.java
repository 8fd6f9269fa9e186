package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/** Creating, listing and changing sites. */
public final class SiteHandlers {
    private final SiteAccess access;

    public SiteHandlers(SiteAccess access) {
        this.access = access;
    }

    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER);
            JsonObject body = Respond.body(ctx);
            checkFields(body);
            if (p.is(Role.OFFICER) && !inArea(p, body.getString("province"), body.getString("district"))) {
                throw ApiException.forbidden("Officers create sites only in their own area");
            }
            Respond.async(ctx, 201, access.repository().create(body).map(Site::toJson));
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
                if (p.is(Role.OFFICER) && !inArea(p, body.getString("province", site.province()),
                        body.getString("district", site.district()))) {
                    return Future.failedFuture(ApiException.forbidden("Officers keep sites in their own area"));
                }
                return access.repository().update(site, body);
            });
            Respond.async(ctx, 200, updated.map(Site::toJson));
        });
    }

    private static boolean inArea(Principal p, String province, String district) {
        return (p.province() == null || p.province().equalsIgnoreCase(province.strip()))
                && (p.district() == null || p.district().equalsIgnoreCase(district.strip()));
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
