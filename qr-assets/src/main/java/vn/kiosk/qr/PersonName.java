package vn.kiosk.qr;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one definition of an acceptable person's name, for every way a name comes in (typed, a CCCD card, a
 * visitor pass) and for the pass signer, so that a name taken is a name that can be signed and shown.
 *
 * <p>A name is NFC; runs of spaces, tabs and line feeds become one space; it is trimmed; it has 1 to
 * {@value #MAX_LENGTH} UTF-16 units (the pass format's limit: an emoji counts twice); and it holds no control,
 * format (bidi overrides and isolates, zero-width characters), private-use, unassigned or surrogate code point,
 * no line or paragraph separator and no U+FFFD. At most {@value #MAX_MARKS} combining marks follow one base
 * character (enough for Vietnamese typed decomposed, Thai, Devanagari or Hebrew points; "zalgo" text stacks
 * dozens and spills over neighbouring lines), and a name does not start with one. Right-to-left letters
 * (Arabic, Hebrew) are allowed, since foreigners visit: screens isolate names so that they cannot reorder the
 * text around them.
 */
public final class PersonName {
    public static final int MAX_LENGTH = 100;
    public static final int MAX_MARKS = 3;

    private PersonName() {
    }

    /** The accepted form of {@code raw}; IllegalArgumentException saying why it is not acceptable. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("is required");
        }
        String name = collapseSpaces(Normalizer.normalize(raw, Normalizer.Form.NFC));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters (an emoji counts as two)");
        }
        int marks = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!allowed(cp)) {
                throw new IllegalArgumentException(String.format("contains U+%04X, a control, invisible or"
                        + " unassigned character", cp));
            }
            if (isMark(cp)) {
                if (i == 0) {
                    throw new IllegalArgumentException("starts with a combining mark");
                }
                if (++marks > MAX_MARKS) {
                    throw new IllegalArgumentException("has more than " + MAX_MARKS
                            + " combining marks on one letter");
                }
            } else {
                marks = 0;
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    /** The accepted form, or empty when {@code raw} is not an acceptable name. */
    public static Optional<String> clean(String raw) {
        try {
            return Optional.of(normalize(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f'
                    || Character.getType(c) == Character.SPACE_SEPARATOR) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> cp != 0xFFFD;
        };
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
