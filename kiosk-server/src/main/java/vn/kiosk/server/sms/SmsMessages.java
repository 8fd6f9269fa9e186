package vn.kiosk.server.sms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the reminders say: Vietnamese first, English second, each with the way to stop them. */
public final class SmsMessages {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private SmsMessages() {
    }

    public static String install() {
        return "Bạn chưa cài Bluezone. Hãy cài để phòng, chống COVID-19: https://bluezone.gov.vn"
                + " Nhắn TU CHOI để ngừng nhận tin.\n"
                + "You have not installed Bluezone yet. Please install it: https://bluezone.gov.vn"
                + " Reply STOP to opt out.";
    }

    public static String checkout(String siteName, Instant due, ZoneId zone) {
        String at = HOUR.format(due.atZone(zone));
        return "Bạn vẫn đang ở " + siteName + "? Hãy khai báo ra trước " + at + ". Nhắn TU CHOI để ngừng nhận tin.\n"
                + "Still at " + siteName + "? Please check out before " + at + ". Reply STOP to opt out.";
    }
}
