package vn.kiosk.server.checkin;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A check-in request as the client sent it: the {@code CheckIn} body of openapi.yaml, read in this one place once
 * {@link CheckinSchema} has accepted it. Nothing here is normalised yet (that is {@link VisitorIdentity}'s and the
 * handler's work), so the digest of the request ({@link RequestDigest}) can still tell what was asked from what was
 * defaulted: {@code occurredAt} and {@code gate} are null when absent, {@code direction} is {@code auto} then;
 * {@code consent} as given (null: none), resolved by {@code privacy.Consents}.
 */
record CheckinRequest(UUID id, String siteToken, Long siteId, String direction, Typed visitor, String pass,
                      String cccd, Bluezone bluezone, String occurredAt, String gate, JsonObject consent,
                      java.util.List<String> dependants) {

    /** Who the visitor says they are, typed (by staff, or on the phone page). */
    record Typed(String name, String phone, String idNumber) {
    }

    /** The Bluezone answer; {@code bluezoneId} only when the app showed it. */
    record Bluezone(String status, String bluezoneId) {
    }

    /** The body checked against the contract (400 invalid-request otherwise) and read into a request. */
    static CheckinRequest parse(JsonObject body) {
        CheckinSchema.check(body);
        JsonObject v = body.getJsonObject("visitor");
        JsonObject b = body.getJsonObject("bluezone");
        return new CheckinRequest(UUID.fromString(body.getString("id")), body.getString("siteToken"),
                body.getLong("siteId"), body.getString("direction", "auto"),
                v == null ? null : new Typed(v.getString("name"), v.getString("phone"), v.getString("idNumber")),
                body.getString("pass"), body.getString("cccd"),
                b == null ? null : new Bluezone(b.getString("status"), b.getString("bluezoneId")),
                body.getString("occurredAt"), body.getString("gate"), body.getJsonObject("consent"),
                body.getJsonArray("dependants") == null ? java.util.List.of() : body.getJsonArray("dependants").stream()
                        .map(d -> ((JsonObject) d).getString("name")).toList());
    }

    /**
     * The request that records dependant {@code i} (a child, an elderly relative, named only): its id derived from
     * this one's, so a replay of this request is a replay of theirs; the lead's phone, if typed, makes them
     * the persons of that phone with their names; the lead's direction as resolved, time, gate and consent.
     */
    CheckinRequest dependant(int i, String direction) {
        UUID derived = UUID.nameUUIDFromBytes((id + "/dependant/" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String phone = visitor == null ? null : visitor.phone();
        return new CheckinRequest(derived, siteToken, siteId, direction, new Typed(dependants.get(i), phone, null),
                null, null, null, occurredAt, gate, consent, java.util.List.of());
    }

    String bluezoneStatus() {
        return bluezone == null ? null : bluezone.status();
    }

    String bluezoneId() {
        return bluezone == null ? null : bluezone.bluezoneId();
    }
}
