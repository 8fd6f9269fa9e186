package vn.kiosk.qr;

/** A CCCD QR text that is not valid. The message names the field but never repeats the card's data. */
public final class CccdException extends Exception {
    private final String field;

    public CccdException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** One of id, oldId, name, birthDate, sex, address, issueDate, format. */
    public String field() {
        return field;
    }
}
