package vn.kiosk.server.visitor;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Visit ids are UUID version 7 (RFC 9562): the first 48 bits are the server's
 * time in milliseconds when the visit was created. A visit's entry time lies
 * near that time (a replayed check-in is at most {@link #MAX_PAST}
 * old and at most minutes ahead), so a look-up by id can name a few days of
 * {@code visits} instead of probing every daily partition. Ids of other
 * versions (visits made before, generated or imported data) get no bound.
 */
public final class VisitIds {
    /** How far in the past and the future a check-in's own time may lie from the moment the server takes it. */
    public static final Duration MAX_PAST = Duration.ofHours(72);
    public static final Duration MAX_FUTURE = Duration.ofMinutes(2);
    /** Wider than the check-in window on both sides, so that a bound never excludes its own visit. */
    private static final Duration BEFORE = MAX_PAST.plusDays(1);
    private static final Duration AFTER = Duration.ofDays(1);
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long millis) {
        long randA = RANDOM.nextInt(1 << 12);
        long most = (millis << 16) | 0x7000L | randA;
        long least = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** The earliest entry time a visit with this id can have (no bound for ids of other versions). */
    public static OffsetDateTime earliest(UUID id) {
        return id.version() == 7 ? created(id).minus(BEFORE) : EARLIEST;
    }

    /** The time before which a visit with this id entered. */
    public static OffsetDateTime latest(UUID id) {
        return id.version() == 7 ? created(id).plus(AFTER) : LATEST;
    }

    private static OffsetDateTime created(UUID id) {
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16).atOffset(ZoneOffset.UTC);
    }
}
