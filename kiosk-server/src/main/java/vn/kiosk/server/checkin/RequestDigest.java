package vn.kiosk.server.checkin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What makes a check-in "the same request" for its id: a replay (same id, same request) is answered with the first
 * answer, the same id with another request is refused (409 id-reused). The request is normalised first, so that a
 * client resending it is never refused for spelling it differently: the site (however named: code or id), the
 * direction asked, the visitor as identified (a pass's visitor, the keyed hashes of phone and ID number, the name),
 * the Bluezone answer, occurredAt as an instant (or none) and the gate asked. A retry sends the same body, so any
 * deterministic digest would do; this one also accepts the phone written another way. Stored with the event (16
 * bytes of SHA-256); documented in openapi.yaml (checkIn).
 */
final class RequestDigest {
    private static final char SEP = '\u0000'; // no accepted text holds a NUL

    private RequestDigest() {
    }

    /** {@code occurredAt}: the request's time as read, or null when it gave none. */
    static byte[] of(long siteId, CheckinRequest request, VisitorIdentity visitor, OffsetDateTime occurredAt) {
        HexFormat hex = HexFormat.of();
        StringBuilder b = new StringBuilder(200).append(siteId).append(SEP).append(request.direction()).append(SEP)
                .append(visitor.method()).append(SEP).append(visitor.visitorId()).append(SEP)
                .append(visitor.phone() == null ? "" : hex.formatHex(visitor.phone().hash())).append(SEP)
                .append(visitor.idNumber() == null ? "" : hex.formatHex(visitor.idNumber().hash())).append(SEP)
                // a pass's name is only what it displays: its visitor is the person
                .append(visitor.visitorId() == null ? visitor.name() : "").append(SEP)
                .append(request.bluezoneStatus()).append(SEP).append(request.bluezoneId()).append(SEP)
                .append(occurredAt == null ? "" : occurredAt.toInstant()).append(SEP).append(request.gate());
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
