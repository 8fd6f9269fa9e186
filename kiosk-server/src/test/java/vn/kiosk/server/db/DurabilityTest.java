package vn.kiosk.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class DurabilityTest {

    private static String show(TestServer server, String setting) throws Exception {
        return server.server().pool().query("show " + setting).execute()
                .await(10, TimeUnit.SECONDS).iterator().next().getString(0);
    }

    @Test
    @DisplayName("The embedded database runs with fsync and synchronous_commit on")
    void durableSettings() throws Exception {
        TestServer server = TestServer.shared();
        assertThat(show(server, "fsync")).isEqualTo("on");
        assertThat(show(server, "synchronous_commit")).isEqualTo("on");
    }

    @Test
    @DisplayName("Every acknowledged visit survives a stop and a start on the same data dir; a second server is refused")
    void restart() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-restart-");
        List<String> acknowledged = new ArrayList<>();
        long site;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            Api admin = first.admin();
            site = admin.createSite("hospital");
            for (int i = 0; i < 50; i++) {
                Api.Response r = admin.checkIn(new JsonObject().put("siteId", site)
                        .put("visitor", Api.visitor("Bệnh nhân " + i, String.format("0914%06d", i))));
                assertThat(r.status()).isEqualTo(201);
                acknowledged.add(r.json().getString("visitId"));
            }
            assertThatThrownBy(() -> TestServer.start(dir, Map.of()))
                    .hasMessageContaining("already using the data dir");
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            var items = again.admin().get("/api/v1/sites/" + site + "/visits?limit=500").items();
            List<String> stored = items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
            assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
            var found = again.admin().get("/api/v1/sites/" + site + "/visits?q=0914000007").items();
            assertThat(found).as("phone lookups still work: the keys came back too").hasSize(1);
        }
    }
}
