package vn.kiosk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

class RolesTest {
    static TestServer server;
    static Api admin;
    static Api anonymous;
    static long mine;
    static long other;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        anonymous = server.api();
        mine = admin.createSite("market");
        other = admin.createSite("hospital");
    }

    /** A new person each time: the same one again within the repeat window would be "already checked in". */
    private static JsonObject checkin(long siteId) {
        return new JsonObject().put("siteId", siteId).put("visitor", Api.visitor("Nguyễn Văn An", Phones.next()));
    }

    private static JsonObject newSite() {
        return new JsonObject().put("name", "Chợ mới").put("kind", "market").put("province", "Quảng Trị")
                .put("district", "Huyện Hải Lăng");
    }

    @Test
    @DisplayName("Wrong credentials are 401; no token is 401; a made-up token is 401")
    void signIn() {
        assertThat(anonymous.post("/api/v1/auth/login", new JsonObject().put("username", "admin").put("password", "nope"))
                .status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/auth/login", new JsonObject().put("username", "ghost").put("password", "nope"))
                .status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(anonymous.as("ks_made-up").get("/api/v1/sites").status()).isEqualTo(401);
        JsonObject login = anonymous.post("/api/v1/auth/login",
                new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD)).json();
        assertThat(login.getString("role")).isEqualTo("admin");
        assertThat(login.getString("expiresAt")).isNotBlank();
    }

    @Test
    @DisplayName("A manager sees and acts on their own sites only")
    void manager() {
        Api manager = admin.userFor("manager", List.of(mine));
        assertThat(manager.get("/api/v1/sites").items()).extracting(o -> ((JsonObject) o).getLong("id"))
                .containsExactly(mine);
        assertThat(manager.get("/api/v1/sites/" + mine + "/visits").status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/sites/" + other + "/visits").status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/sites/" + other + "/occupancy").status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/sites/" + other + "/visits.csv").status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/sites/" + mine + "/kiosks", new JsonObject().put("name", "K")).status())
                .isEqualTo(201);
        assertThat(manager.post("/api/v1/sites/" + other + "/kiosks", new JsonObject().put("name", "K")).status())
                .isEqualTo(403);
        assertThat(manager.post("/api/v1/sites", newSite()).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/users", new JsonObject().put("username", "x1234").put("password", "12345678")
                .put("role", "admin")).status()).isEqualTo(403);
        assertThat(manager.checkIn(checkin(mine)).status()).isEqualTo(201);
        assertThat(manager.checkIn(checkin(other)).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("A guard records check-ins at their site and nowhere else, and cannot manage")
    void guard() {
        Api guard = admin.userFor("guard", List.of(mine));
        assertThat(guard.checkIn(checkin(mine)).status()).isEqualTo(201);
        assertThat(guard.checkIn(checkin(other)).status()).isEqualTo(403);
        assertThat(guard.get("/api/v1/sites/" + mine + "/occupancy").status()).isEqualTo(200);
        assertThat(guard.get("/api/v1/sites/" + mine + "/visits.csv").status()).isEqualTo(403);
        assertThat(guard.post("/api/v1/sites/" + mine + "/kiosks", new JsonObject().put("name", "K")).status())
                .isEqualTo(403);
        assertThat(guard.patch("/api/v1/sites/" + mine, new JsonObject().put("capacity", 5)).status()).isEqualTo(403);
        assertThat(guard.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("An officer creates sites and reads logs but does not record check-ins")
    void officer() {
        Api officer = admin.userFor("officer", List.of());
        Api.Response created = officer.post("/api/v1/sites", newSite());
        assertThat(created.status()).isEqualTo(201);
        long site = created.json().getLong("id");
        assertThat(officer.get("/api/v1/sites/" + site + "/visits").status()).isEqualTo(200);
        assertThat(officer.checkIn(checkin(site)).status()).isEqualTo(403);
        assertThat(officer.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("A kiosk device token checks in at its own site only and cannot read the log")
    void kiosk() {
        JsonObject paired = admin.pairKiosk(mine, "both");
        Api kiosk = anonymous.as(paired.getString("deviceToken"));
        assertThat(kiosk.checkIn(new JsonObject().put("visitor", Api.visitor("Lý Thị Mai", "0912 777 888")))
                .status()).isEqualTo(201);
        assertThat(kiosk.checkIn(checkin(other)).status()).isEqualTo(403);
        assertThat(kiosk.get("/api/v1/sites/" + mine + "/visits").status()).isEqualTo(403);
        assertThat(kiosk.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(kiosk.post("/api/v1/kiosk/heartbeat", new JsonObject().put("appVersion", "1.0")).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/sites/" + mine + "/kiosks").items().stream()
                .map(JsonObject.class::cast).filter(k -> k.getLong("id").equals(paired.getLong("kioskId"))).findFirst()
                .orElseThrow().getBoolean("online")).isTrue();
    }

    @Test
    @DisplayName("Revoking a kiosk and disabling a user stop their tokens at once")
    void revocation() {
        JsonObject paired = admin.pairKiosk(mine, "entry");
        Api kiosk = anonymous.as(paired.getString("deviceToken"));
        assertThat(kiosk.get("/api/v1/kiosk").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/kiosks/" + paired.getLong("kioskId") + "/revoke", null).status()).isEqualTo(200);
        assertThat(kiosk.get("/api/v1/kiosk").status()).isEqualTo(401);

        Api guard = admin.userFor("guard", List.of(mine));
        long id = guard.get("/api/v1/auth/me").json().getLong("id");
        assertThat(admin.patch("/api/v1/users/" + id, new JsonObject().put("disabled", true)).status()).isEqualTo(200);
        assertThat(guard.get("/api/v1/sites").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Sign-out, a disabled user and a revoked kiosk end their tokens on another instance too")
    void revocationOnEveryInstance() throws Exception {
        try (TestServer second = TestServer.start(server.sharingKeys(), Map.of(Config.DB_URL, server.dbUrl()))) {
            JsonObject paired = admin.pairKiosk(mine, "entry");
            Api kiosk = second.api().as(paired.getString("deviceToken"));
            Api guard = admin.userFor("guard", List.of(mine));
            Api leaving = admin.userFor("guard", List.of(mine));
            Api guardThere = second.api().as(guard.token());
            Api leavingThere = second.api().as(leaving.token());
            // Resolved (and so cached) on the second instance first.
            assertThat(kiosk.get("/api/v1/kiosk").status()).isEqualTo(200);
            assertThat(guardThere.get("/api/v1/sites").status()).isEqualTo(200);
            assertThat(leavingThere.get("/api/v1/sites").status()).isEqualTo(200);

            assertThat(admin.post("/api/v1/kiosks/" + paired.getLong("kioskId") + "/revoke", null).status())
                    .isEqualTo(200);
            long id = guard.get("/api/v1/auth/me").json().getLong("id");
            assertThat(admin.patch("/api/v1/users/" + id, new JsonObject().put("disabled", true)).status())
                    .isEqualTo(200);
            assertThat(leaving.post("/api/v1/auth/logout", null).status()).isBetween(200, 204);

            // The change crosses through NOTIFY, delivered on commit: well within a second.
            assertThat(statusWithin(kiosk, "/api/v1/kiosk", 401)).isEqualTo(401);
            assertThat(statusWithin(guardThere, "/api/v1/sites", 401)).isEqualTo(401);
            assertThat(statusWithin(leavingThere, "/api/v1/sites", 401)).isEqualTo(401);
        }
    }

    private static int statusWithin(Api api, String path, int wanted) throws InterruptedException {
        int status = api.get(path).status();
        for (int i = 0; i < 10 && status != wanted; i++) {
            Thread.sleep(100);
            status = api.get(path).status();
        }
        return status;
    }

    @Test
    @DisplayName("A pairing code pairs once")
    void pairingOnce() {
        String code = admin.post("/api/v1/sites/" + mine + "/kiosks", new JsonObject().put("name", "K"))
                .json().getString("pairingCode");
        assertThat(anonymous.post("/api/v1/kiosks/pair", new JsonObject().put("pairingCode", code)).status())
                .isEqualTo(200);
        assertThat(anonymous.post("/api/v1/kiosks/pair", new JsonObject().put("pairingCode", code)).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("Usernames are unique; unknown sites in siteIds are refused")
    void userValidation() {
        JsonObject user = new JsonObject().put("username", "trung-" + System.nanoTime()).put("password", "mat-khau-1")
                .put("role", "guard");
        assertThat(admin.post("/api/v1/users", user).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/users", user).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", user.copy().put("username", "u" + System.nanoTime())
                .put("siteIds", List.of(987654321L))).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/users", user.copy().put("role", "emperor")).status()).isEqualTo(400);
    }
}
