package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
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
    private final CampaignStore store;
    private final SiteAccess access;
    private final CampaignAccess campaigns;
    private final Clock clock;
    private final WorkerExecutor worker;

    public CampaignHandlers(Vertx vertx, CampaignStore store, SiteAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
        this.campaigns = new CampaignAccess(store, access, clock);
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
            Respond.async(ctx, 201, campaigns.target(p, siteId, province, district)
                    .compose(v -> store.create(title, province, district, siteId, starts, ends, p.userId(), schedule))
                    .map(c -> new JsonObject().put("id", c.id()).put("title", c.title())
                            .put("province", c.province()).put("district", c.district()).put("siteId", c.siteId())
                            .put("startsOn", c.startsOn().toString()).put("endsOn", c.endsOn().toString())
                            .put("schedule", c.schedule().toJson())));
        });
    }

    /** The campaigns the caller may act on, newest first. */
    public void list(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
        Respond.async(ctx, 200, campaigns.visible(p).map(all -> {
            JsonArray items = new JsonArray();
            all.forEach(c -> items.add(json(c)));
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
            Future<JsonObject> done = found(id, store.place(id))
                    .compose(place -> campaigns.campaign(p, id, place))
                    .compose(v -> oneAtATime(() -> CampaignImages.reencode(image)))
                    .compose(poster -> store.setImage(id, poster.bytes(), poster.type())
                            .map(v -> new JsonObject().put("id", id).put("imageType", poster.type())
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
            found(id, store.image(id)).compose(stored -> campaigns.campaign(p, id, stored.place())
                            .compose(v -> served(id, stored))).onSuccess(poster ->
                    ctx.response().putHeader("Content-Type", poster.type())
                            .putHeader("Cache-Control", "private, max-age=3600").end(Buffer.buffer(poster.bytes())))
                    .onFailure(ctx::fail);
        });
    }

    /** What a kiosk shows today: the campaigns of its site, district and province, with the hours they show. */
    public void forKiosk(RoutingContext ctx) {
        shown(ctx, Role.KIOSK, store::showingOn);
    }

    /** What a public screen may show in the coming week, each with its dates and schedule to choose by on the screen. */
    public void forScreen(RoutingContext ctx) {
        shown(ctx, Role.SIGNAGE, store::runningFrom);
    }

    private void shown(RoutingContext ctx, Role device,
                       BiFunction<Long, LocalDate, Future<List<CampaignStore.Shown>>> query) {
        Principal p = Authenticator.require(ctx, device);
        long siteId = p.siteIds().iterator().next();
        Respond.async(ctx, 200, access.visible(p, siteId)
                .compose(site -> query.apply(siteId, LocalDate.now(clock.withZone(site.zone())))).map(all -> {
                    JsonArray items = new JsonArray();
                    for (CampaignStore.Shown c : all) {
                        items.add(new JsonObject().put("id", c.id()).put("title", c.title())
                                .put("image", "/api/v1/campaigns/" + c.id() + "/image")
                                .put("startsOn", c.startsOn().toString())
                                .put("endsOn", c.endsOn().toString())
                                .put("schedule", c.schedule().toJson()));
                    }
                    return new JsonObject().put("items", items);
                }));
    }

    /** A campaign as the dashboard lists it and its edits answer. */
    static JsonObject json(CampaignStore.Campaign c) {
        return new JsonObject().put("id", c.id()).put("title", c.title())
                .put("province", c.province()).put("district", c.district())
                .put("siteId", c.siteId()).put("startsOn", c.startsOn().toString())
                .put("endsOn", c.endsOn().toString()).put("hasImage", c.hasImage())
                .put("schedule", c.schedule().toJson());
    }

    static <T> Future<T> found(long id, Future<Optional<T>> lookup) {
        return lookup.compose(o -> o.isPresent() ? Future.succeededFuture(o.get())
                : Future.failedFuture(ApiException.notFound("Campaign " + id)));
    }

    /** The stored image; one stored before uploads were re-encoded is re-encoded now, or dropped if it cannot be. */
    private Future<CampaignImages.Poster> served(long id, CampaignStore.StoredImage image) {
        if (image.bytes() == null) {
            return Future.failedFuture(ApiException.notFound("Campaign image " + id));
        }
        byte[] stored = image.bytes();
        if (image.reencoded()) {
            return Future.succeededFuture(new CampaignImages.Poster(stored, image.type(), 0, 0));
        }
        return oneAtATime(() -> CampaignImages.reencode(stored))
                .compose(poster -> store.replaceOldImage(id, poster.bytes(), poster.type()).map(poster))
                .recover(t -> {
                    if (!(t instanceof ApiException e) || e.status() == 503) {
                        return Future.failedFuture(t);
                    }
                    LOG.warn("Campaign {}: the image stored before re-encoding does not pass its checks ({}); dropped",
                            id, e.type());
                    return store.replaceOldImage(id, null, null)
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
