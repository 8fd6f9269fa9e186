package vn.kiosk.qr;

/** What a visitor pass asserts. The display name is a {@link PersonName}, in its normal form, so signer and verifier agree. */
public record PassClaims(long visitorId, String displayName, long issuedAtEpochSeconds) {
    public static final int MAX_NAME_LENGTH = PersonName.MAX_LENGTH;

    public PassClaims {
        if (visitorId < 0) {
            throw new IllegalArgumentException("visitorId must not be negative");
        }
        if (issuedAtEpochSeconds < 0) {
            throw new IllegalArgumentException("issuedAt must not be negative");
        }
        displayName = normalizeName(displayName);
    }

    static String normalizeName(String name) {
        try {
            return PersonName.normalize(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("displayName " + e.getMessage(), e);
        }
    }
}
