package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.ServerProcess;

/** kill -9 of the server under load: every acknowledged check-in is in the log exactly once. */
class CrashIT {
    static final int CLIENTS = 16;

    @Test
    @DisplayName("After kill -9 under load and a restart, acknowledged check-ins are all stored once and retries add no duplicates")
    void killNineUnderLoad() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-crash-");
        Map<String, JsonObject> bodies = new ConcurrentHashMap<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();   // request id → visit id
        long site;
        AtomicInteger sent = new AtomicInteger();
        try (ServerProcess first = ServerProcess.start(dir, Map.of())) {
            Api admin = first.api().login("admin", "test-admin-password");
            site = admin.createSite("bus_station");
            long siteId = site;
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String id = UUID.randomUUID().toString();
                        JsonObject body = new JsonObject().put("id", id).put("siteId", siteId).put("direction", "in")
                                .put("visitor", Api.visitor("Hành khách " + client + "-" + i,
                                        String.format("09%02d%06d", 10 + client, i)));
                        bodies.put(id, body);
                        sent.incrementAndGet();
                        try {
                            Api.Response r = admin.post("/api/v1/checkins", body.copy());
                            if (r.status() == 201 || r.status() == 200) {
                                acknowledged.put(id, r.json().getString("visitId"));
                            }
                        } catch (RuntimeException e) {
                            // the server died under this request: not acknowledged
                        }
                    }
                });
            }
            Thread.sleep(2500);
            first.kill();
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        System.out.printf("crash: injected kill -9 after %d sent, %d acknowledged%n", sent.get(), acknowledged.size());
        assertThat(acknowledged.size()).isGreaterThan(50);

        try (ServerProcess again = ServerProcess.start(dir, Map.of())) {
            Api admin = again.api().login("admin", "test-admin-password");
            int retried = 0;
            for (Map.Entry<String, JsonObject> e : bodies.entrySet()) {
                Api.Response r = admin.post("/api/v1/checkins", e.getValue().copy());
                assertThat(r.status()).isIn(200, 201);
                if (acknowledged.containsKey(e.getKey())) {
                    assertThat(r.status()).as("an acknowledged id replays").isEqualTo(200);
                    assertThat(r.json().getString("visitId")).isEqualTo(acknowledged.get(e.getKey()));
                } else {
                    retried++;
                }
            }
            Map<String, Integer> stored = new HashMap<>();
            String cursor = null;
            do {
                Api.Response page = admin.get("/api/v1/sites/" + site + "/visits?limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                for (Object o : page.items()) {
                    stored.merge(((JsonObject) o).getString("id"), 1, Integer::sum);
                }
                cursor = page.json().getString("next");
            } while (cursor != null);
            long duplicates = stored.values().stream().filter(n -> n > 1).count();
            List<String> lost = new ArrayList<>();
            acknowledged.values().forEach(v -> {
                if (!stored.containsKey(v)) {
                    lost.add(v);
                }
            });
            System.out.printf("crash: sent %d, acknowledged %d, retried %d, stored %d, duplicates: %d, lost: %d%n",
                    bodies.size(), acknowledged.size(), retried, stored.size(), duplicates, lost.size());
            assertThat(lost).isEmpty();
            assertThat(duplicates).isZero();
            assertThat(stored).hasSize(bodies.size());
        }
    }
}
