package vn.kiosk.server.export;

import java.util.Map;

/**
 * The words the screens use for the codes stored on a visit (app/i18n.js {@code method.*}, {@code bz.*}), in the
 * exports' bilingual form "Vietnamese / English": a call list or a log read in Excel says "Bảo vệ ghi / Guard",
 * not "manual".
 */
public final class Labels {
    private static final Map<String, String> METHODS = Map.of(
            "self", "Tự quét QR kiosk / Self (kiosk QR)",
            "poster", "Quét QR áp phích / Self (poster QR)",
            "pass", "Thẻ khách / Visitor pass",
            "cccd", "CCCD / Citizen ID",
            "manual", "Bảo vệ ghi / Guard",
            "inferred", "Tự động / Automatic");
    private static final Map<String, String> BLUEZONE = Map.of(
            "qr_confirmed", "Đã xác nhận bằng QR / Confirmed by QR",
            "declared", "Tự khai đã cài / Declared installed",
            "installed_on_site", "Cài tại chỗ / Installed on site",
            "not_installed", "Chưa cài / Not installed",
            "no_smartphone", "Không có điện thoại thông minh / No smartphone");

    private Labels() {
    }

    /** How a visit was recorded; a code this release does not know stays as it is. */
    public static String method(String code) {
        return code == null ? "" : METHODS.getOrDefault(code, code);
    }

    /** A visit's Bluezone answer; none is "Không rõ / Unknown", as the screens say. */
    public static String bluezone(String code) {
        return code == null ? "Không rõ / Unknown" : BLUEZONE.getOrDefault(code, code);
    }
}
