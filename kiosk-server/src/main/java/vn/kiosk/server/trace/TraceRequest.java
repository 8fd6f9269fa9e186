package vn.kiosk.server.trace;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.IdNumbers;
import vn.kiosk.server.visitor.Phones;

/**
 * A trace as asked for: whom (exactly one of a phone, an ID number or a visit),
 * when, and how close. The window defaults to the last 14 days, or to the stay
 * itself when the trace starts from a visit and names no window.
 */
record TraceRequest(String by, String phone, String idNumber, UUID visitId, OffsetDateTime from, OffsetDateTime to,
                    int minOverlapMinutes, int hops, int arrivalBufferMinutes, int departureBufferMinutes,
                    java.time.Instant asOf) {
    /** How far back a trace's "now" may be given: a call list downloaded later the same day. */
    static final Duration LONGEST_AS_OF = Duration.ofHours(24);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(14);
    static final Duration LONGEST_WINDOW = Duration.ofDays(62);

    static TraceRequest from(JsonObject b, OffsetDateTime now) {
        int given = (b.containsKey("phone") ? 1 : 0) + (b.containsKey("idNumber") ? 1 : 0) + (b.containsKey("visitId") ? 1 : 0);
        if (given != 1) {
            throw ApiException.unprocessable("trace-subject", "Give exactly one of phone, idNumber or visitId");
        }
        String phone = null;
        String id = null;
        UUID visit = null;
        String by;
        if (b.containsKey("phone")) {
            by = "phone";
            phone = Phones.normalize(b.getString("phone")).orElseThrow(() ->
                    ApiException.unprocessable("invalid-phone", "phone is not a Vietnamese phone number").with("field", "phone"));
        } else if (b.containsKey("idNumber")) {
            by = "idNumber";
            id = IdNumbers.normalize(b.getString("idNumber")).orElseThrow(() ->
                    ApiException.unprocessable("invalid-id-number", "idNumber is not a citizen ID, old ID or passport number")
                            .with("field", "idNumber"));
        } else {
            by = "visitId";
            try {
                visit = UUID.fromString(b.getString("visitId"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid-request", "visitId must be a UUID").with("field", "visitId");
            }
        }
        java.time.Instant asOf = null;
        if (b.containsKey("asOf")) {
            OffsetDateTime at = time(b.getString("asOf"), "asOf");
            if (at.isAfter(now.plusMinutes(2)) || at.isBefore(now.minus(LONGEST_AS_OF))) {
                throw ApiException.unprocessable("time-out-of-range", "asOf must lie within the last 24 hours")
                        .with("field", "asOf");
            }
            asOf = at.toInstant();
            now = at;
        }
        OffsetDateTime to = b.containsKey("to") ? time(b.getString("to"), "to") : null;
        OffsetDateTime from = b.containsKey("from") ? time(b.getString("from"), "from") : null;
        if (visit == null || from != null || to != null) {
            to = to == null ? now : to;
            from = from == null ? to.minus(DEFAULT_WINDOW) : from;
            if (!from.isBefore(to)) {
                throw ApiException.unprocessable("invalid-range", "from must be before to").with("field", "from");
            }
            if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
                throw ApiException.unprocessable("invalid-range", "A trace window is at most 62 days").with("field", "from");
            }
        }
        return new TraceRequest(by, phone, id, visit, from, to, b.getInteger("minOverlapMinutes", 15),
                b.getInteger("hops", 1), b.getInteger("arrivalBufferMinutes", 0), b.getInteger("departureBufferMinutes", 0),
                asOf);
    }

    TraceRequest window(OffsetDateTime from, OffsetDateTime to) {
        return new TraceRequest(by, phone, idNumber, visitId, from, to, minOverlapMinutes, hops, arrivalBufferMinutes,
                departureBufferMinutes, asOf);
    }

    /** What the audit log keeps: the filter, never the phone or ID number itself. */
    JsonObject audit() {
        return new JsonObject().put("by", by).put("visitId", visitId == null ? null : visitId.toString())
                .put("from", from == null ? null : from.toString()).put("to", to == null ? null : to.toString())
                .put("minOverlapMinutes", minOverlapMinutes).put("hops", hops)
                .put("arrivalBufferMinutes", arrivalBufferMinutes).put("departureBufferMinutes", departureBufferMinutes);
    }

    private static OffsetDateTime time(String text, String field) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-time", field + " must be an ISO-8601 time with an offset")
                    .with("field", field);
        }
    }
}
