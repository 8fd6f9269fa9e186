package vn.kiosk.qr;

import java.util.Locale;

/** A visitor's Bluezone answer as recorded on a visit; {@link #wire()} is the API and database spelling. */
public enum BluezoneStatus {
    QR_CONFIRMED("Đã xác nhận bằng mã QR", "Confirmed by QR"),
    DECLARED("Tự khai báo đã cài", "Declared installed"),
    INSTALLED_ON_SITE("Đã cài đặt tại chỗ", "Installed on site"),
    NOT_INSTALLED("Chưa cài đặt", "Not installed"),
    NO_SMARTPHONE("Không có điện thoại thông minh", "No smartphone");

    private final String labelVi;
    private final String labelEn;
    private final String wire;

    BluezoneStatus(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.wire = name().toLowerCase(Locale.ROOT);
    }

    public String wire() {
        return wire;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    public static BluezoneStatus fromWire(String wire) {
        for (BluezoneStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown Bluezone status; expected one of qr_confirmed, declared, "
                + "installed_on_site, not_installed, no_smartphone");
    }
}
