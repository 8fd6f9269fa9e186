package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** A kiosk back from a long time offline replays its queue while other kiosks keep checking people in. */
class OfflineSyncTest {
    static final int QUEUED = vn.kiosk.server.support.FaultScale.pick(1200, 5000);
    /** Seconds between queued check-ins: all within the last 20 hours. */
    static final long SPACING = Math.min(30, 20 * 3600L / QUEUED);

    @Test
    @DisplayName("A day's offline queue syncs with original times, an interrupted sync resumes without duplicates, live check-ins carry on")
    void longOfflineQueue() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long station = admin.createSite("bus_station");
        admin.patch("/api/v1/sites/" + station, new JsonObject().put("maxStayMinutes", 10080));
        long market = admin.createSite("market");
        Api offline = server.api().as(admin.pairKiosk(station, "entry").getString("deviceToken"));
        Api live = server.api().as(admin.pairKiosk(market, "both").getString("deviceToken"));

        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(20).truncatedTo(ChronoUnit.SECONDS);
        List<JsonObject> queue = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            queue.add(new JsonObject().put("id", UUID.randomUUID().toString())
                    .put("occurredAt", start.plusSeconds(i * SPACING).toString())
                    .put("visitor", Api.visitor("Hành khách " + i, String.format("0966%06d", i))));
        }
        CompletableFuture<List<Long>> liveLatencies = CompletableFuture.supplyAsync(() -> {
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long t0 = System.nanoTime();
                Api.Response r = live.checkIn(new JsonObject().put("visitor", Api.visitor("Người đi chợ " + i, null)));
                ms.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r.status()).isEqualTo(201);
            }
            return ms;
        });

        int firstPass = QUEUED / 2; // the network drops halfway
        for (int i = 0; i < firstPass; i++) {
            assertThat(offline.checkIn(queue.get(i).copy()).status()).isEqualTo(201);
        }
        int replays = 0;
        for (JsonObject item : queue) { // back online: the kiosk sends its whole queue again, oldest first
            int status = offline.checkIn(item.copy()).status();
            assertThat(status).isIn(200, 201);
            replays += status == 200 ? 1 : 0;
        }
        List<Long> latencies = liveLatencies.get();
        latencies.sort(Long::compare);

        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> entered = new HashMap<>();
        String cursor = null;
        do {
            Api.Response page = admin.get("/api/v1/sites/" + station + "/visits?limit=500&from="
                    + start.minusMinutes(1) + (cursor == null ? "" : "&cursor=" + cursor));
            for (Object o : page.items()) {
                JsonObject v = (JsonObject) o;
                seen.merge(v.getJsonObject("visitor").getString("name"), 1, Integer::sum);
                entered.put(v.getJsonObject("visitor").getString("name"), v.getString("enteredAt"));
            }
            cursor = page.json().getString("next");
        } while (cursor != null);
        System.out.printf("offline sync: queued %d, interrupted after %d, replays answered 200: %d, stored %d, "
                        + "duplicates: %d; live check-ins meanwhile p50 %d ms, max %d ms%n", QUEUED, firstPass, replays,
                seen.size(), seen.values().stream().filter(n -> n > 1).count(), latencies.get(50),
                latencies.get(latencies.size() - 1));
        assertThat(replays).isEqualTo(firstPass);
        assertThat(seen).hasSize(QUEUED);
        assertThat(seen.values()).allMatch(n -> n == 1);
        assertThat(OffsetDateTime.parse(entered.get("Hành khách 1111")).toInstant())
                .isEqualTo(start.plusSeconds(1111 * SPACING).toInstant());
        assertThat(live.get("/api/v1/sites/" + market + "/occupancy").json().getInteger("inside")).isEqualTo(100);
    }
}
