package vn.kiosk.qr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators for hostile input: the same seed gives the same cases, so
 * a failure is reproducible; {@code -Dkiosk.fuzz.cases=N} runs more of them.
 */
final class Fuzz {
    static final long SEED = Long.getLong("kiosk.fuzz.seed", 20210801L);
    static final int CASES = Integer.getInteger("kiosk.fuzz.cases", 2000);

    private Fuzz() {
    }

    /** Random texts: unicode noise, texts from {@code alphabet}, and single-character edits of {@code seeds}. */
    static List<String> texts(String alphabet, int maxLength, String... seeds) {
        Random random = new Random(SEED);
        List<String> out = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            int len = random.nextInt(maxLength + 1);
            StringBuilder sb = new StringBuilder(len);
            switch (i % 3) {
                case 0 -> {
                    for (int j = 0; j < len; j++) {
                        sb.appendCodePoint(random.nextInt(0x2FFFF));
                    }
                }
                case 1 -> {
                    for (int j = 0; j < len; j++) {
                        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                default -> {
                    String seed = seeds.length == 0 ? alphabet : seeds[random.nextInt(seeds.length)];
                    int at = random.nextInt(seed.length());
                    sb.append(seed, 0, at).append((char) random.nextInt(0x3000)).append(seed.substring(at + 1));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Every single-character change of {@code token} to each of {@code replacements} (except itself). */
    static List<String> everyEdit(String token, String replacements) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < token.length(); i++) {
            for (char c : replacements.toCharArray()) {
                if (token.charAt(i) != c) {
                    out.add(token.substring(0, i) + c + token.substring(i + 1));
                }
            }
        }
        return out;
    }
}
