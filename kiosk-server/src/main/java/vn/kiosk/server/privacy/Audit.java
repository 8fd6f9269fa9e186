package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Every step of a visitor's request, every hold, erasure, notice version and breach export goes to the
 * append-only audit_log. The detail carries ids and counts, never a name or a number.
 */
public final class Audit {
    private static final String INSERT = "insert into audit_log (user_id, action, site_id, detail, row_count)"
            + " values ($1, $2, $3, $4, $5)";

    /** Written on {@code client}: inside the caller's transaction when it passes one. */
    public Future<Void> write(SqlClient client, Long userId, String action, Long siteId, JsonObject detail,
                              Integer rows) {
        return client.preparedQuery(INSERT).execute(Tuple.of(userId, action, siteId, detail, rows)).mapEmpty();
    }
}
