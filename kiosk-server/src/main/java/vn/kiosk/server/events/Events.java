package vn.kiosk.server.events;

import io.vertx.core.json.JsonObject;

/**
 * Event-bus addresses and event shapes, named in one place. Within an
 * instance events travel on the Vert.x event bus; between instances through
 * PostgreSQL NOTIFY on {@link #CHANNEL}.
 */
public final class Events {
    public static final String CHANNEL = "kiosk_events";
    /** Sent by the database (V31) when sessions, users, their sites or kiosks change. */
    public static final String AUTH_CHANNEL = "kiosk_auth";
    public static final String CHECKIN = "checkin";
    public static final String CHECKOUT = "checkout";
    public static final String CONFIRMATION = "confirmation";

    private Events() {
    }

    public static String siteAddress(long siteId) {
        return "kiosk.site." + siteId;
    }

    /**
     * The payload streamed to consoles: a visitor's name but never a phone or ID number. {@code presence} is what it
     * did to the count of people inside (+1, -1 or 0); {@link Occupancy} adds that count as {@code inside}, and a
     * relayed copy carries the {@code origin} instance. {@code past}: the record belongs to an earlier stay than the
     * visitor's current one (an offline kiosk's record synced late, a repeated scan), so a list of who is inside
     * leaves it alone. The batch function builds the same object on the database side (R__kiosk_event.sql):
     * EventShapeTest holds the two to the same fields.
     */
    public record Event(String type, long siteId, String visitId, long visitorId, String name, String occurredAt,
                        String method, String gate, String bluezone, boolean inferred, int presence, boolean past) {

        public JsonObject toJson() {
            return new JsonObject().put("type", type).put("siteId", siteId).put("visitId", visitId)
                    .put("visitorId", visitorId).put("name", name).put("occurredAt", occurredAt)
                    .put("method", method).put("gate", gate).put("bluezone", bluezone).put("inferred", inferred)
                    .put("presence", presence).put("past", past);
        }
    }

    /** A Bluezone status confirmed or set on a visit: no one moves in or out. */
    public static Event confirmation(long siteId, String visitId, long visitorId, String name, String at,
                                     String method, String gate, String bluezone) {
        return new Event(CONFIRMATION, siteId, visitId, visitorId, name, at, method, gate, bluezone, false, 0, false);
    }

    /**
     * An event as one server-sent-events frame, made once per event however many streams carry it (a JSON object
     * sent on the local event bus would be copied for every consumer, then encoded by each).
     */
    public static String frame(JsonObject event) {
        String id = event.getString("visitId");
        return "event: " + event.getString("type") + (id == null ? "" : "\nid: " + id) + "\ndata: " + event.encode()
                + "\n\n";
    }
}
