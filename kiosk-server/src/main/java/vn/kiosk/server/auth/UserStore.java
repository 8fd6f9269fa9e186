package vn.kiosk.server.auth;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.kiosk.server.http.ApiException;

/** Staff accounts and the sites they act on. Passwords arrive hashed: no clear password reaches this class. */
public final class UserStore {
    private static final String INSERT_USER = "insert into users (username, password_hash, role, province, district)"
            + " values ($1, $2, $3, $4, $5) returning id";
    private static final String SET_SITES = "insert into user_sites (user_id, site_id) select $1, unnest($2::bigint[])";
    private static final String CLEAR_SITES = "delete from user_sites where user_id = $1";
    private static final String LIST = "select u.id, u.username, u.role, u.province, u.district, u.disabled,"
            + " array(select site_id from user_sites where user_id = u.id order by site_id) as site_ids"
            + " from users u order by u.id";
    private static final String SET_PASSWORD = "update users set password_hash = $2 where id = $1";
    private static final String SET_DISABLED = "update users set disabled = $2 where id = $1";
    // Deleting a user's sessions also empties every instance's token cache (the V31 trigger's NOTIFY).
    private static final String END_SESSIONS = "delete from sessions where user_id = $1";
    private static final String EXISTS = "select 1 from users where id = $1";
    private static final String RESET = "update users set password_hash = $2 where id = $1 returning username";
    // Ids, the role, what changed and a count only: neither a password nor its hash goes into the trail.
    private static final String AUDIT_CREATE = "insert into audit_log (user_id, action, detail)"
            + " values ($1, 'user_created', jsonb_build_object('userId', $2::bigint, 'role', $3::text,"
            + " 'siteIds', to_jsonb($4::bigint[])))";
    private static final String AUDIT_UPDATE = "insert into audit_log (user_id, action, detail)"
            + " values ($1, 'user_updated', jsonb_strip_nulls(jsonb_build_object('userId', $2::bigint,"
            + " 'password', $3::boolean, 'disabled', $4::boolean, 'siteIds', to_jsonb($5::bigint[]))))";
    private static final String AUDIT_RESET = "insert into audit_log (user_id, action, detail, row_count)"
            + " values ($1, 'user_password_reset', jsonb_build_object('userId', $2::bigint), $3)";

    /** A user as the admin's list shows it. */
    public record User(long id, String username, String role, String province, String district, boolean disabled,
                       List<Long> siteIds) {
    }

    /** What an update changes; a null part is left as it is. */
    public record Change(String passwordHash, Boolean disabled, List<Long> siteIds) {
    }

    /** A password reset done: whose, and how many of their sessions it ended. */
    public record Reset(long id, String username, int sessionsEnded) {
    }

    private final Pool pool;

    public UserStore(Pool pool) {
        this.pool = pool;
    }

    /** The new user's id; 409 for a taken username, 422 for an unknown site. */
    public Future<Long> create(String username, String passwordHash, String role, String province, String district,
                               List<Long> siteIds, long byUserId) {
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT_USER)
                        .execute(Tuple.of(username, passwordHash, role, province, district))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .compose(id -> setSites(tx, id, siteIds).map(id))
                        .compose(id -> tx.preparedQuery(AUDIT_CREATE).execute(Tuple.of(byUserId, id, role,
                                siteIds.toArray(Long[]::new))).map(id)))
                .recover(UserStore::constraintProblem);
    }

    public Future<List<User>> list() {
        return pool.query(LIST).execute().map(rows -> {
            List<User> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new User(r.getLong("id"), r.getString("username"), r.getString("role"), r.getString("province"),
                        r.getString("district"), r.getBoolean("disabled"), List.of(r.getArrayOfLongs("site_ids"))));
            }
            return out;
        });
    }

    /**
     * Applies {@code c} in one transaction: a new password or disabling ends the user's sessions with it.
     * False when there is no such user (nothing changed).
     */
    /** Applies {@code c} to user {@code id} and audits it as done by {@code byUserId}; false when there is no such user. */
    public Future<Boolean> update(long id, Change c, long byUserId) {
        return pool.withTransaction(tx -> exists(tx, id).compose(found -> !found ? Future.succeededFuture(false)
                        : (c.passwordHash() == null ? Future.<Void>succeededFuture()
                                : tx.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, c.passwordHash()))
                                        .compose(r -> endSessions(tx, id)))
                        .compose(v -> c.disabled() == null ? Future.<Void>succeededFuture()
                                : tx.preparedQuery(SET_DISABLED).execute(Tuple.of(id, c.disabled()))
                                        .compose(r -> c.disabled() ? endSessions(tx, id) : Future.<Void>succeededFuture()))
                        .compose(v -> c.siteIds() == null ? Future.<Void>succeededFuture()
                                : tx.preparedQuery(CLEAR_SITES).execute(Tuple.of(id))
                                        .compose(r -> setSites(tx, id, c.siteIds())))
                        .compose(v -> tx.preparedQuery(AUDIT_UPDATE).execute(Tuple.of(byUserId, id,
                                c.passwordHash() != null ? Boolean.TRUE : null, c.disabled(),
                                c.siteIds() == null ? null : c.siteIds().toArray(Long[]::new))))
                        .map(true)))
                .recover(UserStore::constraintProblem);
    }

    /**
     * Gives user {@code id} a new password (hashed), ends every session of theirs and audits it as done by
     * {@code byUserId}, in one transaction. Empty when there is no such user (nothing changed).
     */
    public Future<Optional<Reset>> resetPassword(long id, String passwordHash, long byUserId) {
        return pool.withTransaction(tx -> tx.preparedQuery(RESET).execute(Tuple.of(id, passwordHash)).compose(rows -> {
            if (!rows.iterator().hasNext()) {
                return Future.succeededFuture(Optional.<Reset>empty());
            }
            String username = rows.iterator().next().getString("username");
            return tx.preparedQuery(END_SESSIONS).execute(Tuple.of(id)).map(ended -> ended.rowCount())
                    .compose(ended -> tx.preparedQuery(AUDIT_RESET).execute(Tuple.of(byUserId, id, ended))
                            .map(v -> Optional.of(new Reset(id, username, ended))));
        }));
    }

    private static Future<Boolean> exists(SqlClient tx, long id) {
        return tx.preparedQuery(EXISTS).execute(Tuple.of(id)).map(rows -> rows.iterator().hasNext());
    }

    private static Future<Void> endSessions(SqlClient tx, long id) {
        return tx.preparedQuery(END_SESSIONS).execute(Tuple.of(id)).mapEmpty();
    }

    private static Future<Void> setSites(SqlClient tx, long userId, List<Long> sites) {
        return sites.isEmpty() ? Future.succeededFuture()
                : tx.preparedQuery(SET_SITES).execute(Tuple.tuple().addLong(userId)
                        .addArrayOfLong(sites.toArray(Long[]::new))).mapEmpty();
    }

    private static <T> Future<T> constraintProblem(Throwable t) {
        if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return Future.failedFuture(ApiException.conflict("username-taken", "That username is already taken")
                    .with("field", "username"));
        }
        if (t instanceof PgException pg && "23503".equals(pg.getSqlState())) {
            return Future.failedFuture(ApiException.unprocessable("unknown-site", "siteIds names a site that does not exist")
                    .with("field", "siteIds"));
        }
        return Future.failedFuture(t);
    }
}
