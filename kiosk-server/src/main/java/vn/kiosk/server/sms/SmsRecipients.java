package vn.kiosk.server.sms;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import vn.kiosk.server.visitor.VisitIds;

/** Whom a choice is about: a visitor, and whether there is a phone to send to (never the number itself). */
public final class SmsRecipients {
    private static final String VISITOR = "select id as visitor_id, phone_enc is not null as has_phone from visitors"
            + " where id = $1";
    private static final String VISIT = "select v.visitor_id, r.phone_enc is not null as has_phone from visits v"
            + " join visitors r on r.id = v.visitor_id where v.site_id = $1 and v.id = $2"
            + " and v.entered_at >= $3 and v.entered_at < $4";

    public record Recipient(long visitorId, boolean hasPhone) {
    }

    private final Pool pool;

    public SmsRecipients(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<Recipient>> visitor(long visitorId) {
        return pool.preparedQuery(VISITOR).execute(Tuple.of(visitorId)).map(SmsRecipients::first);
    }

    /** The visitor of a visit at this site; the visit id's time bounds name the partitions it can lie in. */
    public Future<Optional<Recipient>> ofVisit(long siteId, UUID visitId) {
        return pool.preparedQuery(VISIT).execute(Tuple.of(siteId, visitId, VisitIds.earliest(visitId),
                VisitIds.latest(visitId))).map(SmsRecipients::first);
    }

    private static Optional<Recipient> first(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new Recipient(r.getLong("visitor_id"), r.getBoolean("has_phone")));
    }
}
