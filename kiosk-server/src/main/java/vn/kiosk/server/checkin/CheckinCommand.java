package vn.kiosk.server.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One check-in or check-out, fully resolved and validated, as the visit writer
 * stores it. Personal numbers arrive here already hashed, encrypted and masked.
 */
public record CheckinCommand(
        UUID id,
        long siteId,
        String direction,          // in | out | auto
        OffsetDateTime occurredAt,
        String method,             // manual | self | poster | pass | cccd
        Long kioskId,
        Long userId,
        String gate,
        Long visitorId,            // known from a visitor pass
        String name,
        String nameFolded,
        Sealed phone,
        Sealed idNumber,
        String bluezone,
        String bluezoneId,
        UUID newVisitId,
        boolean selfDeclared,      // typed on the phone page: the phone and name are only what was typed
        byte[] digest,             // RequestDigest of the request, to tell a replay from a reused id
        UUID closeVisit,           // the open visit this exit must end (a guard's "mark exit"), or null
        Integer consentVersion,    // the notice version agreed to, or null: none recorded
        String consentMethod,      // self | kiosk | staff (given now: kept on the visitor too) | pass (carried)
        String consentController,  // whom it was given to: the site's controller
        byte[] cccdExtra) {        // a CCCD's birth date / address, encrypted, only at a site configured to need them

    /** Without consent or CCCD details (a guard's exit mark). */
    public CheckinCommand(UUID id, long siteId, String direction, OffsetDateTime occurredAt, String method, Long kioskId,
                          Long userId, String gate, Long visitorId, String name, String nameFolded, Sealed phone,
                          Sealed idNumber, String bluezone, String bluezoneId, UUID newVisitId, boolean selfDeclared,
                          byte[] digest, UUID closeVisit) {
        this(id, siteId, direction, occurredAt, method, kioskId, userId, gate, visitorId, name, nameFolded, phone, idNumber,
                bluezone, bluezoneId, newVisitId, selfDeclared, digest, closeVisit, null, null, null, null);
    }

    /** A personal number as stored: keyed hash, ciphertext, masked form. */
    public record Sealed(byte[] hash, byte[] encrypted, String masked) {
    }
}
