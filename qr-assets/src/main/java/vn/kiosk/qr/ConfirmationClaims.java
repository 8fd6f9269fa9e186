package vn.kiosk.qr;

/**
 * What a Bluezone confirmation QR asserts about one visit. {@code bluezoneId} is the short ID the Bluezone app
 * shows on its home screen: given when the visitor found it, absent when not installed or when the visitor declared
 * Bluezone installed without finding its ID (which must not stop them at the door: {@link #declaredOnly()}).
 */
public record ConfirmationClaims(String visitRef, long siteId, boolean installed, String bluezoneId,
                                 long expiresAtEpochSeconds) {
    public static final int MAX_VISIT_REF_LENGTH = 64;
    public static final int MIN_BLUEZONE_ID_LENGTH = 4;
    public static final int MAX_BLUEZONE_ID_LENGTH = 12;

    public ConfirmationClaims {
        if (!isVisitRef(visitRef)) {
            throw new IllegalArgumentException("visitRef must be 1 to 64 characters of [A-Za-z0-9-]");
        }
        if (siteId < 0) {
            throw new IllegalArgumentException("siteId must not be negative");
        }
        if (expiresAtEpochSeconds < 0) {
            throw new IllegalArgumentException("expiresAt must not be negative");
        }
        if (installed && bluezoneId != null && !isBluezoneId(bluezoneId)) {
            throw new IllegalArgumentException("a Bluezone ID is 4 to 12 characters of [A-Za-z0-9]");
        }
        if (!installed && bluezoneId != null) {
            throw new IllegalArgumentException("bluezoneId must be null when Bluezone is not installed");
        }
    }

    /** Installed by the visitor's word, without the ID that would let a kiosk confirm it. */
    public boolean declaredOnly() {
        return installed && bluezoneId == null;
    }

    static boolean isVisitRef(String text) {
        return text != null && matches(text, 1, MAX_VISIT_REF_LENGTH, true);
    }

    static boolean isBluezoneId(String text) {
        return text != null && matches(text, MIN_BLUEZONE_ID_LENGTH, MAX_BLUEZONE_ID_LENGTH, false);
    }

    private static boolean matches(String text, int min, int max, boolean dashAllowed) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || (dashAllowed && c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
