package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteRepository;

/** Requests and holds are scoped as visits are: by the sites a caller sees. */
final class Scope {
    private final SiteRepository sites;

    Scope(SiteRepository sites) {
        this.sites = sites;
    }

    /** The ids of the sites {@code p} sees; null for an admin (every site, also those made later). */
    Future<List<Long>> siteIds(Principal p) {
        if (p.is(Role.ADMIN)) {
            return Future.succeededFuture(null);
        }
        return sites.visibleTo(p).map(list -> list.stream().map(Site::id).toList());
    }

    static boolean seesAny(List<Long> mine, Collection<Long> theirs) {
        return mine == null || theirs.stream().anyMatch(mine::contains);
    }

    static boolean seesAll(List<Long> mine, Collection<Long> theirs) {
        return mine == null || mine.containsAll(theirs);
    }
}
