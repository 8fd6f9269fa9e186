package vn.kiosk.qr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared pieces of the dotted token formats: strict field parsing and truncated HMAC tags. */
final class TokenText {
    static final int MAC_BYTES = 16;
    static final int MAC_CHARS = 22;
    static final int MIN_KEY_BYTES = 16;
    private static final int MAX_LONG_DIGITS = 18;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    });

    private TokenText() {
    }

    static String base64Url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    /** Decodes only the canonical encoding, so no two texts carry the same bytes (a changed pad bit is refused). */
    static byte[] decodeBase64Url(String text, String what) throws TokenException {
        for (int i = 0; i < text.length(); i++) {
            if (!isBase64UrlChar(text.charAt(i))) {
                throw new TokenException(what + " is not base64url");
            }
        }
        byte[] bytes;
        try {
            bytes = B64URL_DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new TokenException(what + " is not base64url");
        }
        if (!B64URL.encodeToString(bytes).equals(text)) {
            throw new TokenException(what + " is not canonical base64url");
        }
        return bytes;
    }

    static String macText(byte[] key, String signedText) {
        checkKey(key);
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable HMAC key", e);
        }
        byte[] full = mac.doFinal(signedText.getBytes(StandardCharsets.US_ASCII));
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return base64Url(truncated);
    }

    /** Compares the encoded tags so every character of the text matters; constant time over equal lengths. */
    static void checkMac(byte[] key, String signedText, String givenMac, String what) throws TokenException {
        String expected = macText(key, signedText);
        boolean same = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), givenMac.getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            throw new TokenException(what + " signature is invalid");
        }
    }

    static void checkKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key must have at least " + MIN_KEY_BYTES + " bytes");
        }
    }

    /** Splits on '.' keeping empty fields; refuses any other field count. */
    static String[] fields(String text, int count, int maxLength, String what) throws TokenException {
        if (text == null || text.isEmpty()) {
            throw new TokenException(what + " is empty");
        }
        if (text.length() > maxLength) {
            throw new TokenException(what + " is too long");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != count) {
            throw new TokenException(what + " must have " + count + " dot-separated fields");
        }
        return parts;
    }

    /** A non-negative decimal without sign or leading zeros, so each number has exactly one spelling. */
    static long number(String field, String what) throws TokenException {
        int length = field.length();
        if (length == 0 || length > MAX_LONG_DIGITS) {
            throw new TokenException(what + " must have 1 to " + MAX_LONG_DIGITS + " digits");
        }
        if (length > 1 && field.charAt(0) == '0') {
            throw new TokenException(what + " has a leading zero");
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw new TokenException(what + " must be digits only");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static void checkMacField(String field, String what) throws TokenException {
        if (field.length() != MAC_CHARS) {
            throw new TokenException(what + " signature must be " + MAC_CHARS + " characters");
        }
        decodeBase64Url(field, what + " signature");
    }

    static boolean isBase64UrlChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
