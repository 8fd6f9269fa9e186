package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.imageio.ImageIO;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;

/**
 * Poster campaigns: an admin or officer targets a province or district, a
 * manager one of their sites; kiosks show the ones running today for them.
 */
public final class CampaignHandlers {
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    private static final String INSERT = "insert into poster_campaigns (title, province, district, site_id, starts_on,"
            + " ends_on, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id";
    private static final String LIST = "select id, title, province, district, site_id, starts_on, ends_on,"
            + " image is not null as has_image from poster_campaigns order by starts_on desc, id desc limit 500";
    private static final String FOR_SITE = "select c.id, c.title from poster_campaigns c, sites s"
            + " where s.id = $1 and c.image is not null and $2::date between c.starts_on and c.ends_on"
            + " and (c.site_id = s.id or (c.site_id is null and (c.province is null or lower(c.province) = lower(s.province))"
            + " and (c.district is null or lower(c.district) = lower(s.district)))) order by c.id";
    private static final String SET_IMAGE = "update poster_campaigns set image = $2, image_type = $3 where id = $1";
    private static final String FIND = "select site_id, province, district, image, image_type from poster_campaigns"
            + " where id = $1";

    private final Vertx vertx;
    private final Pool pool;
    private final SiteAccess access;

    public CampaignHandlers(Vertx vertx, Pool pool, SiteAccess access) {
        this.vertx = vertx;
        this.pool = pool;
        this.access = access;
    }

    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            JsonObject b = Respond.body(ctx);
            LocalDate starts = date(b.getString("startsOn"), "startsOn");
            LocalDate ends = date(b.getString("endsOn"), "endsOn");
            if (ends.isBefore(starts)) {
                throw ApiException.unprocessable("invalid-range", "endsOn must not be before startsOn").with("field", "endsOn");
            }
            Long siteId = b.getLong("siteId");
            if (p.is(Role.MANAGER) && siteId == null) {
                throw ApiException.forbidden("Managers run campaigns for one of their sites: give siteId");
            }
            if (p.is(Role.OFFICER) && siteId == null && p.province() != null
                    && !p.province().equalsIgnoreCase(b.getString("province", ""))) {
                throw ApiException.forbidden("Officers run campaigns in their own area");
            }
            Future<?> allowed = siteId == null ? Future.succeededFuture() : access.visible(p, siteId);
            Respond.async(ctx, 201, allowed.compose(v -> pool.preparedQuery(INSERT).execute(Tuple.tuple()
                            .addString(b.getString("title").strip()).addString(b.getString("province"))
                            .addString(b.getString("district")).addLong(siteId).addLocalDate(starts).addLocalDate(ends)
                            .addLong(p.userId())))
                    .map(rows -> b.copy().put("id", rows.iterator().next().getLong("id"))));
        });
    }

    public void list(RoutingContext ctx) {
        Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Respond.async(ctx, 200, pool.query(LIST).execute().map(rows -> {
            JsonArray items = new JsonArray();
            for (Row r : rows) {
                items.add(new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title"))
                        .put("province", r.getString("province")).put("district", r.getString("district"))
                        .put("siteId", r.getLong("site_id")).put("startsOn", r.getLocalDate("starts_on").toString())
                        .put("endsOn", r.getLocalDate("ends_on").toString()).put("hasImage", r.getBoolean("has_image")));
            }
            return new JsonObject().put("items", items);
        }));
    }

    /** The image is the raw request body: PNG or JPEG, at most 2 MB, and it must decode. */
    public void upload(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "campaignId");
            byte[] image = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            String type = imageType(image);
            Future<Object> done = owned(p, id)
                    .compose(v -> vertx.executeBlocking(() -> {
                        if (ImageIO.read(new ByteArrayInputStream(image)) == null) {
                            throw ApiException.unprocessable("invalid-image", "The image could not be read");
                        }
                        return null;
                    }, false))
                    .compose(v -> pool.preparedQuery(SET_IMAGE).execute(Tuple.of(id, Buffer.buffer(image), type)))
                    .map(rows -> new JsonObject().put("id", id).put("imageType", type).put("bytes", image.length));
            Respond.async(ctx, 200, done);
        });
    }

    public void image(RoutingContext ctx) {
        Authenticator.require(ctx);
        long id = Respond.pathLong(ctx, "campaignId");
        pool.preparedQuery(FIND).execute(Tuple.of(id)).onSuccess(rows -> {
            Row r = rows.iterator().hasNext() ? rows.iterator().next() : null;
            if (r == null || r.getBuffer("image") == null) {
                ctx.fail(ApiException.notFound("Campaign image " + id));
                return;
            }
            ctx.response().putHeader("Content-Type", r.getString("image_type"))
                    .putHeader("Cache-Control", "private, max-age=3600").end(r.getBuffer("image"));
        }).onFailure(ctx::fail);
    }

    /** What a kiosk shows today: the campaigns of its site, district and province. */
    public void forKiosk(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.KIOSK);
        long siteId = p.siteIds().iterator().next();
        Respond.async(ctx, 200, access.visible(p, siteId).compose(site -> pool.preparedQuery(FOR_SITE)
                .execute(Tuple.of(siteId, LocalDate.now(site.zone())))).map(rows -> {
                    JsonArray items = new JsonArray();
                    for (Row r : rows) {
                        items.add(new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title"))
                                .put("image", "/api/v1/campaigns/" + r.getLong("id") + "/image"));
                    }
                    return new JsonObject().put("items", items);
                }));
    }

    private Future<Void> owned(Principal p, long id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).compose(rows -> {
            if (!rows.iterator().hasNext()) {
                return Future.failedFuture(ApiException.notFound("Campaign " + id));
            }
            Long site = rows.iterator().next().getLong("site_id");
            if (site != null) {
                return access.visible(p, site).mapEmpty();
            }
            return p.is(Role.MANAGER) ? Future.failedFuture(ApiException.forbidden("Not your campaign"))
                    : Future.succeededFuture();
        });
    }

    private static String imageType(byte[] b) {
        if (b.length > MAX_IMAGE_BYTES) {
            throw ApiException.of(413, "too-large", "Image too large", "A campaign image may be at most 2 MB");
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return "image/jpeg";
        }
        throw ApiException.of(415, "unsupported-media-type", "Unsupported image", "Send a PNG or JPEG image");
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.unprocessable("invalid-date", field + " must be a date like 2021-08-01").with("field", field);
        }
    }
}
