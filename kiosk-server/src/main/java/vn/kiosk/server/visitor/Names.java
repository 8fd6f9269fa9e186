package vn.kiosk.server.visitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Names stored as people typed them (NFC), searched without diacritics. */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    public static final int MAX_LENGTH = 100;

    private Names() {
    }

    /** NFC, trimmed, inner spaces collapsed; empty when blank, too long or holding control characters. */
    public static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).strip()).replaceAll(" ");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH
                || name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD
                        || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** "Nguyễn Văn Đức" → "nguyen van duc". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
