package vn.kiosk.server.site;

import io.vertx.core.Future;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;

/** Loads a site for a caller: 404 when it does not exist, 403 when it is not theirs. */
public final class SiteAccess {
    private final SiteRepository sites;

    public SiteAccess(SiteRepository sites) {
        this.sites = sites;
    }

    public Future<Site> visible(Principal p, long siteId) {
        return sites.find(siteId).compose(s -> {
            if (s.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("Site " + siteId));
            }
            if (!p.canSee(s.get().id(), s.get().province(), s.get().district())) {
                return Future.failedFuture(ApiException.forbidden("Site " + siteId + " is not one of yours"));
            }
            return Future.succeededFuture(s.get());
        });
    }

    public SiteRepository repository() {
        return sites;
    }
}
