package vn.kiosk.server.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class VisitIdsTest {

    @Test
    @DisplayName("Visit ids are UUIDv7 carrying their creation time; the bounds hold every entry time a check-in may have")
    void versionSevenWithBounds() {
        long now = System.currentTimeMillis();
        UUID id = VisitIds.at(now);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        OffsetDateTime created = Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC);
        // A replay may be MAX_PAST old, a kiosk clock may be minutes ahead.
        assertThat(VisitIds.earliest(id)).isBefore(created.minus(VisitIds.MAX_PAST));
        assertThat(VisitIds.latest(id)).isAfter(created.plusMinutes(10));
        assertThat(VisitIds.latest(id)).isBefore(created.plusDays(2));
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(VisitIds.at(now));
        }
        assertThat(many).as("random bits keep ids of one millisecond apart").hasSize(10_000);
        UUID old = UUID.randomUUID();
        assertThat(VisitIds.earliest(old)).as("no bound for other versions").isBefore(created.minusYears(50));
        assertThat(VisitIds.latest(old)).isAfter(created.plusYears(1000));
    }

    @Test
    @DisplayName("A visit replayed from 71 hours ago is found by its id: in the log, by a confirmation mark and by a trace")
    void replayedVisitFoundById() {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("office");
        JsonObject r = admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(71).toString())
                .put("visitor", Api.visitor("Khách về muộn", "0916 000 071"))).json();
        String visitId = r.getString("visitId");
        assertThat(UUID.fromString(visitId).version()).isEqualTo(7);
        assertThat(admin.get("/api/v1/sites/" + site + "/visits/" + visitId).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/sites/" + site + "/visits/" + visitId + "/bluezone",
                new JsonObject().put("status", "installed_on_site")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("visitId", visitId)).status()).isEqualTo(200);
    }
}
