package vn.kiosk.qr;

import java.time.Duration;
import java.time.Instant;

/**
 * The text inside a site's check-in QR: a rotating kiosk token {@code k1.<kioskId>.<step>.<mac>} or a printed
 * poster token {@code p1.<siteId>.<generation>.<mac>}. The format is in TOKENS.md; kiosk browsers compute it in JS.
 */
public final class SiteToken {
    public static final Duration STEP = Duration.ofSeconds(30);

    static final String KIOSK_PREFIX = "k1";
    static final String POSTER_PREFIX = "p1";
    static final int MAX_LENGTH = 2 + 1 + 18 + 1 + 18 + 1 + TokenText.MAC_CHARS;
    private static final long STEP_SECONDS = STEP.getSeconds();

    public enum Kind { KIOSK, POSTER }

    public record Claims(Kind kind, long id, long stepOrGeneration) {
    }

    private SiteToken() {
    }

    public static String forKiosk(long kioskId, byte[] kioskSecret, Instant now) {
        requireNonNegative(kioskId, "kioskId");
        long step = stepOf(now);
        requireNonNegative(step, "step of now");
        String signed = KIOSK_PREFIX + "." + kioskId + "." + step;
        return signed + "." + TokenText.macText(kioskSecret, signed);
    }

    public static String forPoster(long siteId, int generation, byte[] posterKey) {
        requireNonNegative(siteId, "siteId");
        requireNonNegative(generation, "generation");
        String signed = POSTER_PREFIX + "." + siteId + "." + generation;
        return signed + "." + TokenText.macText(posterKey, signed);
    }

    /** Structure only: tells the caller whose secret to fetch. Nothing is authenticated yet. */
    public static Claims parse(String token) throws TokenException {
        String[] parts = TokenText.fields(token, 4, MAX_LENGTH, "site token");
        Kind kind = switch (parts[0]) {
            case KIOSK_PREFIX -> Kind.KIOSK;
            case POSTER_PREFIX -> Kind.POSTER;
            default -> throw new TokenException("site token has an unknown prefix");
        };
        long id = TokenText.number(parts[1], "site token id");
        long counter = TokenText.number(parts[2], kind == Kind.KIOSK ? "site token step" : "site token generation");
        if (kind == Kind.POSTER && counter > Integer.MAX_VALUE) {
            throw new TokenException("site token generation is out of range");
        }
        TokenText.checkMacField(parts[3], "site token");
        return new Claims(kind, id, counter);
    }

    /** Accepts steps from {@code windowSteps} behind the current one up to one ahead (kiosk clock drift). */
    public static Claims verifyKiosk(String token, byte[] kioskSecret, Instant now, int windowSteps)
            throws TokenException {
        if (windowSteps < 0) {
            throw new IllegalArgumentException("windowSteps must not be negative");
        }
        Claims claims = parse(token);
        if (claims.kind() != Kind.KIOSK) {
            throw new TokenException("site token is not a kiosk token");
        }
        TokenText.checkMac(kioskSecret, signedPart(token), macPart(token), "site token");
        long current = stepOf(now);
        if (claims.stepOrGeneration() < current - windowSteps) {
            throw new TokenException("site token expired");
        }
        if (claims.stepOrGeneration() > current + 1) {
            throw new TokenException("site token is from the future");
        }
        return claims;
    }

    /** Poster tokens never expire by time; the server revokes them by bumping the site's generation. */
    public static Claims verifyPoster(String token, byte[] posterKey) throws TokenException {
        Claims claims = parse(token);
        if (claims.kind() != Kind.POSTER) {
            throw new TokenException("site token is not a poster token");
        }
        TokenText.checkMac(posterKey, signedPart(token), macPart(token), "site token");
        return claims;
    }

    /** The first instant at which {@link #verifyKiosk} refuses a token of {@code step}. */
    public static Instant expiresAt(long step, int windowSteps) {
        return Instant.ofEpochSecond(Math.multiplyExact(step + windowSteps + 1, STEP_SECONDS));
    }

    public static long stepOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    private static String signedPart(String token) {
        return token.substring(0, token.lastIndexOf('.'));
    }

    private static String macPart(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
