package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import vn.kiosk.server.auth.AuthService;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.visitor.Keys;

/**
 * Kiosks and public screens (kinds "kiosk" and "signage" of one table): created with a one-time pairing code,
 * paired once by a device of that kind, then known by a device token.
 */
public final class KioskHandlers {
    public static final int ONLINE_SECONDS = 90;
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final String INSERT = "insert into kiosks (site_id, name, gate, mode, pairing_code_hash,"
            + " pairing_expires_at, kind) values ($1, $2, $3, $4, $5, now() + interval '24 hours', $6) returning id";
    private static final String LIST = "select id, name, gate, mode, kind, paired_at, revoked_at, last_seen_at, app_version,"
            + " queued, battery, silent_alerted_for is not null and silent_alerted_for = last_seen_at as silent,"
            + " last_seen_at > now() - make_interval(secs => " + ONLINE_SECONDS + ") as online"
            + " from kiosks where site_id = $1 order by id";
    private static final String PAIR = "update kiosks set paired_at = now(), pairing_code_hash = null,"
            + " device_token_hash = $2, secret = $3, last_seen_at = now()"
            + " where pairing_code_hash = $1 and paired_at is null and revoked_at is null and pairing_expires_at > now()"
            + " and kind = $4 returning id, site_id, name, gate, mode, kind";
    private static final String PAIRABLE_KIND = "select kind from kiosks where pairing_code_hash = $1"
            + " and paired_at is null and revoked_at is null and pairing_expires_at > now()";
    private static final String SITE_OF = "select site_id from kiosks where id = $1";
    private static final String REVOKE = "update kiosks set revoked_at = coalesce(revoked_at, now()),"
            + " device_token_hash = null, pairing_code_hash = null where id = $1 returning id";
    // Also says whether this heartbeat ends a silence that raised an alert, so the site hears it is back.
    private static final String HEARTBEAT = "update kiosks k set last_seen_at = now(),"
            + " app_version = coalesce($2, k.app_version), queued = $3, battery = $4"
            + " from (select id, silent_alerted_for is not null and silent_alerted_for = last_seen_at as was_silent"
            + " from kiosks where id = $1 for update) old"
            + " where k.id = old.id returning k.site_id, k.name, k.gate, k.last_seen_at, old.was_silent";

    private final Pool pool;
    private final SiteAccess access;
    private final EventRelay relay;

