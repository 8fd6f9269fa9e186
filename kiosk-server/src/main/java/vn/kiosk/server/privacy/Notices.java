package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.text.Normalizer;
import java.util.List;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteRepository;

/**
 * The privacy notice a visitor agrees to, in versions that are never edited (the table refuses UPDATE and
 * DELETE): what a visit records as agreed is exactly what was shown. A site's notice is the latest version
 * with that site's controller and retention period filled in.
 */
public final class Notices {
    static final List<String> SECTIONS = List.of("purpose", "data", "recipients", "rights");
    private static final long TTL_MILLIS = 5_000;

    /** A notice version as stored. */
    public record Notice(int version, JsonObject body) {
    }

    private record Cached(Notice notice, long at) {
    }

    private final NoticeStore store;
    private final SiteRepository sites;
    private final int retentionDays;
    private volatile Cached latest;

    public Notices(NoticeStore store, SiteRepository sites, int retentionDays) {
        this.store = store;
        this.sites = sites;
        this.retentionDays = retentionDays;
    }

    /** The version in force: what screens show now (a new version is seen everywhere within seconds). */
    public Future<Notice> current() {
        Cached c = latest;
        if (c != null && System.currentTimeMillis() - c.at < TTL_MILLIS) {
            return Future.succeededFuture(c.notice);
        }
        return store.latest().map(v -> {
            Notice n = new Notice(v.version(), v.body());
            latest = new Cached(n, System.currentTimeMillis());
            return n;
        });
    }

    /** {@code GET /api/v1/sites/{siteId}/privacy-notice}: public, it is printed on the poster anyway. */
    public void forSite(RoutingContext ctx) {
        long siteId = Respond.pathLong(ctx, "siteId");
        Respond.async(ctx, 200, sites.find(siteId).compose(s -> s.isEmpty()
                ? Future.failedFuture(ApiException.notFound("Site " + siteId))
                : current().map(n -> rendered(n, s.get()))));
    }

    /** The notice as a site shows it: the version's texts, the controller, the retention, what a CCCD leaves. */
    public JsonObject rendered(Notice n, Site site) {
        int days = site.retentionDays() != null ? site.retentionDays() : retentionDays;
        return new JsonObject().put("version", n.version()).put("siteId", site.id()).put("siteName", site.name())
                .put("controller", site.controllerName()).put("retentionDays", days)
                .put("cccdKeeps", new JsonObject().put("birthDate", site.cccdBirthDate()).put("address", site.cccdAddress()))
                .put("vi", n.body().getJsonObject("vi")).put("en", n.body().getJsonObject("en"));
    }

    /** {@code GET /api/v1/privacy/notices}: every version, newest first. */
    public void list(RoutingContext ctx) {
        Authenticator.require(ctx, Role.ADMIN);
        Respond.async(ctx, 200, store.list().map(versions -> {
            JsonArray items = new JsonArray();
            for (NoticeStore.Version v : versions) {
                items.add(new JsonObject().put("version", v.version()).put("body", v.body())
                        .put("createdAt", v.createdAt().toString()).put("createdBy", v.createdBy()));
            }
            return new JsonObject().put("items", items);
        }));
    }

    /** {@code POST /api/v1/privacy/notices}: a new version (the only way to change the text). */
    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN);
            JsonObject body = clean(Respond.body(ctx));
            Respond.async(ctx, 201, store.add(body, p.userId()).map(v -> {
                latest = null;
                return new JsonObject().put("version", v.version()).put("body", v.body())
                        .put("createdAt", v.createdAt().toString());
            }));
        });
    }

    /** NFC, trimmed, every section present and printable in both languages (the contract checks lengths). */
    static JsonObject clean(JsonObject b) {
        JsonObject out = new JsonObject();
        for (String lang : List.of("vi", "en")) {
            JsonObject in = b.getJsonObject(lang);
            JsonObject texts = new JsonObject();
            for (String section : SECTIONS) {
                String field = lang + "." + section;
                String text = in == null ? null : in.getString(section);
                String v = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
                if (v.isEmpty()) {
                    throw ApiException.unprocessable("invalid-notice", field + " must not be blank").with("field", field);
                }
                if (v.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' || cp == 0xFFFD)) {
                    throw ApiException.unprocessable("invalid-notice", field + " holds control characters")
                            .with("field", field);
                }
                texts.put(section, v);
            }
            out.put(lang, texts);
        }
        return out;
    }
}
