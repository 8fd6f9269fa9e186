package vn.kiosk.server.qr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.kiosk.qr.Ed25519Keys;
import vn.kiosk.qr.PosterContent;
import vn.kiosk.qr.PosterNotice;
import vn.kiosk.qr.PosterPdf;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.privacy.Notices;
import vn.kiosk.server.site.KioskStore;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.ServerKeys;

/** QR codes and posters. Image and PDF work runs on worker threads, never on the event loop. */
public final class QrHandlers {
    public static final String CHECKIN_PATH = "/c/";
    private static final int PNG_CACHE = 512;

    private final Vertx vertx;
    private final KioskStore kiosks;
    private final SiteAccess access;
    private final ServerKeys keys;
    private final String publicUrl;
    private final Map<String, byte[]> pngCache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
                    return size() > PNG_CACHE;
                }
            });

    private final Notices notices;

    public QrHandlers(Vertx vertx, KioskStore kiosks, SiteAccess access, ServerKeys keys, String publicUrl, Notices notices) {
        this.notices = notices;
        this.vertx = vertx;
        this.kiosks = kiosks;
        this.access = access;
        this.keys = keys;
        this.publicUrl = publicUrl;
    }

    public String posterUrl(Site site) {
        return publicUrl + CHECKIN_PATH + SiteToken.forPoster(site.id(), site.posterGeneration(), keys.poster());
    }

    public void kioskQr(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.KIOSK);
        Respond.async(ctx, 200, kiosks.secret(p.id()).map(found -> {
            byte[] secret = found.orElseThrow();
            Instant now = Instant.now();
            return new JsonObject()
                    .put("payload", publicUrl + CHECKIN_PATH + SiteToken.forKiosk(p.id(), secret, now))
                    .put("expiresAt", SiteToken.expiresAt(SiteToken.stepOf(now), 0).toString())
                    .put("stepSeconds", SiteToken.STEP.toSeconds());
        }));
    }

    public void siteSvg(RoutingContext ctx) {
        withSite(ctx).onSuccess(site -> ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=300").end(QrCodes.svg(posterUrl(site), true)))
                .onFailure(ctx::fail);
    }

    public void sitePng(RoutingContext ctx) {
        int size;
        try {
            size = (int) Respond.queryLong(ctx, "size", 512, 64, 2048);
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        withSite(ctx).compose(site -> png(posterUrl(site), size))
                .onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png")
                        .putHeader("Cache-Control", "private, max-age=300").end(Buffer.buffer(png)))
                .onFailure(ctx::fail);
    }

    public void poster(RoutingContext ctx) {
        withSite(ctx).compose(site -> notices.current().compose(n -> vertx.executeBlocking(
                                () -> PosterPdf.render(content(site, notices.rendered(n, site))), false))
                        .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
                                .putHeader("Content-Disposition", "inline; filename=\"poster-site-" + site.id() + ".pdf\"")
                                .end(Buffer.buffer(pdf))))
                .onFailure(ctx::fail);
    }

    public void decode(RoutingContext ctx) {
        Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD, Role.KIOSK);
        byte[] image = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (image.length == 0) {
            ctx.fail(ApiException.badRequest("empty-image", "Send a JPEG or PNG camera frame as the body"));
            return;
        }
        Respond.async(ctx, 200, vertx.executeBlocking(() -> {
            try {
                return new JsonObject().put("text", QrCodes.decode(image).orElse(null));
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw ApiException.unprocessable("invalid-image", "The body is not a readable JPEG or PNG of a sane size");
            }
        }, false));
    }

    public void render(RoutingContext ctx) {
        String text = ctx.request().getParam("text");
        if (text == null || text.isEmpty() || text.length() > 600) {
            ctx.fail(ApiException.badRequest("invalid-request", "text must be 1 to 600 characters"));
            return;
        }
        ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=60").end(QrCodes.svg(text));
    }

    public void passKey(RoutingContext ctx) {
        Respond.json(ctx, 200, new JsonObject().put("algorithm", "Ed25519").put("publicKey",
                Base64.getUrlEncoder().withoutPadding().encodeToString(Ed25519Keys.rawPublic(keys.pass().getPublic()))));
    }

    private Future<byte[]> png(String text, int size) {
        String key = size + "|" + text;
        byte[] cached = pngCache.get(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return vertx.executeBlocking(() -> {
            byte[] png = QrCodes.png(text, size);
            pngCache.put(key, png);
            return png;
        }, false);
    }

    private Future<Site> withSite(RoutingContext ctx) {
        try {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            return access.visible(p, Respond.pathLong(ctx, "siteId"));
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
    }

    private PosterContent content(Site site, JsonObject notice) {
        boolean thanhHoa = Normalizer.normalize(site.province(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .contains("thanh hóa");
        return new PosterContent(site.name(), site.address(), posterUrl(site),
                thanhHoa ? "Smart Thanh Hóa" : null, null, posterNotice(notice));
    }

    /** The privacy notice the visitor agrees to, as the poster prints it (Vietnamese, then English). */
    static PosterNotice posterNotice(JsonObject n) {
        JsonObject vi = n.getJsonObject("vi");
        JsonObject en = n.getJsonObject("en");
        JsonObject keeps = n.getJsonObject("cccdKeeps");
        return new PosterNotice(n.getInteger("version"), n.getString("controller"), n.getInteger("retentionDays"),
                keeps.getBoolean("birthDate") || keeps.getBoolean("address"),
                new PosterNotice.Texts(vi.getString("purpose"), vi.getString("data"), vi.getString("recipients"),
                        vi.getString("rights")),
                new PosterNotice.Texts(en.getString("purpose"), en.getString("data"), en.getString("recipients"),
                        en.getString("rights")));
    }
}
