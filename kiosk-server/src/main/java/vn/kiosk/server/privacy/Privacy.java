package vn.kiosk.server.privacy;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.security.PublicKey;
import java.time.Clock;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.PersonalData;

/** The personal-data rights feature, built once for the routes: who answers which operation. */
public record Privacy(Notices notices, SelfService self, RequestDesk desk, Holds holds, BreachReport breach) {

    public static Privacy create(Vertx vertx, Pool pool, Pool reads, SiteAccess access, Notices notices,
                                 PersonalData personal, PublicKey passKey, RateLimiter limiter, Clock clock) {
        Audit audit = new Audit();
        Subjects subjects = new Subjects(pool, personal, passKey);
        Requests requests = new Requests(personal);
        Erasure erasure = new Erasure(personal);
        PrivacyRequestStore store = new PrivacyRequestStore(pool, subjects, requests, erasure, audit);
        return new Privacy(notices, new SelfService(store, subjects, limiter, clock),
                new RequestDesk(store, subjects, access.repository(), clock),
                new Holds(new HoldStore(pool, audit), access, subjects, clock),
                new BreachReport(vertx, new BreachStore(pool, reads, audit), access.repository(), clock));
    }
}
