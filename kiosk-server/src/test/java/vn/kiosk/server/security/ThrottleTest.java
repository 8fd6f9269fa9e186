package vn.kiosk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * Limits that count per client address, tried from many addresses: a server of its own that trusts the
 * test's X-Forwarded-For (as it would a proxy in front of it), so each request can come from elsewhere.
 */
class ThrottleTest {
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServer.start(Files.createTempDirectory("kiosk-throttle-"),
                Map.of(Config.TRUSTED_PROXIES, "127.0.0.1, ::1"));
        admin = server.admin();
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("The 240-a-minute limit of a kiosk code holds however many sessions were opened from it")
    void oneKioskCodeOneLimit() throws Exception {
        long site = admin.createSite("market");
        JsonObject kiosk = admin.pairKiosk(site, "both");
        byte[] secret = Base64.getUrlDecoder().decode(kiosk.getString("secret"));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                Thread.sleep(1_100); // a session minted in another second is another string
            }
            String code = SiteToken.forKiosk(kiosk.getLong("kioskId"), secret, Instant.now());
            sessions.add(server.api().get("/api/v1/site-tokens/" + code).json().getString("session"));
        }
        assertThat(new HashSet<>(sessions)).hasSize(5);
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 250; i++) {
            JsonObject body = new JsonObject().put("siteToken", sessions.get(i % sessions.size()))
                    .put("visitor", Api.visitor("Khách đông người", String.format("0912 %03d %03d", i / 1000, i % 1000)));
            Api.Response r = server.api().from("10.60." + (i / 200) + "." + (i % 200 + 1)).checkIn(body);
            if (r.status() == 201) {
                accepted++;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(429);
                limited++;
            }
        }
        assertThat(accepted).isEqualTo(240);
        assertThat(limited).isEqualTo(10);
    }
}
