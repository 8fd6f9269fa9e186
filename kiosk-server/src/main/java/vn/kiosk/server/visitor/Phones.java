package vn.kiosk.server.visitor;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as people write them in Vietnam, reduced to one E.164 form. */
public final class Phones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * {@code 0912 345 678}, {@code +84912345678}, {@code 84912345678} and
     * {@code (091) 234-5678} are all {@code +84912345678}; an impossible number
     * is empty.
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.length() > 30) {
            return Optional.empty();
        }
        String text = raw.strip();
        String digits = text.replaceAll("[\\s.()\\-]", "");
        if (digits.matches("84\\d{9,10}")) {
            text = "+" + digits; // written with the country code but without the plus
        }
        try {
            PhoneNumber number = UTIL.parse(text, "VN");
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** {@code +84912345678} → {@code 091****678}: enough for a guard to tell two people apart. */
    public static String mask(String e164) {
        String national = e164.startsWith("+84") ? "0" + e164.substring(3) : e164;
        int keepEnd = 3;
        int keepStart = Math.min(3, Math.max(0, national.length() - keepEnd));
        return national.substring(0, keepStart)
                + "*".repeat(Math.max(0, national.length() - keepStart - keepEnd))
                + national.substring(national.length() - keepEnd);
    }
}
