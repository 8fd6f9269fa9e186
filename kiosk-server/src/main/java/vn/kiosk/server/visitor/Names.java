package vn.kiosk.server.visitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.kiosk.qr.PersonName;

/** Names stored as {@link PersonName} defines them (the pass signer's definition too), searched without diacritics. */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    // 9 digits or more, perhaps grouped by spaces, dots or dashes: an ID (9 or 12 digits) or a phone number.
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\s.\\-]?\\d){8,}");
    public static final int MAX_LENGTH = PersonName.MAX_LENGTH;

    private Names() {
    }

    /** The accepted form of a name; IllegalArgumentException saying why it is not acceptable. */
    public static String normalize(String raw) {
        return PersonName.normalize(raw);
    }

    /**
     * True when a typed name holds what no name does but a CCCD's QR text or an ID or phone number does: the
     * field separator {@code |}, or 9 digits or more. A code reader in keyboard mode types a scanned card into
     * whatever field has the focus; stored as a name, the card's numbers, birth date and address would be shown
     * everywhere a name is.
     */
    public static boolean looksLikeCardText(String name) {
        return name.indexOf('|') >= 0 || NUMBER.matcher(name).find();
    }

    /** "Nguyễn Văn Đức" → "nguyen van duc". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
