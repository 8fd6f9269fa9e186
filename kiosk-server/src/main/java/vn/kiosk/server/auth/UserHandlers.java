package vn.kiosk.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/** Sign-in and the admin's user management. */
public final class UserHandlers {
    private static final String INSERT_USER = "insert into users (username, password_hash, role, province, district)"
            + " values ($1, $2, $3, $4, $5) returning id";
    private static final String SET_SITES = "insert into user_sites (user_id, site_id) select $1, unnest($2::bigint[])";
    private static final String CLEAR_SITES = "delete from user_sites where user_id = $1";
    private static final String LIST = "select u.id, u.username, u.role, u.province, u.district, u.disabled,"
            + " array(select site_id from user_sites where user_id = u.id order by site_id) as site_ids"
            + " from users u order by u.id";
    private static final String SET_PASSWORD = "update users set password_hash = $2 where id = $1";
    private static final String SET_DISABLED = "update users set disabled = $2 where id = $1";
    private static final String END_SESSIONS = "delete from sessions where user_id = $1";
    private static final String EXISTS = "select 1 from users where id = $1";

    private static final String AUDIT = "select a.id, a.at, a.user_id, u.username, a.action, a.site_id, a.detail,"
            + " a.row_count from audit_log a left join users u on u.id = a.user_id where a.id < $1"
            + " order by a.id desc limit 100";

    private final Vertx vertx;
    private final Pool pool;
    private final AuthService auth;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final KnownDevices devices;

    public UserHandlers(Vertx vertx, Pool pool, AuthService auth, byte[] sessionKey, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
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
            Respond.async(ctx, 200, pool.preparedQuery(AUDIT).execute(Tuple.of(beforeId)).map(rows -> {
                JsonArray items = new JsonArray();
                for (Row r : rows) {
                    items.add(new JsonObject().put("id", r.getLong("id")).put("at", r.getOffsetDateTime("at").toString())
                            .put("userId", r.getLong("user_id")).put("username", r.getString("username"))
                            .put("action", r.getString("action")).put("siteId", r.getLong("site_id"))
                            .put("detail", r.getJsonObject("detail")).put("rows", r.getInteger("row_count")));
                }
                Long next = items.size() == 100 ? items.getJsonObject(99).getLong("id") : null;
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
            Authenticator.require(ctx, Role.ADMIN);
            JsonObject b = Respond.body(ctx);
            Long[] sites = siteIds(b);
            Future<JsonObject> created = vertx.executeBlocking(() -> Passwords.hash(b.getString("password")), false)
                    .compose(hash -> pool.withTransaction(tx -> tx.preparedQuery(INSERT_USER)
                            .execute(Tuple.of(b.getString("username"), hash, b.getString("role"),
                                    b.getString("province"), b.getString("district")))
                            .map(rows -> rows.iterator().next().getLong("id"))
                            .compose(id -> setSites(tx, id, sites).map(id))))
                    .map(id -> new JsonObject().put("id", id).put("username", b.getString("username"))
                            .put("role", b.getString("role")).put("siteIds", new JsonArray(List.of(sites)))
                            .put("province", b.getString("province")).put("district", b.getString("district")))
                    .recover(UserHandlers::constraintProblem);
            Respond.async(ctx, 201, created);
        });
    }

    public void list(RoutingContext ctx) {
        Authenticator.require(ctx, Role.ADMIN);
        Respond.async(ctx, 200, pool.query(LIST).execute().map(rows -> {
            JsonArray items = new JsonArray();
            for (Row r : rows) {
                items.add(new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
                        .put("role", r.getString("role")).put("province", r.getString("province"))
                        .put("district", r.getString("district")).put("disabled", r.getBoolean("disabled"))
                        .put("siteIds", new JsonArray(List.of(r.getArrayOfLongs("site_ids")))));
            }
            return new JsonObject().put("items", items);
        }));
    }

    public void update(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Authenticator.require(ctx, Role.ADMIN);
            long id = Respond.pathLong(ctx, "userId");
            JsonObject b = Respond.body(ctx);
            Future<String> hash = b.containsKey("password")
                    ? vertx.executeBlocking(() -> Passwords.hash(b.getString("password")), false)
                    : Future.succeededFuture(null);
            Future<JsonObject> done = hash.compose(h -> pool.withTransaction(tx -> tx.preparedQuery(EXISTS)
                            .execute(Tuple.of(id))
                            .compose(rows -> rows.iterator().hasNext() ? Future.succeededFuture()
                                    : Future.failedFuture(ApiException.notFound("User " + id)))
                            .compose(v -> h == null ? Future.succeededFuture()
                                    : tx.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, h))
                                            .compose(r -> tx.preparedQuery(END_SESSIONS).execute(Tuple.of(id))))
                            .compose(v -> !b.containsKey("disabled") ? Future.succeededFuture()
                                    : tx.preparedQuery(SET_DISABLED).execute(Tuple.of(id, b.getBoolean("disabled")))
                                            .compose(r -> b.getBoolean("disabled")
                                                    ? tx.preparedQuery(END_SESSIONS).execute(Tuple.of(id))
                                                    : Future.succeededFuture()))
                            .compose(v -> !b.containsKey("siteIds") ? Future.succeededFuture()
                                    : tx.preparedQuery(CLEAR_SITES).execute(Tuple.of(id))
                                            .compose(r -> setSites(tx, id, siteIds(b))))))
                    .map(v -> new JsonObject().put("id", id).put("updated", true))
                    .recover(UserHandlers::constraintProblem);
            Respond.async(ctx, 200, done);
        });
    }

    private static Future<Void> setSites(SqlClient tx, long userId, Long[] sites) {
        return sites.length == 0 ? Future.succeededFuture()
                : tx.preparedQuery(SET_SITES).execute(Tuple.tuple().addLong(userId).addArrayOfLong(sites)).mapEmpty();
    }

    private static Long[] siteIds(JsonObject b) {
        JsonArray a = b.getJsonArray("siteIds", new JsonArray());
        return a.stream().map(o -> ((Number) o).longValue()).distinct().toArray(Long[]::new);
    }

    private static <T> Future<T> constraintProblem(Throwable t) {
        if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return Future.failedFuture(ApiException.conflict("username-taken", "That username is already taken"));
        }
        if (t instanceof PgException pg && "23503".equals(pg.getSqlState())) {
            return Future.failedFuture(ApiException.unprocessable("unknown-site", "siteIds names a site that does not exist")
                    .with("field", "siteIds"));
        }
        return Future.failedFuture(t);
    }
}
