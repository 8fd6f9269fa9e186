package vn.kiosk.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/** Sign-in and the admin's user management. */
public final class UserHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(UserHandlers.class);
    private final Vertx vertx;
    private final UserStore users;
    private final AuditStore audit;
    private final AuthService auth;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final KnownDevices devices;

    public UserHandlers(Vertx vertx, UserStore users, AuditStore audit, AuthService auth, byte[] sessionKey,
                        Clock clock) {
        this.vertx = vertx;
        this.users = users;
        this.audit = audit;
        this.auth = auth;
        this.clock = clock;
        this.throttle = new LoginThrottle();
        this.devices = new KnownDevices(sessionKey);
    }

    /** Guessing is slowed per address and per account, never for a device that signed in before: {@link LoginThrottle}. */
    public void login(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            JsonObject b = Respond.body(ctx);
            String account = b.getString("username").toLowerCase(Locale.ROOT);
            String address = ctx.request().remoteAddress().hostAddress();
            Cookie cookie = ctx.request().getCookie(KnownDevices.cookieName(account));
            Instant now = clock.instant();
            String device = devices.verify(account, cookie == null ? null : cookie.getValue(), now);
            throttle.check(account, address, device, now);
            Respond.async(ctx, 200, auth.login(b.getString("username"), b.getString("password"))
                    .onFailure(t -> {
                        if (t instanceof ApiException e && e.status() == 401) {
                            throttle.failed(account, address, device, clock.instant());
                        }
                    })
                    .map(s -> {
                        boolean https = "https".equals(ctx.request().scheme());
                        ctx.response().addCookie(devices.issue(account, clock.instant(), https));
                        return new JsonObject().put("token", s.token()).put("role", s.role())
                                .put("expiresAt", s.expiresAt().toString());
                    }));
        });
    }

    public void audit(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Authenticator.require(ctx, Role.ADMIN);
            long beforeId = Respond.queryLong(ctx, "before", Long.MAX_VALUE, 1, 9_007_199_254_740_991L);
            Respond.async(ctx, 200, audit.below(beforeId).map(entries -> {
                JsonArray items = new JsonArray();
                for (AuditStore.Entry e : entries) {
                    items.add(new JsonObject().put("id", e.id()).put("at", e.at().toString())
                            .put("userId", e.userId()).put("username", e.username())
                            .put("action", e.action()).put("siteId", e.siteId())
                            .put("detail", e.detail()).put("rows", e.rows()));
                }
                Long next = items.size() == AuditStore.PAGE ? items.getJsonObject(AuditStore.PAGE - 1).getLong("id") : null;
                return new JsonObject().put("items", items).put("next", next);
            }));
        });
    }

    public void logout(RoutingContext ctx) {
        Authenticator.require(ctx);
        String token = ctx.request().getHeader("Authorization").substring(7).trim();
        Respond.async(ctx, 204, auth.logout(token).map(v -> null));
    }

    public void me(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx);
        Respond.json(ctx, 200, new JsonObject().put("id", p.id()).put("username", p.username())
                .put("role", p.role().wire()).put("siteIds", new JsonArray(List.copyOf(p.siteIds())))
                .put("province", p.province()).put("district", p.district()));
    }

    public void create(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN);
            JsonObject b = Respond.body(ctx);
            List<Long> sites = siteIds(b);
            Future<JsonObject> created = vertx.executeBlocking(() -> Passwords.hash(b.getString("password")), false)
                    .compose(hash -> users.create(b.getString("username"), hash, b.getString("role"),
                            b.getString("province"), b.getString("district"), sites, p.userId()))
                    .map(id -> new JsonObject().put("id", id).put("username", b.getString("username"))
                            .put("role", b.getString("role")).put("siteIds", new JsonArray(sites))
                            .put("province", b.getString("province")).put("district", b.getString("district")));
            Respond.async(ctx, 201, created);
        });
    }

    public void list(RoutingContext ctx) {
        Authenticator.require(ctx, Role.ADMIN);
        Respond.async(ctx, 200, users.list().map(all -> {
            JsonArray items = new JsonArray();
            for (UserStore.User u : all) {
                items.add(new JsonObject().put("id", u.id()).put("username", u.username())
                        .put("role", u.role()).put("province", u.province())
                        .put("district", u.district()).put("disabled", u.disabled())
                        .put("siteIds", new JsonArray(u.siteIds())));
            }
            return new JsonObject().put("items", items);
        }));
    }

    public void update(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN);
            long id = Respond.pathLong(ctx, "userId");
            JsonObject b = Respond.body(ctx);
            Future<String> hash = b.containsKey("password")
                    ? vertx.executeBlocking(() -> Passwords.hash(b.getString("password")), false)
                    : Future.succeededFuture(null);
            Boolean disabled = b.containsKey("disabled") ? b.getBoolean("disabled") : null;
            List<Long> sites = b.containsKey("siteIds") ? siteIds(b) : null;
            Future<JsonObject> done = hash
                    .compose(h -> users.update(id, new UserStore.Change(h, disabled, sites), p.userId()))
                    .compose(found -> found ? Future.succeededFuture(new JsonObject().put("id", id).put("updated", true))
                            : Future.failedFuture(ApiException.notFound("User " + id)));
            Respond.async(ctx, 200, done);
        });
    }

    /**
     * A new password for a user who forgot theirs, generated here and answered once for the admin to tell them
     * in person (guards have no e-mail). Their sessions end with it; one's own account is changed, not reset.
     */
    public void resetPassword(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN);
            long id = Respond.pathLong(ctx, "userId");
            if (Long.valueOf(id).equals(p.userId())) {
                throw ApiException.conflict("reset-own-password",
                        "An admin does not reset their own password: another admin can, or change it with PATCH");
            }
            String temporary = Passwords.temporary();
            Respond.async(ctx, 200, vertx.executeBlocking(() -> Passwords.hash(temporary), false)
                    .compose(hash -> users.resetPassword(id, hash, p.userId()))
                    .compose(done -> done.isPresent() ? Future.succeededFuture(done.get())
                            : Future.failedFuture(ApiException.notFound("User " + id)))
                    .map(r -> {
                        LOG.info("User {} reset the password of user {}; {} session(s) ended", p.userId(), id,
                                r.sessionsEnded());
                        return new JsonObject().put("id", r.id()).put("username", r.username())
                                .put("temporaryPassword", temporary).put("sessionsEnded", r.sessionsEnded());
                    }));
        });
    }

    private static List<Long> siteIds(JsonObject b) {
        JsonArray a = b.getJsonArray("siteIds", new JsonArray());
        return a.stream().map(o -> ((Number) o).longValue()).distinct().toList();
    }
}
