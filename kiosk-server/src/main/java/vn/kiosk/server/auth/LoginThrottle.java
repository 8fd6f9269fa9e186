package vn.kiosk.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import vn.kiosk.server.http.ApiException;

/**
 * Who may try a password now. Password guessing is slowed without letting a
 * stranger lock a real user out:
 * <ul>
 * <li>a <b>known device</b> (one holding the signed cookie of an earlier
 * successful sign-in to that account) is limited only by its own failures:
 * {@value #DEVICE_FAILURES} in the window, and it counts as unknown until the
 * window ends;</li>
 * <li>an <b>address</b> with {@value #ADDRESS_FAILURES} failures in the window
 * (over any accounts) is refused until the window ends;</li>
 * <li>an <b>account</b> with {@value #ACCOUNT_FAILURES} failures from unknown
 * devices in the window is slowed for unknown devices: one attempt every
 * {@link #SLOW_STEP} among all of them, until the window ends.</li>
 * </ul>
 * Counted per server instance, like {@link vn.kiosk.server.http.RateLimiter}.
 */
final class LoginThrottle {
    static final int DEVICE_FAILURES = 10;
    static final int ADDRESS_FAILURES = 30;
    static final int ACCOUNT_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration SLOW_STEP = Duration.ofSeconds(30);
    private static final int MAX_KEYS = 100_000;

    /** Failures since {@code start}; {@code next}: when an unknown device may try this account again. */
    private record Window(long start, int failures, long next) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Fails with 429 (and Retry-After) when this attempt must wait; else lets it through (taking the slow
     * account's next slot). {@code device}: the verified known-device cookie for this account, or null.
     */
    void check(String account, String address, String device, Instant at) {
        long now = at.toEpochMilli();
        if (device != null && failures("d:" + device, now) < DEVICE_FAILURES) {
            return;
        }
        Window a = current("a:" + address, now);
        if (a != null && a.failures >= ADDRESS_FAILURES) {
            throw refused("from this address", a.start + WINDOW.toMillis() - now);
        }
        long[] wait = {0};
        windows.computeIfPresent("u:" + account, (k, w) -> {
            if (now - w.start >= WINDOW.toMillis() || w.failures < ACCOUNT_FAILURES) {
                return w;
            }
            if (now < w.next) {
                wait[0] = w.next - now;
                return w;
            }
            return new Window(w.start, w.failures, now + SLOW_STEP.toMillis());
        });
        if (wait[0] > 0) {
            throw refused("for this account from a device that has not signed in to it before", wait[0]);
        }
    }

    /** Counts a wrong password (or unknown account): against the known device, or against address and account. */
    void failed(String account, String address, String device, Instant at) {
        long now = at.toEpochMilli();
        if (device != null && failures("d:" + device, now) < DEVICE_FAILURES) {
            count("d:" + device, now);
            return;
        }
        count("a:" + address, now);
        count("u:" + account, now);
    }

    private int failures(String key, long now) {
        Window w = current(key, now);
        return w == null ? 0 : w.failures;
    }

    private Window current(String key, long now) {
        Window w = windows.get(key);
        return w == null || now - w.start >= WINDOW.toMillis() ? null : w;
    }

    private void count(String key, long now) {
        windows.compute(key, (k, w) -> w == null || now - w.start >= WINDOW.toMillis() ? new Window(now, 1, now)
                : new Window(w.start, w.failures + 1, w.next));
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> now - e.getValue().start >= WINDOW.toMillis());
        }
    }

    private static ApiException refused(String what, long waitMillis) {
        int seconds = (int) Math.max(1, (waitMillis + 999) / 1000);
        return ApiException.tooMany("Too many failed sign-ins " + what + "; try again in " + seconds + " s", seconds);
    }
}
