package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
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
    private final CampaignStore store;
    private final CampaignAccess campaigns;

    public CampaignEdits(CampaignStore store, SiteAccess access, Clock clock) {
        this.store = store;
        this.campaigns = new CampaignAccess(store, access, clock);
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
            Future<JsonObject> done = CampaignHandlers.found(id, store.place(id)).compose(place -> {
                LocalDate from = starts != null ? starts : place.startsOn();
                LocalDate to = ends != null ? ends : place.endsOn();
                if (to.isBefore(from)) {
                    return Future.failedFuture(ApiException.unprocessable("invalid-range",
                            "endsOn must not be before startsOn").with("field", ends != null ? "endsOn" : "startsOn"));
                }
                return campaigns.campaign(p, id, place)
                        .compose(v -> store.update(id, title, from, to, rescheduled, schedule));
            }).map(CampaignHandlers::json);
            Respond.async(ctx, 200, done);
        });
    }
}
