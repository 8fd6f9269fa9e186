package vn.kiosk.server.log;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * The live stream's single-use tickets: each lives a minute and opens one stream of one site. Tickets and the
 * sign-ins they stand for arrive and are stored as hashes: this class never sees either in clear.
 */
public final class EventTicketStore {
    private static final String NEW_TICKET = "insert into event_tickets (ticket_hash, site_id, user_id, token_hash,"
            + " expires_at) values ($1, $2, $3, $4, now() + interval '60 seconds')";
    private static final String REDEEM = "delete from event_tickets where ticket_hash = $1 and site_id = $2"
            + " and expires_at > now() returning token_hash";

    private final Pool pool;

    public EventTicketStore(Pool pool) {
        this.pool = pool;
    }

    /** A ticket for site {@code siteId}, issued to the sign-in whose token hashes to {@code tokenHash}. */
    public Future<Void> issue(byte[] ticketHash, long siteId, long userId, byte[] tokenHash) {
        return pool.preparedQuery(NEW_TICKET)
                .execute(Tuple.of(Buffer.buffer(ticketHash), siteId, userId, Buffer.buffer(tokenHash))).mapEmpty();
    }

    /** Uses up the ticket: the hash of the sign-in it was issued to; empty when unknown, used or expired. */
    public Future<Optional<byte[]>> redeem(byte[] ticketHash, long siteId) {
        return pool.preparedQuery(REDEEM).execute(Tuple.of(Buffer.buffer(ticketHash), siteId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getBuffer("token_hash").getBytes()) : Optional.empty());
    }
}
