package vn.kiosk.qr;

import java.time.Duration;
import java.time.Instant;

/**
 * The short-lived QR a visitor's phone shows after a self check-in:
 * {@code c1.<visitRef>.<siteId>.<1|d|0>.<bluezoneId or empty>.<expiresAt>.<mac>}, HMAC-SHA256 with a server key:
 * {@code 1} installed with its ID, {@code d} declared installed without the ID, {@code 0} not installed.
 */
public final class Confirmation {
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    static final String PREFIX = "c1";
    static final int MAX_LENGTH = 2 + 1 + ConfirmationClaims.MAX_VISIT_REF_LENGTH + 1 + 18 + 1 + 1 + 1
            + ConfirmationClaims.MAX_BLUEZONE_ID_LENGTH + 1 + 18 + 1 + TokenText.MAC_CHARS;

    private Confirmation() {
    }

    /** Claims for a confirmation that expires {@link #VALIDITY} after {@code now}. */
    public static ConfirmationClaims claims(String visitRef, long siteId, String bluezoneIdOrNull, Instant now) {
        return new ConfirmationClaims(visitRef, siteId, bluezoneIdOrNull != null, bluezoneIdOrNull,
                now.plus(VALIDITY).getEpochSecond());
    }

    public static String issue(ConfirmationClaims c, byte[] key) {
        String signed = PREFIX + "." + c.visitRef() + "." + c.siteId() + "." + flag(c) + "."
                + (c.bluezoneId() == null ? "" : c.bluezoneId()) + "." + c.expiresAtEpochSeconds();
        return signed + "." + TokenText.macText(key, signed);
    }

    private static String flag(ConfirmationClaims c) {
        return !c.installed() ? "0" : c.bluezoneId() == null ? "d" : "1";
    }

    public static ConfirmationClaims verify(String text, byte[] key, Instant now) throws TokenException {
        String[] parts = TokenText.fields(text, 7, MAX_LENGTH, "confirmation");
        if (!PREFIX.equals(parts[0])) {
            throw new TokenException("confirmation has an unknown prefix");
        }
        if (!ConfirmationClaims.isVisitRef(parts[1])) {
            throw new TokenException("confirmation visit reference is malformed");
        }
        long siteId = TokenText.number(parts[2], "confirmation site id");
        boolean installed = switch (parts[3]) {
            case "1", "d" -> true;
            case "0" -> false;
            default -> throw new TokenException("confirmation installed flag must be 1, d or 0");
        };
        String bluezoneId = parts[4].isEmpty() ? null : parts[4];
        if (parts[3].equals("1") != (bluezoneId != null) || (bluezoneId != null && !ConfirmationClaims.isBluezoneId(bluezoneId))) {
            throw new TokenException("confirmation Bluezone ID is malformed");
        }
        long expiresAt = TokenText.number(parts[5], "confirmation expiry");
        TokenText.checkMacField(parts[6], "confirmation");
        TokenText.checkMac(key, text.substring(0, text.lastIndexOf('.')), parts[6], "confirmation");
        if (now.getEpochSecond() >= expiresAt) {
            throw new TokenException("confirmation expired");
        }
        return new ConfirmationClaims(parts[1], siteId, installed, bluezoneId, expiresAt);
    }
}
