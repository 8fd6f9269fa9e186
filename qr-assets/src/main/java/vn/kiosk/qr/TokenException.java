package vn.kiosk.qr;

/** A token, pass or confirmation text that is malformed, forged or expired. Messages never carry secrets. */
public final class TokenException extends Exception {
    public TokenException(String message) {
        super(message);
    }
}
