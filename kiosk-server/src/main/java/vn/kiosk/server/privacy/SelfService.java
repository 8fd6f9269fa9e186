package vn.kiosk.server.privacy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.http.Respond;

/**
 * The visitor's own view, with no account: the visitor pass (the signed {@code v1.} text on their phone or
 * printed card) shows what is recorded about them and files requests about it.
 */
public final class SelfService {
    /**
     * Refused passes per address a minute, and uses of one pass a minute. Guessing a signed pass is hopeless
     * anyway; the limits keep a script from loading the database, and do not count the many honest phones
     * behind one carrier address.
     */
    static final int BAD_PER_ADDRESS = 30;
    static final int PER_PASS = 30;
    static final int VISITS_SHOWN = 500;

    private final PrivacyRequestStore store;
    private final Subjects subjects;
    private final RateLimiter limiter;
    private final Clock clock;

    public SelfService(PrivacyRequestStore store, Subjects subjects, RateLimiter limiter, Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** {@code POST /api/v1/my-data} {pass}: the person, every visit on record, their requests. */
    public void view(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            JsonObject body = Respond.body(ctx);
            long visitorId = visitor(ctx, body.getString("pass"));
            Instant now = clock.instant();
            Respond.async(ctx, 200, subjects.require(visitorId).compose(person -> subjects.visits(visitorId, VISITS_SHOWN)
                    .compose(visits -> store.ofVisitor(visitorId, now).compose(reqs -> store.log(null,
                                    "privacy.self_view", new JsonObject().put("visitorId", visitorId), visits.size())
                            .map(v -> new JsonObject().put("person", person.toJson()).put("visits", visits)
                                    .put("requests", reqs))))));
        });
    }

    /**
     * {@code POST /api/v1/my-data/requests} {pass, type, detail}: a request into the staff's queue. A withdrawal
     * of consent also takes effect at once: the consent the pass carried no longer covers a check-in.
     */
    public void file(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            JsonObject body = Respond.body(ctx);
            long visitorId = visitor(ctx, body.getString("pass"));
            String type = body.getString("type");
            Instant now = clock.instant();
            Respond.async(ctx, 201, subjects.require(visitorId).compose(person -> store.fileBySelf(type, visitorId,
                    body.getString("detail"), now).map(r -> r.json())).map(j -> {
                        for (String staff : new String[] {"filedBy", "handledBy", "person", "siteIds"}) {
                            j.remove(staff);
                        }
                        return j;
                    }));
        });
    }

    /** The pass's visitor, counting refused passes per address and uses per pass (429 past the limits). */
    private long visitor(RoutingContext ctx, String pass) {
        String address = "my-data-bad:" + ctx.request().remoteAddress().hostAddress();
        // check first: its refusal speaks of attempts (hit's would speak of check-ins)
        limiter.check(address, BAD_PER_ADDRESS, "with invalid passes from this address");
        long visitorId;
        try {
            visitorId = subjects.fromPass(pass);
        } catch (ApiException e) {
            limiter.hit(address, Integer.MAX_VALUE, "");
            throw e;
        }
        String key = "my-data:v" + visitorId;
        limiter.check(key, PER_PASS, "with this pass");
        limiter.hit(key, PER_PASS, "with this pass");
        return visitorId;
    }
}
