package vn.kiosk.server.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the database answered for one command; {@code replay} when its id was seen before; {@code presence} what it
 * did to the count of people inside (+1, -1 or 0); {@code past} when it belongs to an earlier stay than the visitor's
 * current one (a late record, a repeat), which moves no one in or out.
 */
public record CheckinResult(UUID requestId, boolean replay, UUID visitId, String direction, OffsetDateTime occurredAt,
                            long visitorId, String name, String phoneMasked, boolean newVisitor, String bluezone,
                            int presence, boolean past) {
}