    public KioskHandlers(Pool pool, SiteAccess access, EventRelay relay) {
        this.pool = pool;
        this.access = access;
        this.relay = relay;
    }

    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            JsonObject body = Respond.body(ctx);
            if (body.getString("name").isBlank()) {
                throw ApiException.unprocessable("invalid-field", "name must not be blank").with("field", "name");
            }
            String kind = body.getString("kind", "kiosk");
            String mode = body.getString("mode", "both");
            if ("signage".equals(kind) && !"both".equals(mode)) {
                throw ApiException.unprocessable("invalid-field", "A public screen's code goes either way: it has no mode")
                        .with("field", "mode");
            }
            String code = pairingCode();
            Future<JsonObject> created = access.visible(p, Respond.pathLong(ctx, "siteId")).compose(site ->
                    pool.preparedQuery(INSERT).execute(Tuple.of(site.id(), body.getString("name").strip(),
                                    body.getString("gate", "").strip(), mode,
                                    Buffer.buffer(AuthService.sha256(code)), kind))
                            .map(rows -> new JsonObject().put("id", rows.iterator().next().getLong("id"))
                                    .put("siteId", site.id()).put("name", body.getString("name").strip())
                                    .put("gate", body.getString("gate", "")).put("mode", mode).put("kind", kind)
                                    .put("pairingCode", code)
                                    .put("pairingExpiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(24).withNano(0).toString())));
            Respond.async(ctx, 201, created);
        });
    }

    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
        Respond.async(ctx, 200, access.visible(p, Respond.pathLong(ctx, "siteId"))
                .compose(site -> pool.preparedQuery(LIST).execute(Tuple.of(site.id())))
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    for (Row r : rows) {
                        items.add(new JsonObject().put("id", r.getLong("id")).put("name", r.getString("name"))
                                .put("gate", r.getString("gate")).put("mode", r.getString("mode"))
                                .put("kind", r.getString("kind"))
                                .put("paired", r.getValue("paired_at") != null)
                                .put("revoked", r.getValue("revoked_at") != null)
                                .put("online", Boolean.TRUE.equals(r.getBoolean("online")) && r.getValue("revoked_at") == null)
                                .put("lastSeenAt", str(r.getOffsetDateTime("last_seen_at")))
                                .put("appVersion", r.getString("app_version"))
                                .put("queued", r.getInteger("queued"))
                                .put("battery", r.getValue("battery") == null ? null : r.getFloat("battery").doubleValue())
                                .put("silent", Boolean.TRUE.equals(r.getBoolean("silent"))));
                    }
                    return new JsonObject().put("items", items);
                }));
    }

    /**
     * A code pairs only a device of its own kind (a kiosk tablet asks for "kiosk", the default; a public screen for
     * "signage"): typed into the other kind of screen it is refused with 409 and stays unused.
     */
    public void pair(RoutingContext ctx) {
        JsonObject body = Respond.body(ctx);
        String code = body.getString("pairingCode").replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        String kind = body.getString("kind", "kiosk");
        String deviceToken = AuthService.newDeviceToken();
        byte[] secret = Keys.random(32);
        Buffer codeHash = Buffer.buffer(AuthService.sha256(code));
        Respond.async(ctx, 200, pool.preparedQuery(PAIR)
                .execute(Tuple.of(codeHash, Buffer.buffer(AuthService.sha256(deviceToken)), Buffer.buffer(secret), kind))
                .compose(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return pool.preparedQuery(PAIRABLE_KIND).execute(Tuple.of(codeHash)).compose(other -> Future
                                .failedFuture(other.iterator().hasNext() ? otherKind(other.iterator().next().getString("kind"))
                                        : ApiException.of(404, "pairing-code-unknown", "Unknown pairing code",
                                                "The pairing code is wrong, expired or already used")));
                    }
                    Row r = rows.iterator().next();
                    return Future.succeededFuture(new JsonObject().put("kioskId", r.getLong("id"))
                            .put("siteId", r.getLong("site_id")).put("name", r.getString("name"))
                            .put("gate", r.getString("gate")).put("mode", r.getString("mode")).put("kind", r.getString("kind"))
                            .put("deviceToken", deviceToken)
                            .put("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
                }));
    }

    public void revoke(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        long kioskId = Respond.pathLong(ctx, "kioskId");
        Respond.async(ctx, 200, pool.preparedQuery(SITE_OF).execute(Tuple.of(kioskId))
                .compose(rows -> rows.iterator().hasNext()
                        ? access.visible(p, rows.iterator().next().getLong("site_id"))
                        : Future.failedFuture(ApiException.notFound("Kiosk " + kioskId)))
                .compose(site -> pool.preparedQuery(REVOKE).execute(Tuple.of(kioskId)))
                .map(rows -> new JsonObject().put("id", kioskId).put("revoked", true)));
    }

    public void self(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.KIOSK);
        long siteId = p.siteIds().iterator().next();
        Respond.async(ctx, 200, access.visible(p, siteId).map(site -> new JsonObject()
                .put("kioskId", p.id()).put("gate", p.gate()).put("mode", p.kioskMode()).put("site", site.toJson())));
    }

    /** Kiosks and public screens alike: the fleet watch tells the site when either falls silent. */
    public void heartbeat(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.KIOSK, Role.SIGNAGE);
        JsonObject body = Respond.body(ctx);
        Number battery = body.getNumber("battery");
        Tuple args = Tuple.of(p.id(), body.getString("appVersion"), body.getInteger("queued"),
                battery == null ? null : battery.floatValue());
        // The server's clock comes back so a kiosk can keep its rotating codes in step.
        Respond.async(ctx, 200, pool.preparedQuery(HEARTBEAT).execute(args).compose(rows -> {
            Row r = rows.iterator().hasNext() ? rows.iterator().next() : null;
            return r != null && Boolean.TRUE.equals(r.getBoolean("was_silent"))
                    ? relay.publish(KioskWatch.back(r.getLong("site_id"), p.id(), r.getString("name"), r.getString("gate"),
                            r.getOffsetDateTime("last_seen_at").toString()))
                    : Future.<Void>succeededFuture();
        }).map(x -> new JsonObject().put("serverTime", java.time.Instant.now().toString())));
    }

    private static ApiException otherKind(String kind) {
        return ApiException.of(409, "pairing-code-other-kind", "Pairing code of another kind of device",
                "signage".equals(kind) ? "This code pairs a public screen: open /screen on the screen and enter it there"
                        : "This code pairs a kiosk: open /kiosk on the tablet and enter it there").with("field", "pairingCode");
    }

    static String pairingCode() {
        byte[] random = Keys.random(8);
        StringBuilder sb = new StringBuilder();
        for (byte b : random) {
            sb.append(CODE_ALPHABET.charAt((b & 0xff) % CODE_ALPHABET.length()));
        }
        return sb.toString();
    }

    private static String str(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
