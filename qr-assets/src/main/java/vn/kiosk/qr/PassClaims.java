package vn.kiosk.qr;

import java.text.Normalizer;

/** What a visitor pass asserts. The display name is stored NFC and trimmed so signer and verifier agree. */
public record PassClaims(long visitorId, String displayName, long issuedAtEpochSeconds) {
    public static final int MAX_NAME_LENGTH = 100;

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
        if (name == null) {
            throw new IllegalArgumentException("displayName is required");
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (nfc.isEmpty() || nfc.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("displayName must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (!TextRules.isPrintable(nfc)) {
            throw new IllegalArgumentException("displayName contains control or invalid characters");
        }
        return nfc;
    }
}
