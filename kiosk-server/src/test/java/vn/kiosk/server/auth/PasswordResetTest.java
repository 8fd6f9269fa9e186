package vn.kiosk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** A guard who forgot their password gets a new one from an admin, in person: no e-mail is assumed. */
class PasswordResetTest {
    static TestServer server;
    static Api admin;
    static long site;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("office");
    }

    record Staff(long id, String username, String password, Api api) {
    }

    static Staff guard() {
        String username = "guard-reset-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "cu-" + username;
        Api.Response r = admin.post("/api/v1/users", new JsonObject().put("username", username).put("password", password)
                .put("role", "guard").put("siteIds", new io.vertx.core.json.JsonArray(List.of(site))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Staff(r.json().getLong("id"), username, password, server.api().login(username, password));
    }

    static int signIn(String username, String password) {
        return server.api().post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password))
                .status();
    }

    @Test
    @DisplayName("An admin's reset gives a new password, shown once, ends the user's sessions, is audited and never logged")
    void reset() throws Exception {
        Staff guard = guard();
        Api secondDevice = server.api().login(guard.username(), guard.password());
        assertThat(guard.api().get("/api/v1/auth/me").status()).isEqualTo(200);

        Api.Response r = admin.post("/api/v1/users/" + guard.id() + "/password-reset", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        String temporary = r.json().getString("temporaryPassword");
        assertThat(temporary).matches("[a-z2-9]{12}");
        assertThat(r.json().getLong("id")).isEqualTo(guard.id());
        assertThat(r.json().getString("username")).isEqualTo(guard.username());
        assertThat(r.json().getInteger("sessionsEnded")).isEqualTo(2);

        // every session of theirs ends at once, whichever device it is on
        assertThat(guard.api().get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(secondDevice.get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(signIn(guard.username(), guard.password())).isEqualTo(401);
        assertThat(signIn(guard.username(), temporary)).isEqualTo(200);

        // two resets give two passwords: the first one no longer works
        String again = admin.post("/api/v1/users/" + guard.id() + "/password-reset", null).json().getString("temporaryPassword");
        assertThat(again).isNotEqualTo(temporary);
        assertThat(signIn(guard.username(), temporary)).isEqualTo(401);
        assertThat(signIn(guard.username(), again)).isEqualTo(200);

        long adminId = admin.get("/api/v1/auth/me").json().getLong("id");
        List<JsonObject> resets = admin.get("/api/v1/audit").items().stream().map(o -> (JsonObject) o)
                .filter(a -> "user_password_reset".equals(a.getString("action"))
                        && Long.valueOf(guard.id()).equals(a.getJsonObject("detail").getLong("userId")))
                .toList();
        assertThat(resets).hasSize(2);
        assertThat(resets.get(1).getLong("userId")).isEqualTo(adminId);
        assertThat(resets.get(1).getInteger("rows")).as("sessions ended").isEqualTo(2);
        assertThat(resets.toString()).doesNotContain(temporary).doesNotContain(again);
        assertThat(Files.readString(Path.of("target/test-server.log"))).doesNotContain(temporary).doesNotContain(again);
    }

    @Test
    @DisplayName("An unknown user is 404 and one's own account 409, as problems; neither changes anything")
    void refusals() {
        Api.Response unknown = admin.post("/api/v1/users/9007199254740990/password-reset", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().getString("type")).isNotBlank();

        Api otherAdmin = admin.userFor("admin", List.of());
        long own = otherAdmin.get("/api/v1/auth/me").json().getLong("id");
        Api.Response self = otherAdmin.post("/api/v1/users/" + own + "/password-reset", null);
        assertThat(self.status()).as(self.body()).isEqualTo(409);
        assertThat(self.header("Content-Type")).startsWith("application/problem+json");
        assertThat(self.json().getString("type")).endsWith("/reset-own-password");
        assertThat(otherAdmin.get("/api/v1/auth/me").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    @DisplayName("Only an admin resets: a manager of the guard's site, the guard and a stranger are refused and nothing changes")
    void onlyAdmins() {
        Staff guard = guard();
        Api manager = admin.userFor("manager", List.of(site));
        assertThat(manager.post("/api/v1/users/" + guard.id() + "/password-reset", null).status()).isEqualTo(403);
        assertThat(guard.api().post("/api/v1/users/" + guard.id() + "/password-reset", null).status()).isEqualTo(403);
        assertThat(server.api().post("/api/v1/users/" + guard.id() + "/password-reset", null).status()).isEqualTo(401);
        assertThat(guard.api().get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(signIn(guard.username(), guard.password())).isEqualTo(200);
    }

    private static List<JsonObject> auditOf(long userId, String action) {
        return admin.get("/api/v1/audit").items().stream().map(o -> (JsonObject) o)
                .filter(a -> action.equals(a.getString("action"))
                        && Long.valueOf(userId).equals(a.getJsonObject("detail").getLong("userId")))
                .toList();
    }

    @Test
    @DisplayName("Creating an account and every change to it (password, disabled, sites) is audited with who did it, never the password")
    void accountChangesAreAudited() {
        Staff guard = guard();
        long adminId = admin.get("/api/v1/auth/me").json().getLong("id");
        List<JsonObject> created = auditOf(guard.id(), "user_created");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getLong("userId")).isEqualTo(adminId);
        assertThat(created.get(0).getJsonObject("detail").getString("role")).isEqualTo("guard");

        String chosen = "moi-" + UUID.randomUUID();
        Api.Response changed = admin.patch("/api/v1/users/" + guard.id(), new JsonObject().put("password", chosen)
                .put("disabled", true).put("siteIds", new io.vertx.core.json.JsonArray()));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        List<JsonObject> updates = auditOf(guard.id(), "user_updated");
        assertThat(updates).hasSize(1);
        JsonObject detail = updates.get(0).getJsonObject("detail");
        assertThat(updates.get(0).getLong("userId")).isEqualTo(adminId);
        assertThat(detail.getBoolean("password")).isTrue();
        assertThat(detail.getBoolean("disabled")).isTrue();
        assertThat(detail.getJsonArray("siteIds")).isEmpty();
        assertThat(updates.toString()).doesNotContain(chosen).doesNotContain(guard.password());

        // a PATCH of an unknown user changes nothing and audits nothing
        assertThat(admin.patch("/api/v1/users/9007199254740990", new JsonObject().put("disabled", true)).status())
                .isEqualTo(404);
        assertThat(auditOf(9007199254740990L, "user_updated")).isEmpty();
    }

    @Test
    @DisplayName("A username already taken is a 409 problem about the username field, and adds no account")
    void usernameTaken() {
        Staff guard = guard();
        Api.Response again = admin.post("/api/v1/users", new JsonObject().put("username", guard.username())
                .put("password", "khac-" + guard.password()).put("role", "guard"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().getString("type")).endsWith("/username-taken");
        assertThat(again.json().getString("field")).isEqualTo("username");
        assertThat(auditOf(guard.id(), "user_created")).hasSize(1);
    }
}
