package vn.kiosk.server.web;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh Vietnamese mobile numbers, so each test's visitors are new people. */
final class Phones {
    private Phones() {
    }

    static String next() {
        return "091" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
