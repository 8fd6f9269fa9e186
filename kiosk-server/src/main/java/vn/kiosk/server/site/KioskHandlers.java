package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
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
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final KioskStore kiosks;
    private final SiteAccess access;
    private final EventRelay relay;

    public KioskHandlers(KioskStore kiosks, SiteAccess access, EventRelay relay) {
        this.kiosks = kiosks;
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
                    kiosks.create(site.id(), body.getString("name").strip(), body.getString("gate", "").strip(), mode,
                                    AuthService.sha256(code), kind)
                            .map(k -> new JsonObject().put("id", k.id())
                                    .put("siteId", site.id()).put("name", body.getString("name").strip())
                                    .put("gate", body.getString("gate", "")).put("mode", mode).put("kind", kind)
                                    .put("pairingCode", code)
                                    .put("pairingExpiresAt", k.pairingExpiresAt().withOffsetSameInstant(ZoneOffset.UTC).toString())));
            Respond.async(ctx, 201, created);
        });
    }

    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
        Respond.async(ctx, 200, access.visible(p, Respond.pathLong(ctx, "siteId"))
                .compose(site -> kiosks.ofSite(site.id()))
                .map(all -> {
                    JsonArray items = new JsonArray();
                    for (KioskStore.Status k : all) {
                        items.add(new JsonObject().put("id", k.id()).put("name", k.name())
                                .put("gate", k.gate()).put("mode", k.mode()).put("kind", k.kind())
                                .put("paired", k.paired()).put("revoked", k.revoked()).put("online", k.online())
                                .put("lastSeenAt", str(k.lastSeenAt())).put("appVersion", k.appVersion())
                                .put("queued", k.queued()).put("battery", k.battery()).put("silent", k.silent()));
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
        byte[] codeHash = AuthService.sha256(code);
        Respond.async(ctx, 200, kiosks.pair(codeHash, AuthService.sha256(deviceToken), secret, kind)
                .compose(paired -> paired.isPresent() ? Future.succeededFuture(paired.get())
                        : kiosks.pairableKind(codeHash).compose(other -> Future.failedFuture(other.isPresent()
                                ? otherKind(other.get())
                                : ApiException.of(404, "pairing-code-unknown", "Unknown pairing code",
                                        "The pairing code is wrong, expired or already used"))))
                .map(d -> new JsonObject().put("kioskId", d.id())
                        .put("siteId", d.siteId()).put("name", d.name())
                        .put("gate", d.gate()).put("mode", d.mode()).put("kind", d.kind())
                        .put("deviceToken", deviceToken)
                        .put("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))));
    }

    public void revoke(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        long kioskId = Respond.pathLong(ctx, "kioskId");
        Respond.async(ctx, 200, kiosks.placement(kioskId)
                .compose(place -> place.isPresent() ? access.visible(p, place.get().siteId())
                        : Future.failedFuture(ApiException.notFound("Kiosk " + kioskId)))
                .compose(site -> kiosks.revoke(kioskId))
                .map(v -> new JsonObject().put("id", kioskId).put("revoked", true)));
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
        // The server's clock comes back so a kiosk can keep its rotating codes in step.
        Respond.async(ctx, 200, kiosks.heartbeat(p.id(), body.getString("appVersion"), body.getInteger("queued"),
                        battery == null ? null : battery.floatValue())
                .compose(beat -> beat.isPresent() && beat.get().wasSilent()
                        ? relay.publish(KioskWatch.back(beat.get().siteId(), p.id(), beat.get().name(), beat.get().gate(),
                                beat.get().lastSeenAt().toString()))
                        : Future.<Void>succeededFuture())
                .map(x -> new JsonObject().put("serverTime", java.time.Instant.now().toString())));
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
