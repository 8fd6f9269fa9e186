package vn.kiosk.qr;

import java.time.Duration;
import java.time.Instant;

/**
 * A check-in session: what the visitor's phone gets in exchange for a fresh
 * kiosk or poster code, so that typing name, phone and Bluezone ID may take
 * longer than the 30-second code lives, while a photo of the kiosk's code is
 * still useless a couple of minutes later.
 *
 * <pre>s1.&lt;siteId&gt;.&lt;kioskId or 0&gt;.&lt;k|p&gt;.&lt;expiresAt&gt;.&lt;mac&gt;</pre>
 */
public final class SessionToken {
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final int MAX_LENGTH = 120;

    public record Claims(long siteId, long kioskId, boolean poster, long expiresAtEpochSeconds) {
    }

    private SessionToken() {
    }

    public static String issue(Claims c, byte[] key) {
        TokenText.checkKey(key);
        String signed = "s1." + c.siteId() + "." + c.kioskId() + "." + (c.poster() ? "p" : "k") + "."
                + c.expiresAtEpochSeconds();
        return signed + "." + TokenText.macText(key, signed);
    }

    public static boolean looksLike(String token) {
        return token != null && token.startsWith("s1.");
    }

    public static Claims verify(String token, byte[] key, Instant now) throws TokenException {
        String[] f = TokenText.fields(token, 6, MAX_LENGTH, "session token");
        if (!"s1".equals(f[0]) || !("k".equals(f[3]) || "p".equals(f[3]))) {
            throw new TokenException("not a session token");
        }
        Claims c = new Claims(TokenText.number(f[1], "site id"), TokenText.number(f[2], "kiosk id"), "p".equals(f[3]),
                TokenText.number(f[4], "expiry"));
        TokenText.checkMacField(f[5], "session token");
        TokenText.checkMac(key, token.substring(0, token.lastIndexOf('.')), f[5], "session token");
        if (now.getEpochSecond() >= c.expiresAtEpochSeconds()) {
            throw new TokenException("session token expired");
        }
        return c;
    }
}
