package vn.kiosk.qr;

/** Values published in TOKENS.md; tests keep the document honest. */
final class TokenVectors {
    static final String PASS = "v1.42.1627804800.Tmd1eeG7hW4gVsSDbiBBbg."
            + "4phQl9PYM7beQqloG6SsiMm14sjX9bJXQrPBwqmlWYDjt0desqXN5yevQ3AvBMpr1Cq0LUMedcYrPT0MO1y-Cg";

    private TokenVectors() {
    }
}
