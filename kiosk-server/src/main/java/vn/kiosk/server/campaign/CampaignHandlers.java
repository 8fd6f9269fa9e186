package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;

/**
 * Poster campaigns: an admin or officer targets a province or district of their area, a manager one of their
 * sites; kiosks show the ones running today for them. Who may act on which: {@link CampaignAccess}; what an
 * image goes through before a kiosk gets it: {@link CampaignImages}.
 */
public final class CampaignHandlers {
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    /** Uploads waiting for the one image worker beyond the one it decodes; more get 503 and Retry-After. */
    static final int MAX_WAITING = 4;
    private static final Logger LOG = LoggerFactory.getLogger(CampaignHandlers.class);
    // One count for the whole process: what it bounds is the heap, which the HTTP verticles share.
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final String INSERT = "insert into poster_campaigns (title, province, district, site_id, starts_on,"
            + " ends_on, created_by, days_of_week, shows_from, shows_until)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8::int[]::smallint[], $9::int::smallint, $10::int::smallint) returning id";
    static final String SCHEDULE = "days_of_week, shows_from, shows_until";
    private static final String LIST = "select id, title, province, district, site_id, starts_on, ends_on, " + SCHEDULE
            + ", image is not null as has_image from poster_campaigns where " + CampaignAccess.VISIBLE
            + " order by starts_on desc, id desc limit 500";
    // a kiosk asks for today's (and keeps its list half an hour): those of other weekdays are left out here
    private static final String FOR_SITE = "select c.id, c.title, c.starts_on, c.ends_on, c.days_of_week, c.shows_from,"
            + " c.shows_until from poster_campaigns c, sites s"
            + " where s.id = $1 and c.image is not null and $2::date between c.starts_on and c.ends_on"
            + " and (c.days_of_week is null or extract(isodow from $2::date)::smallint = any(c.days_of_week)) and "
            + CampaignAccess.SHOWS_AT + " order by c.id";
    // a public screen may run offline for days: those running in the coming week, to choose from on the device
    private static final String FOR_SCREEN = "select c.id, c.title, c.starts_on, c.ends_on, c.days_of_week, c.shows_from,"
            + " c.shows_until from poster_campaigns c, sites s"
            + " where s.id = $1 and c.image is not null and c.ends_on >= $2::date and c.starts_on <= $2::date + "
            + CampaignAccess.SCREEN_DAYS_AHEAD + " and " + CampaignAccess.SHOWS_AT + " order by c.id";
    private static final String SET_IMAGE = "update poster_campaigns set image = $2, image_type = $3,"
            + " image_reencoded = true where id = $1";
    // an image stored before uploads were re-encoded, re-encoded on its first read (unless replaced meanwhile)
    private static final String SET_OLD_IMAGE = "update poster_campaigns set image = $2, image_type = $3,"
            + " image_reencoded = true where id = $1 and not image_reencoded";
    private static final String FIND = "select site_id, province, district, image, image_type, image_reencoded"
            + " from poster_campaigns where id = $1";

    private final Pool pool;
    private final SiteAccess access;
    private final CampaignAccess campaigns;
    private final Clock clock;
    private final WorkerExecutor worker;

