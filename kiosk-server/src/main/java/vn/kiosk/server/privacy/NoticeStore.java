package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.server.http.ApiException;

/** The privacy notice's versions: only ever added to (the table refuses UPDATE and DELETE). */
public final class NoticeStore {
    private static final String LATEST = "select version, body, created_at from privacy_notices order by version desc limit 1";
    private static final String LIST = "select version, body, created_at, created_by from privacy_notices"
            + " order by version desc";
    private static final String INSERT = "insert into privacy_notices (version, body, created_by)"
            + " select coalesce(max(version), 0) + 1, $1, $2 from privacy_notices returning version, body, created_at";

    /** A version as stored; {@code createdBy} only where the caller asked for it (the list). */
    public record Version(int version, JsonObject body, OffsetDateTime createdAt, Long createdBy) {
    }

    private final Pool pool;
    private final Audit audit;

    public NoticeStore(Pool pool, Audit audit) {
        this.pool = pool;
        this.audit = audit;
    }

    public Future<Version> latest() {
        return pool.query(LATEST).execute().map(rows -> {
            Row r = rows.iterator().next();
            return new Version(r.getInteger("version"), (JsonObject) r.getValue("body"),
                    r.getOffsetDateTime("created_at"), null);
        });
    }

    /** Every version, newest first. */
    public Future<List<Version>> list() {
        return pool.query(LIST).execute().map(rows -> {
            List<Version> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Version(r.getInteger("version"), (JsonObject) r.getValue("body"),
                        r.getOffsetDateTime("created_at"), r.getLong("created_by")));
            }
            return out;
        });
    }

    /** The next version, audited in its transaction; 409 notice-changed when another was added meanwhile. */
    public Future<Version> add(JsonObject body, long userId) {
        return pool.withTransaction(c -> c.preparedQuery(INSERT).execute(Tuple.of(body, userId)).compose(rows -> {
                    Row r = rows.iterator().next();
                    int version = r.getInteger("version");
                    return audit.write(c, userId, "privacy.notice_version", null,
                            new JsonObject().put("version", version), null).map(v -> new Version(version,
                            (JsonObject) r.getValue("body"), r.getOffsetDateTime("created_at"), null));
                }))
                .recover(t -> Future.failedFuture(t instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? ApiException.conflict("notice-changed", "Another version was added meanwhile; retry")
                        : t));
    }
}
