package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/** Renaming a kiosk or public screen, or moving it to another gate (a kiosk also to another mode), from the dashboard. */
public final class KioskEdits {
    private final KioskStore kiosks;
    private final SiteAccess access;

    public KioskEdits(KioskStore kiosks, SiteAccess access) {
        this.kiosks = kiosks;
        this.access = access;
    }

    public void update(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long kioskId = Respond.pathLong(ctx, "kioskId");
            JsonObject b = Respond.body(ctx);
            String name = b.getString("name");
            if (name != null && name.isBlank()) {
                throw ApiException.unprocessable("invalid-field", "name must not be blank").with("field", "name");
            }
            String gate = b.getString("gate") == null ? null : b.getString("gate").strip();
            Respond.async(ctx, 200, kiosks.placement(kioskId)
                    .compose(place -> {
                        if (place.isEmpty()) {
                            return Future.failedFuture(ApiException.notFound("Kiosk " + kioskId));
                        }
                        if ("signage".equals(place.get().kind()) && b.getString("mode") != null
                                && !"both".equals(b.getString("mode"))) {
                            return Future.failedFuture(ApiException.unprocessable("invalid-field",
                                    "A public screen's code goes either way: it has no mode").with("field", "mode"));
                        }
                        return access.visible(p, place.get().siteId());
                    })
                    .compose(site -> kiosks.update(kioskId, name == null ? null : name.strip(), gate, b.getString("mode")))
                    .map(edited -> {
                        KioskStore.Device d = edited.orElseThrow();
                        return new JsonObject().put("id", d.id()).put("siteId", d.siteId())
                                .put("name", d.name()).put("gate", d.gate())
                                .put("mode", d.mode()).put("revoked", d.revoked());
                    }));
        });
    }
}
