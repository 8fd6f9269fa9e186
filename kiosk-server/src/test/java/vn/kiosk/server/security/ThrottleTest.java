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
    static final String LOGIN = "/api/v1/auth/login";
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

    private static JsonObject credentials(String username, String password) {
        return new JsonObject().put("username", username).put("password", password);
    }

    /** The known-device cookie a successful sign-in sets, as a Cookie header value. */
    private static String deviceCookie(Api.Response login) {
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kiosk_device"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    @Test
    @DisplayName("A stranger's 50 wrong passwords for admin throttle the stranger's address (429, Retry-After), not the admin's own devices")
    void aStrangerCannotLockOutTheAdmin() {
        Api.Response first = server.api().from("10.50.0.1").post(LOGIN, credentials("admin", TestServer.ADMIN_PASSWORD));
        assertThat(first.status()).isEqualTo(200);
        String cookie = deviceCookie(first);
        assertThat(cookie).as("a signed known-device cookie").isNotNull();
        assertThat(first.headers().allValues("Set-Cookie").toString()).containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");

        Api stranger = server.api().from("10.66.6.6");
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 50; i++) {
            Api.Response r = stranger.post(LOGIN, credentials("admin", "guess-number-" + i));
            if (r.status() == 429) {
                refused++;
                retryAfter = r.header("Retry-After");
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            } else {
                assertThat(r.status()).isEqualTo(401);
            }
        }
        assertThat(refused).as("the stranger is throttled").isGreaterThanOrEqualTo(20);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 15 * 60);
        assertThat(stranger.post(LOGIN, credentials("admin", TestServer.ADMIN_PASSWORD)).status())
                .as("not even the right password gets through from the stranger's address").isEqualTo(429);

        Api knownDevice = server.api().from("10.50.0.1").header("Cookie", cookie);
        for (int i = 0; i < 3; i++) {
            assertThat(knownDevice.post(LOGIN, credentials("admin", TestServer.ADMIN_PASSWORD)).status()).isEqualTo(200);
        }
        assertThat(server.api().from("10.50.7.7").header("Cookie", cookie)
                .post(LOGIN, credentials("admin", TestServer.ADMIN_PASSWORD)).status())
                .as("the same device on another network").isEqualTo(200);

        Api.Response unknown = server.api().from("10.50.0.2").post(LOGIN, credentials("admin", TestServer.ADMIN_PASSWORD));
        assertThat(unknown.status()).as("a device that never signed in is slowed down while the account is attacked")
                .isEqualTo(429);
        assertThat(Integer.parseInt(unknown.header("Retry-After"))).isBetween(1, 30);
    }

    @Test
    @DisplayName("A known-device cookie is for its own account, and a forged one is no cookie at all")
    void deviceCookiesAreBoundToTheirAccount() {
        Api manager = admin.userFor("manager", List.of(admin.createSite("office")));
        String name = manager.get("/api/v1/auth/me").json().getString("username");
        String cookie = deviceCookie(server.api().from("10.51.0.1").post(LOGIN, credentials(name, "pass-" + name)));
        Api stranger = server.api().from("10.51.6.6");
        for (int i = 0; i < 12; i++) {
            stranger.post(LOGIN, credentials(name, "guess-number-" + i));
        }
        String value = cookie.substring(cookie.indexOf('=') + 1);
        String forged = cookie.substring(0, cookie.indexOf('=') + 1) + value.substring(0, value.length() - 2)
                + (value.endsWith("AA") ? "BB" : "AA");
        assertThat(server.api().from("10.51.0.2").header("Cookie", forged).post(LOGIN, credentials(name, "pass-" + name))
                .status()).isEqualTo(429);
        assertThat(server.api().from("10.51.0.2").header("Cookie", cookie).post(LOGIN, credentials(name, "pass-" + name))
                .status()).isEqualTo(200);
    }

    @Test
    @DisplayName("An address trying passwords over many accounts is stopped after 30 failures; its neighbours are not")
    void anAddressSprayingAccountsIsStopped() {
        Api sprayer = server.api().from("10.77.0.1");
        int last = 0;
        for (int i = 0; i < 31; i++) {
            last = sprayer.post(LOGIN, credentials("nobody-" + i, "wrong-password")).status();
        }
        assertThat(last).isEqualTo(429);
        assertThat(server.api().from("10.77.0.2").post(LOGIN, credentials("nobody-0", "wrong-password")).status())
                .isEqualTo(401);
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
                    .put("visitor", Api.visitor("Khách đông người", String.format("0912 %03d %03d", i / 1000, i % 1000)))
                    .put("consent", Api.selfConsent());
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
