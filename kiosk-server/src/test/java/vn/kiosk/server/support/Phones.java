package vn.kiosk.server.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh Vietnamese mobile numbers, so each test's visitors are new people. */
public final class Phones {
    private Phones() {
    }

    public static String next() {
        return "091" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
