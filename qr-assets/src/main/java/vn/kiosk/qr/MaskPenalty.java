package vn.kiosk.qr;

/**
 * The QR mask penalty (ISO/IEC 18004 section 7.8.3) with ZXing's weights and reading of the rules: runs of five or
 * more equal modules, 2x2 blocks, finder-like 1011101 runs with four light modules on one side (only modules inside the
 * symbol count), and distance from half dark. One pass per direction.
 */
final class MaskPenalty {
    private static final int RUN_WEIGHT = 3;
    private static final int BLOCK_WEIGHT = 3;
    private static final int FINDER_WEIGHT = 40;
    private static final int BALANCE_WEIGHT = 10;
    private static final int FINDER = 0b1011101;
    private static final int WINDOW = 0x7FFF;

    private MaskPenalty() {
    }

    static int of(byte[][] m) {
        int size = m.length;
        int penalty = 0;
        int finders = 0;
        int blocks = 0;
        int dark = 0;
        for (int y = 0; y < size; y++) {
            byte[] row = m[y];
            byte[] below = y + 1 < size ? m[y + 1] : null;
            int run = 0;
            int previous = -1;
            int window = 0;
            for (int x = 0; x < size; x++) {
                int bit = row[x];
                dark += bit;
                if (bit == previous) {
                    run++;
                } else {
                    penalty += runPenalty(run);
                    run = 1;
                    previous = bit;
                }
                if (below != null && x + 1 < size && bit == row[x + 1] && bit == below[x] && bit == below[x + 1]) {
                    blocks++;
                }
                window = ((window << 1) | bit) & WINDOW;
                finders += findersEndingAt(window, x);
            }
            penalty += runPenalty(run);
        }
        for (int x = 0; x < size; x++) {
            int run = 0;
            int previous = -1;
            int window = 0;
            for (int y = 0; y < size; y++) {
                int bit = m[y][x];
                if (bit == previous) {
                    run++;
                } else {
                    penalty += runPenalty(run);
                    run = 1;
                    previous = bit;
                }
                window = ((window << 1) | bit) & WINDOW;
                finders += findersEndingAt(window, y);
            }
            penalty += runPenalty(run);
        }
        int total = size * size;
        int balance = Math.abs(dark * 2 - total) * 10 / total;
        return penalty + BLOCK_WEIGHT * blocks + FINDER_WEIGHT * finders + BALANCE_WEIGHT * balance;
    }

    private static int runPenalty(int run) {
        return run >= 5 ? RUN_WEIGHT + run - 5 : 0;
    }

    /**
     * {@code window} holds the last 15 modules, the newest at bit 0 and at index {@code i}. A 1011101 run counts
     * once when the four modules before it or the four after it are all light and inside the symbol. Each run is
     * seen twice: when it ends (judged on the side before) and four modules later (on the side after, counted
     * only if the side before did not already count it).
     */
    private static int findersEndingAt(int window, int i) {
        int count = 0;
        int start = i - 6;
        if ((window & 0x7F) == FINDER && start >= 4 && ((window >>> 7) & 0xF) == 0) {
            count++;
        }
        start = i - 10;
        if (start >= 0 && ((window >>> 4) & 0x7F) == FINDER && (window & 0xF) == 0
                && !(start >= 4 && (window >>> 11) == 0)) {
            count++;
        }
        return count;
    }
}
