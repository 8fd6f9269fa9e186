package vn.kiosk.server.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.kiosk.server.events.Events;

/**
 * What the database answered for one command; {@code replay} when its id was seen before; {@code presence} what it
 * did to the count of people inside (+1, -1 or 0); {@code past} when it belongs to an earlier stay than the visitor's
 * current one (a late record, a repeat), which moves no one in or out.
 */
public record CheckinResult(UUID requestId, boolean replay, UUID visitId, String direction, OffsetDateTime occurredAt,
                            long visitorId, String name, String phoneMasked, boolean newVisitor, String bluezone,
                            int presence, boolean past) {

    /** The event of a stored check-in, as the batch function sent it to the other instances. */
    Events.Event event(CheckinCommand.Act act, long siteId) {
        return new Events.Event("in".equals(direction) ? Events.CHECKIN : Events.CHECKOUT, siteId, visitId.toString(),
                visitorId, name, occurredAt.toString(), act.method(), act.gate(), bluezone, false, presence, past);
    }
}
