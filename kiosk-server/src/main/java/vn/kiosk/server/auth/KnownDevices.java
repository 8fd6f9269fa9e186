package vn.kiosk.server.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "known device" cookie a successful sign-in leaves in the browser: proof
 * that this device signed in to this account before, so that a stranger's
 * wrong passwords for the account do not slow it down ({@link LoginThrottle}).
 * It proves nothing else and signs nobody in. One cookie per account, sent
 * only to the sign-in path:
 * <pre>kiosk_device_&lt;16 hex of SHA-256(account)&gt; = d1.&lt;expiresAt&gt;.&lt;mac&gt;</pre>
 * mac: base64url of the first 16 bytes of HMAC-SHA256 over {@code d1.<account>.<expiresAt>}, keyed with a key
 * derived from the session key (so every instance that shares the keys accepts it).
 */
final class KnownDevices {
    static final Duration VALIDITY = Duration.ofDays(180);
    static final String PATH = "/api/v1/auth/login";
    private static final Pattern VALUE = Pattern.compile("d1\\.([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{22})");

    private final byte[] key;

    KnownDevices(byte[] sessionKey) {
        this.key = hmac(sessionKey, "kiosk known-device cookie v1".getBytes(StandardCharsets.US_ASCII));
    }

    static String cookieName(String account) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "kiosk_device_" + HexFormat.of().formatHex(digest, 0, 8);
    }

    Cookie issue(String account, Instant now, boolean https) {
        long expires = now.plus(VALIDITY).getEpochSecond();
        return Cookie.cookie(cookieName(account), "d1." + expires + "." + mac(account, expires))
                .setPath(PATH).setMaxAge(VALIDITY.toSeconds()).setHttpOnly(true).setSecure(https)
                .setSameSite(CookieSameSite.STRICT);
    }

    /** The device's identity when {@code value} is a genuine, unexpired cookie of {@code account}; else null. */
    String verify(String account, String value, Instant now) {
        if (value == null) {
            return null;
        }
        var m = VALUE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        long expires = Long.parseLong(m.group(1));
        byte[] expected = mac(account, expires).getBytes(StandardCharsets.US_ASCII);
        if (now.getEpochSecond() >= expires
                || !MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return m.group(2);
    }

    private String mac(String account, long expires) {
        byte[] tag = hmac(key, ("d1." + account + "." + expires).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(tag, 16));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
