package vn.kiosk.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters for the anonymous self check-in, per key (a site
 * token, a visitor, an address). Kept per server instance: behind a load
 * balancer each instance allows its share, which bounds abuse all the same.
 */
public final class RateLimiter {
    private record Window(long start, int count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final long windowMillis;

    public RateLimiter(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Fails with 429 when {@code key} is already past {@code limit} in the current window, without counting. */
    public void check(String key, int limit, String what) {
        long now = System.currentTimeMillis();
        Window w = windows.get(key);
        if (w != null && now - w.start < windowMillis && w.count >= limit) {
            int retry = (int) Math.max(1, (w.start + windowMillis - now + 999) / 1000);
            throw ApiException.tooMany("Too many attempts " + what + "; wait a moment", retry);
        }
    }

    /** Counts one use of {@code key}; fails with 429 past {@code limit} in the current window. */
    public void hit(String key, int limit, String what) {
        long now = System.currentTimeMillis();
        Window w = windows.compute(key, (k, old) ->
                old == null || now - old.start >= windowMillis ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (w.count > limit) {
            int retry = (int) Math.max(1, (w.start + windowMillis - now + 999) / 1000);
            throw ApiException.tooMany("Too many check-ins " + what + "; wait a moment", retry);
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start >= windowMillis);
        }
    }
}
