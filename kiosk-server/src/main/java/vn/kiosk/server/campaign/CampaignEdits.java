package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;

/**
 * Changing a campaign from the dashboard: its title, its dates and its schedule (null for always). Where it
 * shows is not changed here: a campaign for another place is a new campaign, so that moving one cannot take
 * it out of the area of whoever made it.
 */
public final class CampaignEdits {
    private static final String FIND = "select site_id, province, district, starts_on, ends_on from poster_campaigns"
            + " where id = $1";
    private static final String UPDATE = "update poster_campaigns set title = coalesce($2, title), starts_on = $3,"
            + " ends_on = $4, days_of_week = case when $5 then $6::int[]::smallint[] else days_of_week end,"
            + " shows_from = case when $5 then $7::int::smallint else shows_from end,"
            + " shows_until = case when $5 then $8::int::smallint else shows_until end"
            + " where id = $1 returning id, title, province, district, site_id, starts_on, ends_on, image is not null"
            + " as has_image, " + CampaignHandlers.SCHEDULE;

    private final Pool pool;
    private final CampaignAccess campaigns;

    public CampaignEdits(Pool pool, SiteAccess access, Clock clock) {
        this.pool = pool;
        this.campaigns = new CampaignAccess(pool, access, clock);
    }

    public void update(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "campaignId");
            JsonObject b = Respond.body(ctx);
            String title = b.getString("title") == null ? null : b.getString("title").strip();
            if (title != null && title.isEmpty()) {
                throw ApiException.unprocessable("invalid-field", "title must not be blank").with("field", "title");
            }
            LocalDate starts = b.getString("startsOn") == null ? null : CampaignHandlers.date(b.getString("startsOn"), "startsOn");
            LocalDate ends = b.getString("endsOn") == null ? null : CampaignHandlers.date(b.getString("endsOn"), "endsOn");
            boolean rescheduled = b.containsKey("schedule");
            CampaignSchedule schedule = rescheduled ? CampaignSchedule.parse(b.getJsonObject("schedule")) : CampaignSchedule.ALWAYS;
            Future<JsonObject> done = pool.preparedQuery(FIND).execute(Tuple.of(id)).compose(rows -> {
                if (!rows.iterator().hasNext()) {
                    return Future.failedFuture(ApiException.notFound("Campaign " + id));
                }
                Row row = rows.iterator().next();
                LocalDate from = starts != null ? starts : row.getLocalDate("starts_on");
                LocalDate to = ends != null ? ends : row.getLocalDate("ends_on");
                if (to.isBefore(from)) {
                    return Future.failedFuture(ApiException.unprocessable("invalid-range",
                            "endsOn must not be before startsOn").with("field", ends != null ? "endsOn" : "startsOn"));
                }
                return campaigns.campaign(p, id, row).compose(v -> pool.preparedQuery(UPDATE).execute(Tuple.tuple()
                        .addLong(id).addString(title).addLocalDate(from).addLocalDate(to).addBoolean(rescheduled)
                        .addArrayOfInteger(schedule.daysParam()).addInteger(schedule.from()).addInteger(schedule.until())));
            }).map(rows -> {
                Row r = rows.iterator().next();
                return new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title"))
                        .put("province", r.getString("province")).put("district", r.getString("district"))
                        .put("siteId", r.getLong("site_id")).put("startsOn", r.getLocalDate("starts_on").toString())
                        .put("endsOn", r.getLocalDate("ends_on").toString()).put("hasImage", r.getBoolean("has_image"))
                        .put("schedule", CampaignSchedule.from(r).toJson());
            });
            Respond.async(ctx, 200, done);
        });
    }
}
