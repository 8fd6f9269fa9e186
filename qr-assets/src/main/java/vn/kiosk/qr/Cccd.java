package vn.kiosk.qr;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Parses the QR text on a chip citizen ID card:
 * {@code ID|old ID|full name|ddMMyyyy birth|sex|address|ddMMyyyy issue}.
 *
 * <p>Exactly seven fields are accepted. No reliable source shows cards that append more, and an unknown field
 * might be personal data we should not silently drop, so such texts are refused with field {@code format}. The
 * ID's fourth to sixth digits (sex, century and birth year) are not cross-checked against the other fields:
 * the check would refuse hand-made test cards while adding little, because the card itself is the authority.
 */
public final class Cccd {
    public static final int MAX_RAW_BYTES = 1024;
    public static final int MAX_NAME_LENGTH = PersonName.MAX_LENGTH;
    public static final int MAX_ADDRESS_LENGTH = 300;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int FIELD_COUNT = 7;
    private static final int EARLIEST_YEAR = 1900;

    private Cccd() {
    }

    public static CccdCard parse(String raw) throws CccdException {
        return parse(raw, LocalDate.now(VIETNAM));
    }

    /** {@code today} is the date in Vietnam; dates after it are refused. */
    public static CccdCard parse(String raw, LocalDate today) throws CccdException {
        if (raw == null || raw.isBlank()) {
            throw new CccdException("format", "CCCD text is empty");
        }
        if (raw.length() > MAX_RAW_BYTES || raw.getBytes(StandardCharsets.UTF_8).length > MAX_RAW_BYTES) {
            throw new CccdException("format", "CCCD text is longer than " + MAX_RAW_BYTES + " bytes");
        }
        String[] fields = raw.stripTrailing().split("\\|", -1);
        if (fields.length != FIELD_COUNT) {
            throw new CccdException("format", "CCCD text must have " + FIELD_COUNT + " fields separated by '|'");
        }
        String id = idNumber(fields[0]);
        String oldId = oldIdNumber(fields[1]);
        String name = name(fields[2]);
        LocalDate birthDate = date(fields[3], "birthDate", today);
        String sex = sex(fields[4]);
        String address = text(fields[5], "address", MAX_ADDRESS_LENGTH);
        LocalDate issueDate = date(fields[6], "issueDate", today);
        if (!birthDate.isBefore(issueDate)) {
            throw new CccdException("issueDate", "issue date must be after the birth date");
        }
        return new CccdCard(id, oldId, name, birthDate, sex, address, issueDate);
    }

    private static String idNumber(String field) throws CccdException {
        if (field.length() != 12 || !isDigits(field)) {
            throw new CccdException("id", "ID number must be 12 digits");
        }
        if (!Provinces.isCode(field.substring(0, 3))) {
            throw new CccdException("id", "ID number does not start with a province code");
        }
        return field;
    }

    private static String oldIdNumber(String field) throws CccdException {
        if (field.isEmpty()) {
            return null;
        }
        if (field.length() != 9 || !isDigits(field)) {
            throw new CccdException("oldId", "old ID number must be empty or 9 digits");
        }
        return field;
    }

    /** The card's name by the same rules as a typed one: a card that is taken can go on a visitor pass. */
    private static String name(String field) throws CccdException {
        try {
            return PersonName.normalize(field);
        } catch (IllegalArgumentException e) {
            throw new CccdException("name", "name " + e.getMessage());
        }
    }

    private static String text(String field, String name, int maxLength) throws CccdException {
        String value = Normalizer.normalize(field, Normalizer.Form.NFC).strip();
        if (value.isEmpty()) {
            throw new CccdException(name, name + " is empty");
        }
        if (value.length() > maxLength) {
            throw new CccdException(name, name + " is longer than " + maxLength + " characters");
        }
        if (!TextRules.isPrintable(value)) {
            throw new CccdException(name, name + " contains control or invalid characters");
        }
        return value;
    }

    private static LocalDate date(String field, String name, LocalDate today) throws CccdException {
        if (field.length() != 8 || !isDigits(field)) {
            throw new CccdException(name, name + " must be ddMMyyyy");
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(field.substring(4)), Integer.parseInt(field.substring(2, 4)),
                    Integer.parseInt(field.substring(0, 2)));
        } catch (DateTimeException e) {
            throw new CccdException(name, name + " is not a calendar date");
        }
        if (date.getYear() < EARLIEST_YEAR) {
            throw new CccdException(name, name + " is before " + EARLIEST_YEAR);
        }
        if (date.isAfter(today)) {
            throw new CccdException(name, name + " is in the future");
        }
        return date;
    }

    private static String sex(String field) throws CccdException {
        String value = Normalizer.normalize(field, Normalizer.Form.NFC);
        if (!value.equals("Nam") && !value.equals("Nữ")) {
            throw new CccdException("sex", "sex must be Nam or Nữ");
        }
        return value;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
