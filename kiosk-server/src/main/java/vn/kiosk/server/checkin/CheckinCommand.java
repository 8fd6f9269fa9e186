package vn.kiosk.server.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One check-in or check-out, fully resolved and validated, as the visit writer stores it: who asks, who the visitor
 * is, what happened. Personal numbers arrive here already hashed, encrypted and masked.
 */
public record CheckinCommand(Asker asker, Visitor visitor, Act act) {

    /** Who records it: the site, and the kiosk or the signed-in user (neither for a poster). */
    public record Asker(long siteId, Long kioskId, Long userId) {
    }

    /**
     * Who the visitor is: a visitor id (from a visitor pass, or a guard's exit mark) or the details to find or make
     * one by. {@code selfDeclared}: typed on the phone page, so the phone and name are only what was typed.
     */
    public record Visitor(Long id, String name, String nameFolded, Sealed phone, Sealed idNumber,
                          boolean selfDeclared) {
        static Visitor known(long id) {
            return new Visitor(id, "", "", null, null, false);
        }
    }

    /**
     * What happened: the client's request id, the direction (in | out | auto), when, how the visitor was identified
     * (manual | self | poster | pass | cccd), at which gate, the Bluezone answer; {@code newVisitId} the id a new stay
     * gets; {@code digest} the {@link RequestDigest} telling a replay from a reused id; {@code closeVisit} the open
     * visit this exit must end (a guard's "mark exit"), or null.
     */
    public record Act(UUID requestId, String direction, OffsetDateTime occurredAt, String method, String gate,
                      String bluezone, String bluezoneId, UUID newVisitId, byte[] digest, UUID closeVisit) {
    }

    /** A personal number as stored: keyed hash, ciphertext, masked form. */
    public record Sealed(byte[] hash, byte[] encrypted, String masked) {
    }
}
