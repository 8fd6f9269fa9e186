package vn.kiosk.server.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reading the audit trail, newest first, with the username of whoever acted. */
public final class AuditStore {
    public static final int PAGE = 100;
    private static final String PAGE_BELOW = "select a.id, a.at, a.user_id, u.username, a.action, a.site_id, a.detail,"
            + " a.row_count from audit_log a left join users u on u.id = a.user_id where a.id < $1"
            + " order by a.id desc limit " + PAGE;

    public record Entry(long id, OffsetDateTime at, Long userId, String username, String action, Long siteId,
                        JsonObject detail, Integer rows) {
    }

    private final Pool pool;

    public AuditStore(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@link #PAGE} entries with ids below {@code beforeId}. */
    public Future<List<Entry>> below(long beforeId) {
        return pool.preparedQuery(PAGE_BELOW).execute(Tuple.of(beforeId)).map(rows -> {
            List<Entry> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Entry(r.getLong("id"), r.getOffsetDateTime("at"), r.getLong("user_id"),
                        r.getString("username"), r.getString("action"), r.getLong("site_id"),
                        r.getJsonObject("detail"), r.getInteger("row_count")));
            }
            return out;
        });
    }
}
