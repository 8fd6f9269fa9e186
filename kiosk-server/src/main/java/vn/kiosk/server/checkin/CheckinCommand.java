package vn.kiosk.server.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One check-in or check-out, fully resolved and validated, as the visit writer stores it: who asks, who the visitor
 * is, what happened. Personal numbers arrive here already hashed, encrypted and masked.
 */
public record CheckinCommand(Asker asker, Visitor visitor, Act act, Consent consent) {

    /** Without consent recorded (a guard's exit mark, the demo's seed). */
    public CheckinCommand(Asker asker, Visitor visitor, Act act) {
        this(asker, visitor, act, Consent.NONE);
    }

    /** Who records it: the site, and the kiosk or the signed-in user (neither for a poster). */
    public record Asker(long siteId, Long kioskId, Long userId) {
    }

    /**
     * Who the visitor is: a visitor id (from a visitor pass, or a guard's exit mark) or the details to find or make
     * one by. {@code selfDeclared}: typed on the phone page, so the phone and name are only what was typed.
     */
    public record Visitor(Long id, String name, String nameFolded, Sealed phone, Sealed idNumber,
                          boolean selfDeclared, byte[] cccdExtra) {
        public Visitor(Long id, String name, String nameFolded, Sealed phone, Sealed idNumber, boolean selfDeclared) {
            this(id, name, nameFolded, phone, idNumber, selfDeclared, null);
        }

        static Visitor known(long id) {
            return new Visitor(id, "", "", null, null, false);
        }
    }

    /**
     * The consent recorded with the visit: the notice version agreed to (null: none recorded), how (self | kiosk |
     * staff: given now, kept on the visitor too; pass: carried) and to whom (the site's controller).
     * {@code cccdExtra} on the visitor: a CCCD's birth date / address, encrypted, only at a site configured to need them.
     */
    public record Consent(Integer version, String method, String controller) {
        public static final Consent NONE = new Consent(null, null, null);
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
