package vn.kiosk.server.config;

import java.util.Map;
import java.util.Optional;

/**
 * SMS reminders through a telecom's SMSC over SMPP 3.4. Present only when {@link #HOST} is set: without it no SMS
 * code runs at all.
 */
public record SmsSettings(String host, int port, String systemId, String password, String systemType,
                          String sourceAddr, boolean tls, int maxPerSecond, int enquireLinkSeconds,
                          int reconnectMaxSeconds, int installEveryDays, int checkoutLeadMinutes, int fromHour,
                          int untilHour) {

    public static final String HOST = "KIOSK_SMPP_HOST";
    public static final String PORT = "KIOSK_SMPP_PORT";
    public static final String SYSTEM_ID = "KIOSK_SMPP_SYSTEM_ID";
    public static final String PASSWORD = "KIOSK_SMPP_PASSWORD";
    public static final String SYSTEM_TYPE = "KIOSK_SMPP_SYSTEM_TYPE";
    public static final String SOURCE_ADDR = "KIOSK_SMPP_SOURCE_ADDR";
    public static final String TLS = "KIOSK_SMPP_TLS";
    public static final String MAX_PER_SECOND = "KIOSK_SMPP_MAX_PER_SECOND";
    public static final String ENQUIRE_LINK_SECONDS = "KIOSK_SMPP_ENQUIRE_LINK_SECONDS";
    public static final String RECONNECT_MAX_SECONDS = "KIOSK_SMPP_RECONNECT_MAX_SECONDS";
    public static final String INSTALL_EVERY_DAYS = "KIOSK_SMS_INSTALL_EVERY_DAYS";
    public static final String CHECKOUT_LEAD_MINUTES = "KIOSK_SMS_CHECKOUT_LEAD_MINUTES";
    public static final String HOURS = "KIOSK_SMS_HOURS";

    static final Map<String, String> HELP = Map.ofEntries(
            Map.entry(HOST, "the telecom's SMSC (SMPP 3.4); when set, visitors may ask for SMS reminders (default: none, no SMS at all)"),
            Map.entry(PORT, "SMPP port of the SMSC (default 2775)"),
            Map.entry(SYSTEM_ID, "SMPP system_id the telecom gave (required with " + HOST + ")"),
            Map.entry(PASSWORD, "SMPP password of that system_id"),
            Map.entry(SYSTEM_TYPE, "SMPP system_type, if the telecom asks for one (default empty)"),
            Map.entry(SOURCE_ADDR, "sender of the messages: the brand name or short code registered with the telecom (required with " + HOST + ")"),
            Map.entry(TLS, "true: SMPP over TLS, checked against the JVM's trusted authorities (default false)"),
            Map.entry(MAX_PER_SECOND, "most submit_sm a second, as the telecom's contract allows (default 10)"),
            Map.entry(ENQUIRE_LINK_SECONDS, "enquire_link period that keeps the bind alive (default 30)"),
            Map.entry(RECONNECT_MAX_SECONDS, "longest wait between reconnection attempts, doubling from 1 s (default 60)"),
            Map.entry(INSTALL_EVERY_DAYS, "an install reminder is repeated at most this often while the visitor still has no Bluezone (default 7)"),
            Map.entry(CHECKOUT_LEAD_MINUTES, "a check-out reminder goes this long before the stay would be closed as an inferred exit (default 15)"),
            Map.entry(HOURS, "hours of the site's day in which reminders may go, from-until (default 07-21)"));

    static Optional<SmsSettings> read(Config.Reader r) {
        Optional<String> host = r.optional(HOST);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String systemId = r.optional(SYSTEM_ID).orElseThrow(() ->
                new Config.ConfigException(SYSTEM_ID + " is required with " + HOST));
        String source = r.optional(SOURCE_ADDR).orElseThrow(() ->
                new Config.ConfigException(SOURCE_ADDR + " (the sender id) is required with " + HOST));
        if (systemId.length() > 15) {
            throw new Config.ConfigException(SYSTEM_ID + " has at most 15 characters in SMPP 3.4");
        }
        if (!source.matches("[0-9]{1,20}|[A-Za-z0-9 ._-]{1,11}")) {
            throw new Config.ConfigException(SOURCE_ADDR + " must be a number of up to 20 digits or a name of up to 11"
                    + " letters, digits, spaces, dots, dashes or underscores");
        }
        String hours = r.text(HOURS, "07-21");
        var m = java.util.regex.Pattern.compile("(\\d{1,2})-(\\d{1,2})").matcher(hours);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))
                || Integer.parseInt(m.group(2)) > 24) {
            throw new Config.ConfigException(HOURS + " must look like 07-21 (from hour, until hour, 0 to 24)");
        }
        return Optional.of(new SmsSettings(host.get(), r.integer(PORT, 2775, 1, 65535), systemId,
                r.text(PASSWORD, ""), r.text(SYSTEM_TYPE, ""), source,
                r.optional(TLS).map(Config.Reader::bool).orElse(false),
                r.integer(MAX_PER_SECOND, 10, 1, 1000), r.integer(ENQUIRE_LINK_SECONDS, 30, 5, 3600),
                r.integer(RECONNECT_MAX_SECONDS, 60, 1, 3600), r.integer(INSTALL_EVERY_DAYS, 7, 1, 365),
                r.integer(CHECKOUT_LEAD_MINUTES, 15, 1, 240), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return "SmsSettings[" + host + ":" + port + ", system_id " + systemId + ", sender " + sourceAddr + "]";
    }
}
