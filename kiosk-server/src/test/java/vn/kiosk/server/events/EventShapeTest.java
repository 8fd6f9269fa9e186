package vn.kiosk.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.TestServer;

/**
 * An event is built once on each side: {@link Events.Event} for this instance's subscribers, kiosk_event
 * (R__kiosk_event.sql) for the other instances' (NOTIFY from the batch function and the overdue job). Both must carry
 * the same fields with the same values, or a console would see two kinds of event depending on the instance.
 */
class EventShapeTest {

    @Test
    @DisplayName("The database's event and the server's event have the same fields, in the same order, with the same values")
    void sameFields() throws Exception {
        Events.Event event = new Events.Event(Events.CHECKOUT, 42, "0190f0e2-7a6b-7c00-8000-000000000001", 7,
                "Nguyễn Văn An", "2021-08-01T01:00:00Z", "manual", "Cổng A", "declared", true, -1, true);
        var db = TestServer.shared().server().database();
        JsonObject sql;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet r = c.createStatement().executeQuery("""
                     select kiosk_event('checkout', 42, '0190f0e2-7a6b-7c00-8000-000000000001', 7, 'Nguyễn Văn An',
                                        '2021-08-01T08:00:00+07:00', 'manual', 'Cổng A', 'declared', true, -1, true)""")) {
            r.next();
            sql = new JsonObject(r.getString(1));
        }
        JsonObject local = new JsonObject(event.toJson().encode()); // as a console reads it
        assertThat(keys(sql)).isEqualTo(keys(local));
        assertThat(local.getMap().keySet()).hasSize(Events.Event.class.getRecordComponents().length);
        for (String key : keys(local)) {
            if (!"occurredAt".equals(key)) { // the same instant, written by each side's formatter
                assertThat(sql.getValue(key)).as(key).isEqualTo(local.getValue(key));
            }
        }
        assertThat(local.getString("occurredAt")).isEqualTo("2021-08-01T01:00:00Z");
        assertThat(local.getInstant("occurredAt")).isEqualTo(OffsetDateTime.parse(sql.getString("occurredAt")).toInstant());
    }

    private static List<String> keys(JsonObject o) {
        return new ArrayList<>(o.fieldNames());
    }
}
