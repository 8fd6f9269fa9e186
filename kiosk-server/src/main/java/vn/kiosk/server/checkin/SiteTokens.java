package vn.kiosk.server.checkin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import vn.kiosk.qr.SessionToken;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.qr.TokenException;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.KioskStore;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteRepository;
import vn.kiosk.server.visitor.ServerKeys;

/**
 * The codes a visitor's phone carries: a kiosk's rotating code (valid about a
 * minute), a printed poster code, or the ten-minute session the phone gets in
 * exchange for either when the check-in page opens. A session is never
 * exchanged for another, so it ends at most ten minutes after its code was
 * scanned.
 */
public final class SiteTokens {
    static final int TOKEN_WINDOW_STEPS = 2;

    /** Where a request is made and by what means. */
    public record Origin(Site site, String method, Long kioskId, Long userId, String gate, String kioskMode) {
    }

    private final KioskStore kiosks;
    private final SiteRepository sites;
    private final ServerKeys keys;
    private final RateLimiter limiter;

    public SiteTokens(KioskStore kiosks, SiteRepository sites, ServerKeys keys, RateLimiter limiter) {
        this.kiosks = kiosks;
        this.sites = sites;
        this.keys = keys;
        this.limiter = limiter;
    }

    /** {@code GET /api/v1/site-tokens/{token}}: where the code leads, and a session to check in with. */
    public void open(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            limiter.hit("open:" + ctx.request().remoteAddress().hostAddress(), 120, "from this address");
            String token = ctx.pathParam("token");
            if (SessionToken.looksLike(token)) {
                // A session bought with a session would outlive its code forever: only a fresh scan opens one.
                throw notRenewable();
            }
            Respond.async(ctx, 200, resolve(token).map(o -> {
                long expires = Instant.now().plus(SessionToken.VALIDITY).getEpochSecond();
                String session = SessionToken.issue(new SessionToken.Claims(o.site().id(),
                        o.kioskId() == null ? 0 : o.kioskId(), "poster".equals(o.method()), expires), keys.session());
                return new JsonObject().put("siteId", o.site().id()).put("siteName", o.site().name())
                        .put("kind", o.site().kind()).put("gate", o.gate()).put("session", session)
                        .put("expiresAt", Instant.ofEpochSecond(expires).toString());
            }));
        });
    }

    public Future<Origin> resolve(String token) {
        if (SessionToken.looksLike(token)) {
            return fromSession(token);
        }
        SiteToken.Claims claims;
        try {
            claims = SiteToken.parse(token);
        } catch (TokenException e) {
            return Future.failedFuture(invalid());
        }
        if (claims.kind() == SiteToken.Kind.POSTER) {
            return sites.find(claims.id()).compose(site -> {
                try {
                    SiteToken.verifyPoster(token, keys.poster());
                    if (site.isEmpty() || !site.get().posterEnabled()
                            || site.get().posterGeneration() != claims.stepOrGeneration()) {
                        throw new TokenException("poster code withdrawn");
                    }
                    return Future.succeededFuture(new Origin(site.get(), "poster", null, null, null, "both"));
                } catch (TokenException e) {
                    return Future.failedFuture(invalid());
                }
            });
        }
        return kiosks.codeKey(claims.id()).compose(found -> {
            try {
                KioskStore.CodeKey k = found.orElseThrow(() -> new TokenException("unknown or revoked kiosk"));
                SiteToken.verifyKiosk(token, k.secret(), Instant.now(), TOKEN_WINDOW_STEPS);
                return sites.find(k.siteId()).map(site -> new Origin(site.orElseThrow(), "self",
                        claims.id(), null, k.gate(), k.mode()));
            } catch (TokenException e) {
                return Future.failedFuture(invalid());
            }
        });
    }

    private Future<Origin> fromSession(String token) {
        SessionToken.Claims c;
        try {
            c = SessionToken.verify(token, keys.session(), Instant.now());
        } catch (TokenException e) {
            return Future.failedFuture(invalid());
        }
        if (c.poster()) {
            return sites.find(c.siteId()).compose(site -> site.isPresent() && site.get().posterEnabled()
                    ? Future.succeededFuture(new Origin(site.get(), "poster", null, null, null, "both"))
                    : Future.failedFuture(invalid()));
        }
        // A kiosk revoked since the session began ends its sessions too.
        return kiosks.standing(c.kioskId()).compose(found -> found.isEmpty() ? Future.failedFuture(invalid())
                : sites.find(c.siteId()).map(site -> new Origin(site.orElseThrow(), "self", c.kioskId(), null,
                        found.get().gate(), found.get().mode())));
    }

    static ApiException notRenewable() {
        return ApiException.of(401, "invalid-site-token", "Invalid site code",
                "A check-in session cannot be renewed; scan the code on the kiosk or poster again");
    }

    static ApiException invalid() {
        return ApiException.of(401, "invalid-site-token", "Invalid site code",
                "The check-in code is expired or not genuine; scan the code on the kiosk again");
    }
}