    public CampaignHandlers(Vertx vertx, Pool pool, SiteAccess access, Clock clock) {
        this.pool = pool;
        this.access = access;
        this.clock = clock;
        this.campaigns = new CampaignAccess(pool, access, clock);
        // one thread: a poster decodes to up to 64 MB, and the server runs in a 300 MB heap
        this.worker = vertx.createSharedWorkerExecutor("kiosk-campaign-images", 1);
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
            // a site's campaign is for that site wherever it lies: a province or district given with it means nothing
            String province = siteId == null ? strip(b.getString("province")) : null;
            String district = siteId == null ? strip(b.getString("district")) : null;
            if (district != null && province == null) {
                throw ApiException.unprocessable("invalid-field", "A district campaign names its province too")
                        .with("field", "province");
            }
            if (p.is(Role.MANAGER) && siteId == null) {
                throw ApiException.forbidden("Managers run campaigns for one of their sites: give siteId");
            }
            String title = b.getString("title").strip();
            CampaignSchedule schedule = CampaignSchedule.parse(b.getJsonObject("schedule"));
            Respond.async(ctx, 201, campaigns.target(p, siteId, province, district).compose(v -> pool.preparedQuery(INSERT)
                            .execute(Tuple.tuple().addString(title).addString(province).addString(district).addLong(siteId)
                                    .addLocalDate(starts).addLocalDate(ends).addLong(p.userId())
                                    .addArrayOfInteger(schedule.daysParam()).addInteger(schedule.from())
                                    .addInteger(schedule.until())))
                    .map(rows -> new JsonObject().put("id", rows.iterator().next().getLong("id")).put("title", title)
                            .put("province", province).put("district", district).put("siteId", siteId)
                            .put("startsOn", starts.toString()).put("endsOn", ends.toString())
                            .put("schedule", schedule.toJson())));
        });
    }

    /** The campaigns the caller may act on, newest first. */
    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Respond.async(ctx, 200, campaigns.visible(p, LIST).map(rows -> {
            JsonArray items = new JsonArray();
            for (Row r : rows) {
                items.add(new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title"))
                        .put("province", r.getString("province")).put("district", r.getString("district"))
                        .put("siteId", r.getLong("site_id")).put("startsOn", r.getLocalDate("starts_on").toString())
                        .put("endsOn", r.getLocalDate("ends_on").toString()).put("hasImage", r.getBoolean("has_image"))
                        .put("schedule", CampaignSchedule.from(r).toJson()));
            }
            return new JsonObject().put("items", items);
        }));
    }

    /** The image is the raw request body: PNG or JPEG, at most 2 MB; what is stored is its re-encoding. */
    public void upload(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "campaignId");
            byte[] image = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            if (image.length > MAX_IMAGE_BYTES) {
                throw ApiException.of(413, "too-large", "Image too large", "A campaign image may be at most 2 MB");
            }
            CampaignImages.type(image);
            Future<JsonObject> done = find(id)
                    .compose(row -> campaigns.campaign(p, id, row))
                    .compose(v -> oneAtATime(() -> CampaignImages.reencode(image)))
                    .compose(poster -> pool.preparedQuery(SET_IMAGE)
                            .execute(Tuple.of(id, Buffer.buffer(poster.bytes()), poster.type()))
                            .map(rows -> new JsonObject().put("id", id).put("imageType", poster.type())
                                    .put("bytes", poster.bytes().length).put("width", poster.width())
                                    .put("height", poster.height())));
            Respond.async(ctx, 200, done);
        });
    }

    /** A campaign's image, to whoever may act on the campaign and to the kiosks that show it. */
    public void image(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx);
            long id = Respond.pathLong(ctx, "campaignId");
            find(id).compose(row -> campaigns.campaign(p, id, row).compose(v -> served(id, row))).onSuccess(poster ->
                    ctx.response().putHeader("Content-Type", poster.type())
                            .putHeader("Cache-Control", "private, max-age=3600").end(Buffer.buffer(poster.bytes())))
                    .onFailure(ctx::fail);
        });
    }

    /** What a kiosk shows today: the campaigns of its site, district and province, with the hours they show. */
    public void forKiosk(RoutingContext ctx) {
        shown(ctx, Role.KIOSK, FOR_SITE);
    }

    /** What a public screen may show in the coming week, each with its dates and schedule to choose by on the screen. */
    public void forScreen(RoutingContext ctx) {
        shown(ctx, Role.SIGNAGE, FOR_SCREEN);
    }

    private void shown(RoutingContext ctx, Role device, String query) {
        Principal p = Authenticator.require(ctx, device);
        long siteId = p.siteIds().iterator().next();
        Respond.async(ctx, 200, access.visible(p, siteId).compose(site -> pool.preparedQuery(query)
                .execute(Tuple.of(siteId, LocalDate.now(clock.withZone(site.zone()))))).map(rows -> {
                    JsonArray items = new JsonArray();
                    for (Row r : rows) {
                        items.add(new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title"))
                                .put("image", "/api/v1/campaigns/" + r.getLong("id") + "/image")
                                .put("startsOn", r.getLocalDate("starts_on").toString())
                                .put("endsOn", r.getLocalDate("ends_on").toString())
                                .put("schedule", CampaignSchedule.from(r).toJson()));
                    }
                    return new JsonObject().put("items", items);
                }));
    }

    Future<Row> find(long id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).compose(rows -> rows.iterator().hasNext()
                ? Future.succeededFuture(rows.iterator().next())
                : Future.failedFuture(ApiException.notFound("Campaign " + id)));
    }

    /** The stored image; one stored before uploads were re-encoded is re-encoded now, or dropped if it cannot be. */
    private Future<CampaignImages.Poster> served(long id, Row row) {
        if (row.getBuffer("image") == null) {
            return Future.failedFuture(ApiException.notFound("Campaign image " + id));
        }
        byte[] stored = row.getBuffer("image").getBytes();
        if (row.getBoolean("image_reencoded")) {
            return Future.succeededFuture(new CampaignImages.Poster(stored, row.getString("image_type"), 0, 0));
        }
        return oneAtATime(() -> CampaignImages.reencode(stored))
                .compose(poster -> pool.preparedQuery(SET_OLD_IMAGE)
                        .execute(Tuple.of(id, Buffer.buffer(poster.bytes()), poster.type())).map(poster))
                .recover(t -> {
                    if (!(t instanceof ApiException e) || e.status() == 503) {
                        return Future.failedFuture(t);
                    }
                    LOG.warn("Campaign {}: the image stored before re-encoding does not pass its checks ({}); dropped",
                            id, e.type());
                    return pool.preparedQuery(SET_OLD_IMAGE).execute(Tuple.of(id, null, null))
                            .compose(r -> Future.failedFuture(ApiException.notFound("Campaign image " + id)));
                });
    }

    private <T> Future<T> oneAtATime(Callable<T> work) {
        if (PENDING.incrementAndGet() > MAX_WAITING + 1) {
            PENDING.decrementAndGet();
            return Future.failedFuture(ApiException.unavailable("Other posters are being processed; try again shortly", 5));
        }
        return worker.executeBlocking(work, false).onComplete(ar -> PENDING.decrementAndGet());
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.unprocessable("invalid-date", field + " must be a date like 2021-08-01").with("field", field);
        }
    }
}
