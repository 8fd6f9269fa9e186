package vn.kiosk.server.checkin;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import vn.kiosk.server.visitor.VisitIds;

/**
 * One visit after its check-in, by site and visit id: whether it is open, its Bluezone status and who it is. Every
 * look-up is bounded by the entry times its id allows ({@link VisitIds}), so that it names a few daily partitions.
 * Writes of entries and exits go through {@link VisitWriter}, never here.
 */
public final class VisitStore {
    private static final String BOUNDED = " and v.entered_at >= $%d and v.entered_at < $%d";
    private static final String OPEN_VISITOR = "select p.visitor_id from presence p where p.site_id = $1 and p.visit_id = $2";
    private static final String CONFIRM = "update visits v set bluezone = $3, bluezone_id = coalesce($4, v.bluezone_id),"
            + " confirmed_at = now() where v.site_id = $1 and v.id = $2 and v.confirmed_at is null" + BOUNDED.formatted(5, 6)
            + " returning v.visitor_id, (select name from visitors where id = v.visitor_id) as name";
    private static final String VISIT = "select v.visitor_id, v.bluezone, r.name from visits v"
            + " join visitors r on r.id = v.visitor_id where v.site_id = $1 and v.id = $2" + BOUNDED.formatted(3, 4);
    private static final String STATUS = "select v.bluezone, v.confirmed_at from visits v where v.site_id = $1 and v.id = $2"
            + BOUNDED.formatted(3, 4);
    private static final String MARK = "update visits v set bluezone = $3, bluezone_id = coalesce($4, v.bluezone_id)"
            + " where v.site_id = $1 and v.id = $2" + BOUNDED.formatted(5, 6)
            + " returning v.visitor_id, (select name from visitors where id = v.visitor_id) as name";

    /** A visit whose Bluezone status was just set: whose it is. */
    public record Marked(long visitorId, String name) {
    }

    /** A visit as a pass or a confirmation answer needs it. */
    public record Visit(long visitorId, String bluezone, String name) {
    }

    /** Whether a visit's confirmation was scanned, and its status. */
    public record Status(String bluezone, OffsetDateTime confirmedAt) {
    }

    private final Pool pool;

    public VisitStore(Pool pool) {
        this.pool = pool;
    }

    /** The visitor of an open visit (on record in presence); empty when it is not open or not there. */
    public Future<Optional<Long>> openVisitor(long siteId, UUID visitId) {
        return pool.preparedQuery(OPEN_VISITOR).execute(Tuple.of(siteId, visitId))
                .map(rows -> first(rows).map(r -> r.getLong("visitor_id")));
    }

    /** Sets the status a scanned confirmation gives, once: empty when it was confirmed before (or no such visit). */
    public Future<Optional<Marked>> confirm(long siteId, UUID visitId, String status, String bluezoneId) {
        return pool.preparedQuery(CONFIRM).execute(bounded(siteId, visitId, status, bluezoneId)).map(VisitStore::marked);
    }

    /** Sets the status a guard chose; empty when there is no such visit. */
    public Future<Optional<Marked>> mark(long siteId, UUID visitId, String status, String bluezoneId) {
        return pool.preparedQuery(MARK).execute(bounded(siteId, visitId, status, bluezoneId)).map(VisitStore::marked);
    }

    public Future<Optional<Visit>> visit(long siteId, UUID visitId) {
        return pool.preparedQuery(VISIT).execute(Tuple.of(siteId, visitId, VisitIds.earliest(visitId),
                VisitIds.latest(visitId))).map(rows -> first(rows).map(r -> new Visit(r.getLong("visitor_id"),
                r.getString("bluezone"), r.getString("name"))));
    }

    public Future<Optional<Status>> status(long siteId, UUID visitId) {
        return pool.preparedQuery(STATUS).execute(Tuple.of(siteId, visitId, VisitIds.earliest(visitId),
                VisitIds.latest(visitId))).map(rows -> first(rows).map(r -> new Status(r.getString("bluezone"),
                r.getOffsetDateTime("confirmed_at"))));
    }

    private static Tuple bounded(long siteId, UUID visitId, String status, String bluezoneId) {
        return Tuple.of(siteId, visitId, status, bluezoneId, VisitIds.earliest(visitId), VisitIds.latest(visitId));
    }

    private static Optional<Marked> marked(RowSet<Row> rows) {
        return first(rows).map(r -> new Marked(r.getLong("visitor_id"), r.getString("name")));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
    }
}
