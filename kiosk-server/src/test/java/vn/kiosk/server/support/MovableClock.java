package vn.kiosk.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at the real pace from a time the test sets, so a server can be put at 00:05 or 23:55 of
 * its sites' day whatever the hour the suite runs at.
 */
public final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** From now on this clock reads {@code at}, and runs on from there. */
    public void setTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    /** Whether the clock has been set away from the real time. */
    public boolean moved() {
        return !offset.isZero();
    }

    /** The latest moment before now at which the clock on the wall in {@code zone} read {@code hh:mm}. */
    public static Instant lastTimeOfDay(ZoneId zone, int hour, int minute) {
        var now = Instant.now().atZone(zone);
        var at = now.toLocalDate().atTime(hour, minute).atZone(zone);
        return (at.isBefore(now) ? at : at.minusDays(1)).toInstant();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
