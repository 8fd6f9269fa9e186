package vn.kiosk.server.site;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.LocalTime;
import java.time.ZoneId;

public record Site(long id, String name, String kind, String province, String district, String address,
                   Integer capacity, int maxStayMinutes, LocalTime opensAt, LocalTime closesAt, String timeZone,
                   boolean posterEnabled, int posterGeneration, Integer retentionDays, String controller,
                   boolean cccdBirthDate, boolean cccdAddress) {

    static final String COLUMNS = "id, name, kind, province, district, address, capacity, max_stay_minutes, "
            + "opens_at, closes_at, time_zone, poster_enabled, poster_generation, retention_days, controller, "
            + "cccd_keep_birth_date, cccd_keep_address";

    static Site from(Row r) {
        return new Site(r.getLong("id"), r.getString("name"), r.getString("kind"), r.getString("province"),
                r.getString("district"), r.getString("address"), r.getInteger("capacity"),
                r.getInteger("max_stay_minutes"), r.getLocalTime("opens_at"), r.getLocalTime("closes_at"),
                r.getString("time_zone"), r.getBoolean("poster_enabled"), r.getInteger("poster_generation"),
                r.getInteger("retention_days"), r.getString("controller"), r.getBoolean("cccd_keep_birth_date"),
                r.getBoolean("cccd_keep_address"));
    }

    /** The agency that answers for this site's visitors' data: as configured, else the site itself. */
    public String controllerName() {
        return controller == null || controller.isBlank() ? name : controller;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public JsonObject toJson() {
        JsonObject hours = opensAt == null ? null
                : new JsonObject().put("opens", opensAt.toString()).put("closes", closesAt.toString());
        return new JsonObject()
                .put("id", id).put("name", name).put("kind", kind).put("province", province)
                .put("district", district).put("address", address).put("capacity", capacity)
                .put("maxStayMinutes", maxStayMinutes).put("openingHours", hours).put("timeZone", timeZone)
                .put("posterEnabled", posterEnabled).put("retentionDays", retentionDays).put("controller", controller)
                .put("cccdBirthDate", cccdBirthDate).put("cccdAddress", cccdAddress);
    }
}
