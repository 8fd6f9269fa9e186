package vn.kiosk.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class InferredExitTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private static JsonObject visitOf(Api api, long site, String phone) {
        return api.get("/api/v1/sites/" + site + "/visits?from=2000-01-01T00:00:00Z&q=" + phone).items().getJsonObject(0);
    }

    @Test
    @DisplayName("A stay past the site's maximum closes at entry + max stay, marked inferred")
    void maxStay() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("hospital");
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", 90));
        OffsetDateTime in = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).withNano(0);
        admin.checkIn(new JsonObject().put("siteId", site).put("occurredAt", in.toString())
                .put("visitor", Api.visitor("Người ở lâu", "0915 111 000")));
        admin.checkIn(new JsonObject().put("siteId", site)
                .put("visitor", Api.visitor("Người vừa đến", "0915 111 001")));

        server.server().housekeeping().closeOverdue().await(10, TimeUnit.SECONDS);

        JsonObject old = visitOf(admin, site, "0915111000");
        assertThat(old.getBoolean("exitInferred")).isTrue();
        assertThat(OffsetDateTime.parse(old.getString("exitedAt"))).isEqualTo(in.plusMinutes(90));
        assertThat(visitOf(admin, site, "0915111001").getString("exitedAt")).isNull();
        assertThat(admin.get("/api/v1/sites/" + site + "/occupancy").json().getInteger("inside")).isEqualTo(1);
    }

    @Test
    @DisplayName("A stay still open at the site's closing time closes at closing time, marked inferred")
    void closingTime() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("office");
        admin.patch("/api/v1/sites/" + site, new JsonObject()
                .put("openingHours", new JsonObject().put("opens", "07:00").put("closes", "17:30")));
        ZonedDateTime yesterday10 = LocalDate.now(VN).minusDays(1).atTime(10, 0).atZone(VN);
        assertThat(admin.checkIn(new JsonObject().put("siteId", site)
                .put("occurredAt", yesterday10.toOffsetDateTime().toString())
                .put("visitor", Api.visitor("Cán bộ quên quẹt ra", "0915 222 000"))).status()).isEqualTo(201);

        server.server().housekeeping().closeOverdue().await(10, TimeUnit.SECONDS);

        JsonObject v = visitOf(admin, site, "0915222000");
        assertThat(v.getBoolean("exitInferred")).isTrue();
        assertThat(OffsetDateTime.parse(v.getString("exitedAt")).toInstant())
                .isEqualTo(yesterday10.withHour(17).withMinute(30).toInstant());
    }
}
