package vn.kiosk.server.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.kiosk.server.http.ApiException;

/**
 * When, within its dates, a campaign shows: on some days of the week (ISO: 1 = Monday … 7 = Sunday) and between
 * two times of the site's day ("07:00" to "11:30"; "24:00" is the end of the day). Each part may be left out:
 * no days, every day; no times, all day. On the wire {"days": [1,2,3,4,5], "from": "07:00", "until": "11:30"}
 * (null or absent fields for the parts left out); stored as days_of_week, shows_from and shows_until (minutes).
 * Screens and kiosks apply it on the device, at their clock in the site's zone, so it holds offline too.
 */
record CampaignSchedule(List<Integer> days, Integer from, Integer until) {
    static final CampaignSchedule ALWAYS = new CampaignSchedule(null, null, null);

    /** Reads the wire form (null: always); 422 with field for a schedule that cannot be kept. */
    static CampaignSchedule parse(JsonObject s) {
        if (s == null) {
            return ALWAYS;
        }
        List<Integer> days = null;
        JsonArray d = s.getJsonArray("days");
        if (d != null) {
            TreeSet<Integer> set = new TreeSet<>();
            for (Object o : d) {
                int day = o instanceof Number n ? n.intValue() : 0;
                if (day < 1 || day > 7) {
                    throw ApiException.unprocessable("invalid-schedule", "days are 1 (Monday) to 7 (Sunday)")
                            .with("field", "schedule.days");
                }
                set.add(day);
            }
            if (set.isEmpty()) {
                throw ApiException.unprocessable("invalid-schedule", "days must name at least one day (1 = Monday … 7 ="
                        + " Sunday), or be left out for every day").with("field", "schedule.days");
            }
            days = List.copyOf(set);
        }
        Integer from = minutes(s.getString("from"));
        Integer until = minutes(s.getString("until"));
        if ((from == null) != (until == null)) {
            throw ApiException.unprocessable("invalid-schedule", "Give both from and until, or neither for all day")
                    .with("field", from == null ? "schedule.from" : "schedule.until");
        }
        if (from != null && (from >= until || from == 1440)) {
            throw ApiException.unprocessable("invalid-schedule", "until must be later in the day than from")
                    .with("field", "schedule.until");
        }
        return new CampaignSchedule(days, from, until);
    }

    static CampaignSchedule from(Row r) {
        Short[] d = r.getArrayOfShorts("days_of_week");
        List<Integer> days = null;
        if (d != null) {
            days = new ArrayList<>();
            for (Short x : d) {
                days.add(x.intValue());
            }
        }
        Short f = r.getShort("shows_from");
        Short u = r.getShort("shows_until");
        return new CampaignSchedule(days, f == null ? null : f.intValue(), u == null ? null : u.intValue());
    }

    JsonObject toJson() {
        return new JsonObject().put("days", days == null ? null : new JsonArray(days))
                .put("from", from == null ? null : clock(from)).put("until", until == null ? null : clock(until));
    }

    Integer[] daysParam() {
        return days == null ? null : days.toArray(Integer[]::new);
    }

    private static Integer minutes(String hhmm) {
        if (hhmm == null) {
            return null;
        }
        // the contract allows 00:00–23:59 and 24:00
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    private static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
