package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.site.SiteAccess;

/**
 * Who may act on which campaign, scoped as visits are: a campaign for one site
 * belongs to whoever sees that site; one for a district, a province or the
 * whole country to an admin or an officer whose area holds that place
 * ({@link Principal#covers}). A kiosk or public screen reads exactly the campaigns it is given.
 */
final class CampaignAccess {
    /** How many days after today a public screen is given the campaigns of (it may be offline that long). */
    static final int SCREEN_DAYS_AHEAD = 6;

    private final CampaignStore store;
    private final SiteAccess access;
    private final Clock clock;

    CampaignAccess(CampaignStore store, SiteAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    /** Succeeds when {@code p} may act on a campaign for this target; 403 (or 404 for an unknown site) otherwise. */
    Future<Void> target(Principal p, Long siteId, String province, String district) {
        if (siteId != null) {
            return access.visible(p, siteId).mapEmpty();
        }
        if (p.covers(province, district)) {
            return Future.succeededFuture();
        }
        String place = province == null ? "the whole country" : district == null ? province : district + ", " + province;
        return Future.failedFuture(ApiException.forbidden("A campaign for " + place + " is outside your area"));
    }

    /**
     * The same for a stored campaign, and for a device: is it among those it is given (a kiosk's today, a public
     * screen's of the coming week)?
     */
    Future<Void> campaign(Principal p, long id, CampaignStore.Place c) {
        if (!p.isKiosk()) {
            return target(p, c.siteId(), c.province(), c.district());
        }
        long site = p.siteIds().iterator().next();
        return access.visible(p, site).compose(s -> store.showsAt(id, site, LocalDate.now(clock.withZone(s.zone())),
                        p.isSignage() ? SCREEN_DAYS_AHEAD : 0))
                .compose(shown -> shown ? Future.succeededFuture()
                        : Future.failedFuture(ApiException.forbidden("This device does not show campaign " + id)));
    }

    /** The campaigns {@code p} may see, newest first. */
    Future<List<CampaignStore.Campaign>> visible(Principal p) {
        if (p.is(Role.ADMIN)) {
            return store.visible(new CampaignStore.Scope(true, List.of(), false, null, null));
        }
        return access.repository().visibleTo(p).compose(sites -> store.visible(new CampaignStore.Scope(false,
                sites.stream().map(s -> s.id()).toList(), p.is(Role.OFFICER), p.province(), p.district())));
    }
}
