package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/** Renaming a kiosk or public screen, or moving it to another gate (a kiosk also to another mode), from the dashboard. */
public final class KioskEdits {
    private static final String SITE_OF = "select site_id, kind from kiosks where id = $1";
    private static final String UPDATE = "update kiosks set name = coalesce($2, name), gate = coalesce($3, gate),"
            + " mode = coalesce($4, mode) where id = $1 returning id, site_id, name, gate, mode, revoked_at";

    private final Pool pool;
    private final SiteAccess access;

    public KioskEdits(Pool pool, SiteAccess access) {
        this.pool = pool;
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
            Respond.async(ctx, 200, pool.preparedQuery(SITE_OF).execute(Tuple.of(kioskId))
                    .compose(rows -> {
                        if (!rows.iterator().hasNext()) {
                            return Future.failedFuture(ApiException.notFound("Kiosk " + kioskId));
                        }
                        Row device = rows.iterator().next();
                        if ("signage".equals(device.getString("kind")) && b.getString("mode") != null
                                && !"both".equals(b.getString("mode"))) {
                            return Future.failedFuture(ApiException.unprocessable("invalid-field",
                                    "A public screen's code goes either way: it has no mode").with("field", "mode"));
                        }
                        return access.visible(p, device.getLong("site_id"));
                    })
                    .compose(site -> pool.preparedQuery(UPDATE).execute(Tuple.of(kioskId,
                            name == null ? null : name.strip(),
                            b.getString("gate") == null ? null : b.getString("gate").strip(), b.getString("mode"))))
                    .map(rows -> {
                        Row r = rows.iterator().next();
                        return new JsonObject().put("id", r.getLong("id")).put("siteId", r.getLong("site_id"))
                                .put("name", r.getString("name")).put("gate", r.getString("gate"))
                                .put("mode", r.getString("mode")).put("revoked", r.getValue("revoked_at") != null);
                    }));
        });
    }
}
