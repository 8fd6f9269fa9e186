package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * Kiosk clocks minutes off. A live check-in carries no time of its own: the
 * server stamps it. A replayed one keeps its original time only within the
 * bounds (72 hours back, 2 minutes ahead); a kiosk whose clock runs fast
 * cannot put visits into the future, nor a wrong one far into the past. (The
 * rotating code's window is QrFlowTest#tokenWindow; the kiosk screen that
 * follows the server's time is KioskScreenTest.)
 */
class ClockSkewTest {

    @Test
    @DisplayName("Live check-ins get the server's time; replays keep theirs within 72 h back and 2 min ahead, and are refused beyond, storing nothing")
    void kioskClocksMinutesOff() {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("office");
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", 10080));
        Api kiosk = server.api().as(admin.pairKiosk(site, "entry").getString("deviceToken"));

        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Api.Response live = kiosk.checkIn(new JsonObject().put("visitor", Api.visitor("Phạm Thị Lan", "0904 111 222")));
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusNanos(1000);
        assertThat(live.status()).isEqualTo(201);
        assertThat(OffsetDateTime.parse(live.json().getString("occurredAt"))).as("the server's own time")
                .isBetween(before, after);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        // a kiosk clock 90 s fast, and a replay from 71 hours ago: inside the bounds, kept as sent
        for (Duration offset : new Duration[] {Duration.ofSeconds(90), Duration.ofHours(-71)}) {
            OffsetDateTime at = now.plus(offset).withOffsetSameInstant(ZoneOffset.ofHours(7));
            Api.Response r = kiosk.checkIn(new JsonObject().put("occurredAt", at.toString())
                    .put("visitor", Api.visitor("Phạm Thị Lan", "0904 111 222")));
            assertThat(r.status()).as(offset + ": " + r.body()).isEqualTo(201);
            assertThat(OffsetDateTime.parse(r.json().getString("occurredAt")).toInstant()).isEqualTo(at.toInstant());
        }
        int stored = admin.get("/api/v1/sites/" + site + "/visits?limit=500").items().size();

        // a clock 5 minutes fast, or days behind: refused with a problem, nothing stored
        for (Duration offset : new Duration[] {Duration.ofMinutes(5), Duration.ofHours(-73)}) {
            Api.Response r = kiosk.checkIn(new JsonObject().put("occurredAt", now.plus(offset).toString())
                    .put("visitor", Api.visitor("Đỗ Văn Minh", "0904 333 444")));
            assertThat(r.status()).as(offset.toString()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().getString("type")).endsWith("/time-out-of-range");
            assertThat(r.json().getString("field")).isEqualTo("occurredAt");
        }
        assertThat(admin.get("/api/v1/sites/" + site + "/visits?limit=500").items()).hasSize(stored);
    }
}
