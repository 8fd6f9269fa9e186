package vn.kiosk.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.SseClient;
import vn.kiosk.server.support.TestServer;

class EventsTest {

    @Test
    @DisplayName("A guard's console receives a check-in event within a second")
    void sseWithinASecond() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("office");
        Api guard = admin.userFor("guard", List.of(site));
        try (SseClient sse = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", guard.token())) {
            assertThat(sse.awaitConnected()).isEqualTo(200);
            Thread.sleep(200);
            long sent = System.nanoTime();
            guard.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Phan Văn Khoa", "0912 456 789")));
            SseClient.Event e = sse.next(1000);
            assertThat(e).as("an event within a second").isNotNull();
            assertThat(e.type()).isEqualTo("checkin");
            assertThat(e.data().getString("name")).isEqualTo("Phan Văn Khoa");
            assertThat(e.data().encode()).doesNotContain("0912456789").doesNotContain("+84912456789");
            assertThat((e.receivedNanos() - sent) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    @DisplayName("A browser opens the stream with a single-use ticket; reusing it is refused")
    void ticket() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("office");
        String ticket = admin.post("/api/v1/sites/" + site + "/events/tickets", null).json().getString("ticket");
        String url = server.baseUrl() + "/api/v1/sites/" + site + "/events?ticket=" + ticket;
        try (SseClient first = new SseClient(url, null)) {
            assertThat(first.awaitConnected()).isEqualTo(200);
        }
        try (SseClient second = new SseClient(url, null)) {
            assertThat(second.awaitConnected()).isEqualTo(401);
        }
        try (SseClient none = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", null)) {
            assertThat(none.awaitConnected()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("An event taken by one instance reaches the streams of another instance")
    void crossInstance() throws Exception {
        TestServer first = TestServer.shared();
        try (TestServer second = TestServer.start(first.sharingKeys(), Map.of(Config.DB_URL, first.dbUrl()))) {
            Api admin = first.admin();
            long site = admin.createSite("market");
            Api guardOnSecond = second.api().login("admin", TestServer.ADMIN_PASSWORD);
            try (SseClient sse = new SseClient(second.baseUrl() + "/api/v1/sites/" + site + "/events",
                    guardOnSecond.token())) {
                assertThat(sse.awaitConnected()).isEqualTo(200);
                Thread.sleep(300);
                admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Trịnh Công Sơn", null)));
                SseClient.Event e = sse.next(1000);
                assertThat(e).as("the event crossed to the second instance within a second").isNotNull();
                assertThat(e.data().getString("name")).isEqualTo("Trịnh Công Sơn");
                assertThat(e.data().containsKey("origin")).isFalse();
            }
        }
    }

    @Test
    @DisplayName("A manager's stream carries only their own site's events; a ticket opens only the site it was given for")
    void managerSeesOnlyTheirSite() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long mine = admin.createSite("office");
        long theirs = admin.createSite("office");
        Api manager = admin.userFor("manager", List.of(mine));
        assertThat(manager.post("/api/v1/sites/" + theirs + "/events/tickets", null).status()).isEqualTo(403);
        try (SseClient other = new SseClient(server.baseUrl() + "/api/v1/sites/" + theirs + "/events", manager.token())) {
            assertThat(other.awaitConnected()).isEqualTo(403);
        }
        String ticket = manager.post("/api/v1/sites/" + mine + "/events/tickets", null).json().getString("ticket");
        try (SseClient crossed = new SseClient(server.baseUrl() + "/api/v1/sites/" + theirs + "/events?ticket=" + ticket,
                null)) {
            assertThat(crossed.awaitConnected()).isEqualTo(401);
        }
        try (SseClient own = new SseClient(server.baseUrl() + "/api/v1/sites/" + mine + "/events?ticket=" + ticket, null)) {
            assertThat(own.awaitConnected()).isEqualTo(200);
            Thread.sleep(200);
            admin.checkIn(new JsonObject().put("siteId", theirs).put("visitor", Api.visitor("Người ở điểm khác", null)));
            admin.checkIn(new JsonObject().put("siteId", mine).put("visitor", Api.visitor("Người ở điểm mình", null)));
            SseClient.Event e = own.next(5000);
            assertThat(e).isNotNull();
            assertThat(e.data().getLong("siteId")).isEqualTo(mine);
            assertThat(e.data().getString("name")).isEqualTo("Người ở điểm mình");
            assertThat(own.next(500)).as("nothing of the other site").isNull();
        }
    }

    @Test
    @DisplayName("An open stream ends when its sign-in does: sign-out, a disabled user, other sites, a revoked kiosk; others stay open")
    void streamsEndWithTheirSignIn() throws Exception {
        TestServer server = TestServer.shared();
        Api admin = server.admin();
        long site = admin.createSite("office");
        long other = admin.createSite("office");
        String events = server.baseUrl() + "/api/v1/sites/" + site + "/events";
        Api signsOut = admin.userFor("manager", List.of(site));
        Api disabled = admin.userFor("guard", List.of(site));
        Api moved = admin.userFor("guard", List.of(site));
        Api stays = admin.userFor("guard", List.of(site));
        JsonObject paired = admin.pairKiosk(site, "entry");
        String kiosk = paired.getString("deviceToken");
        long kioskId = paired.getLong("kioskId");
        String ticket = signsOut.post("/api/v1/sites/" + site + "/events/tickets", null).json().getString("ticket");
        try (SseClient bySignedOut = new SseClient(events + "?ticket=" + ticket, null);
             SseClient byDisabled = new SseClient(events, disabled.token());
             SseClient byMoved = new SseClient(events, moved.token());
             SseClient byKiosk = new SseClient(events, kiosk);
             SseClient byStays = new SseClient(events, stays.token())) {
            for (SseClient c : List.of(bySignedOut, byDisabled, byMoved, byKiosk, byStays)) {
                assertThat(c.awaitConnected()).isEqualTo(200);
            }
            assertThat(signsOut.post("/api/v1/auth/logout", null).status()).isIn(200, 204);
            assertThat(bySignedOut.awaitEnded(5000)).as("the stream of a signed-out manager ends").isTrue();

            long disabledId = disabled.get("/api/v1/auth/me").json().getLong("id");
            assertThat(admin.patch("/api/v1/users/" + disabledId, new JsonObject().put("disabled", true)).status())
                    .isEqualTo(200);
            assertThat(byDisabled.awaitEnded(5000)).as("the stream of a disabled guard ends").isTrue();

            long movedId = moved.get("/api/v1/auth/me").json().getLong("id");
            assertThat(admin.patch("/api/v1/users/" + movedId, new JsonObject().put("siteIds", new JsonArray().add(other))).status()).isEqualTo(200);
            assertThat(byMoved.awaitEnded(5000)).as("the stream of a guard moved to another site ends").isTrue();

            assertThat(admin.post("/api/v1/kiosks/" + kioskId + "/revoke", null).status()).isEqualTo(200);
            assertThat(byKiosk.awaitEnded(5000)).as("the stream of a revoked kiosk ends").isTrue();

            assertThat(byStays.awaitEnded(1000)).as("the others' streams stay open").isFalse();
            admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người vẫn thấy", null)));
            SseClient.Event e = byStays.next(5000);
            assertThat(e).isNotNull();
            assertThat(e.data().getString("name")).isEqualTo("Người vẫn thấy");
        }
    }
}
