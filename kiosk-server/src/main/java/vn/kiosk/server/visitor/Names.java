package vn.kiosk.server.visitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.kiosk.qr.PersonName;

/** Names stored as {@link PersonName} defines them (the pass signer's definition too), searched without diacritics. */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    public static final int MAX_LENGTH = PersonName.MAX_LENGTH;

    private Names() {
    }

    /** The accepted form of a name; IllegalArgumentException saying why it is not acceptable. */
    public static String normalize(String raw) {
        return PersonName.normalize(raw);
    }

    /** "Nguyễn Văn Đức" → "nguyen van duc". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
