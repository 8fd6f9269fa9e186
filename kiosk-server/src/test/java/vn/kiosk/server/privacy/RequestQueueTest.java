package vn.kiosk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** A visitor's view by pass, and the staff's queue of requests: scope, deadlines, states, what was done. */
class RequestQueueTest {
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
    }

    @Test
    @DisplayName("With their pass a visitor sees each visit (site, times, Bluezone status), the phone masked; a forged pass sees nothing")
    void aVisitorSeesTheirVisitsWithTheirPass() {
        long a = admin.createSite("market");
        long b = admin.createSite("bus_station");
        String phone = Privacies.phone();
        String pass = Privacies.firstVisit(admin, a, "Phạm Văn Minh", phone, "AB12CD").getString("pass");
        Privacies.firstVisit(admin, b, "Phạm Văn Minh", phone, null);
        Api.Response r = server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject person = r.json().getJsonObject("person");
        assertThat(person.getString("name")).isEqualTo("Phạm Văn Minh");
        assertThat(person.getString("phoneMasked")).endsWith(phone.substring(7)).doesNotContain(phone.substring(3, 7));
        assertThat(r.body()).doesNotContain(phone.substring(1)).doesNotContain("AB12CD");
        JsonArray visits = r.json().getJsonArray("visits");
        assertThat(visits).hasSize(2);
        assertThat(visits.stream().map(v -> ((JsonObject) v).getLong("siteId")).toList()).containsExactlyInAnyOrder(a, b);
        JsonObject v = visits.getJsonObject(0);
        assertThat(v.getString("siteName")).startsWith("Điểm thử");
        assertThat(v.getString("enteredAt")).isNotNull();
        assertThat(v.getString("bluezone")).isEqualTo("declared");

        int at = pass.length() - 20; // inside the signature
        String forged = pass.substring(0, at) + (pass.charAt(at) == 'A' ? 'B' : 'A') + pass.substring(at + 1);
        Api.Response bad = server.api().post("/api/v1/my-data", new JsonObject().put("pass", forged));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().getString("type")).endsWith("/invalid-pass");
        assertThat(server.api().post("/api/v1/my-data", new JsonObject()).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A request is seen by the staff of the person's sites only: manager, officer of the area, admin")
    void requestsAreScopedLikeVisits() {
        long a = admin.createSite("office", "Quảng Trị", "Huyện Cam Lộ");
        long b = admin.createSite("office", "Quảng Trị", "Huyện Vĩnh Linh");
        String pass = Privacies.firstVisit(admin, a, "Võ Thị Lan", Privacies.phone(), null).getString("pass");
        Api.Response filed = server.api().post("/api/v1/my-data/requests", new JsonObject().put("pass", pass)
                .put("type", "correction").put("detail", "Tên đúng là Võ Thị Lành"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().getLong("id");
        assertThat(filed.json().getString("state")).isEqualTo("received");
        assertThat(filed.json().containsKey("person")).isFalse();
        Api.Response again = server.api().post("/api/v1/my-data/requests", new JsonObject().put("pass", pass)
                .put("type", "correction"));
        assertThat(again.status()).isEqualTo(409);

        Optional<JsonObject> seen = find(admin.userFor("manager", List.of(a)), id);
        assertThat(seen).isPresent();
        assertThat(seen.get().getString("detail")).isEqualTo("Tên đúng là Võ Thị Lành");
        assertThat(seen.get().getJsonObject("person").getString("name")).isEqualTo("Võ Thị Lan");
        assertThat(seen.get().getBoolean("overdue")).isFalse();
        assertThat(find(admin.userFor("manager", List.of(b)), id)).isEmpty();
        assertThat(find(admin.userFor("officer", List.of(), "Quảng Trị", "Huyện Cam Lộ"), id)).isPresent();
        assertThat(find(admin.userFor("officer", List.of(), "Quảng Trị", "Huyện Vĩnh Linh"), id)).isEmpty();
        assertThat(find(admin, id)).isPresent();
        assertThat(admin.userFor("guard", List.of(a)).get("/api/v1/privacy/requests").status()).isEqualTo(403);
        assertThat(admin.userFor("manager", List.of(b)).patch("/api/v1/privacy/requests/" + id,
                new JsonObject().put("state", "in_progress")).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("Each request has its deadline; an overdue one stands out and comes first")
    void overdueRequestsStandOut() {
        long site = admin.createSite("hospital");
        Api manager = admin.userFor("manager", List.of(site));
        String early = Privacies.firstVisit(admin, site, "Đặng Văn Sơn", Privacies.phone(), null).getString("pass");
        String late = Privacies.firstVisit(admin, site, "Hồ Thị Thu", Privacies.phone(), null).getString("pass");
        long fresh = Privacies.fileMine(server, early, "access").json().getLong("id");
        long old = Privacies.fileMine(server, late, "deletion").json().getLong("id");
        // received four days ago: its 72 hours are over
        Privacies.sql(server, "update privacy_requests set received_at = now() - interval '4 days',"
                + " due_at = now() - interval '1 day' where id = $1", Tuple.of(old));
        JsonObject queue = manager.get("/api/v1/privacy/requests").json();
        assertThat(queue.getLong("overdue")).isEqualTo(1);
        List<JsonObject> items = queue.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
        assertThat(items.get(0).getLong("id")).isEqualTo(old);
        assertThat(items.get(0).getBoolean("overdue")).isTrue();
        assertThat(items.get(0).getLong("hoursLeft")).isNegative();
        JsonObject f = items.stream().filter(i -> i.getLong("id") == fresh).findFirst().orElseThrow();
        assertThat(f.getBoolean("overdue")).isFalse();
        assertThat(f.getLong("hoursLeft")).isBetween(70L, 72L);
    }

    @Test
    @DisplayName("received → in progress → done or refused with a reason; who handled it and what was done are kept; closed stays closed")
    void statesAndWhoHandledThem() {
        long site = admin.createSite("school");
        Api manager = admin.userFor("manager", List.of(site));
        String username = manager.get("/api/v1/auth/me").json().getString("username");
        String pass = Privacies.firstVisit(admin, site, "Ngô Văn Tài", Privacies.phone(), null).getString("pass");
        long access = Privacies.fileMine(server, pass, "access").json().getLong("id");
        Api.Response moving = manager.patch("/api/v1/privacy/requests/" + access, new JsonObject().put("state", "in_progress"));
        assertThat(moving.status()).as(moving.body()).isEqualTo(200);
        assertThat(moving.json().getString("handledBy")).isEqualTo(username);
        Api.Response data = manager.get("/api/v1/privacy/requests/" + access + "/data");
        assertThat(data.status()).as(data.body()).isEqualTo(200);
        assertThat(data.json().getJsonArray("visits")).hasSize(1);
        Api.Response done = manager.patch("/api/v1/privacy/requests/" + access, new JsonObject().put("state", "done")
                .put("outcome", "Đã in và trao bản sao dữ liệu tại quầy"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().getString("outcome")).isEqualTo("Đã in và trao bản sao dữ liệu tại quầy");
        assertThat(done.json().getString("handledAt")).isNotNull();
        Api.Response closed = manager.patch("/api/v1/privacy/requests/" + access, new JsonObject().put("state", "refused")
                .put("outcome", "x"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().getString("type")).endsWith("/request-closed");

        long deletion = Privacies.fileMine(server, pass, "deletion").json().getLong("id");
        Api.Response noReason = manager.patch("/api/v1/privacy/requests/" + deletion, new JsonObject().put("state", "refused"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().getString("field")).isEqualTo("outcome");
        Api.Response refused = manager.patch("/api/v1/privacy/requests/" + deletion, new JsonObject()
                .put("state", "refused").put("outcome", "Dữ liệu đang phục vụ truy vết theo công văn 45/SYT"));
        assertThat(refused.json().getString("state")).isEqualTo("refused");
        // the visitor sees the outcome, not the staff's names
        JsonArray mine = server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass)).json()
                .getJsonArray("requests");
        assertThat(mine).hasSize(2);
        assertThat(mine.getJsonObject(0).getString("outcome")).contains("45/SYT");
        assertThat(mine.getJsonObject(0).containsKey("handledBy")).isFalse();
        assertThat(Privacies.sql(server, "select count(*) from audit_log where action = 'privacy.request_state'"
                + " and (detail->>'requestId')::bigint = any($1)", Tuple.tuple().addArrayOfLong(new Long[] {access, deletion}))
                .iterator().next().getLong(0)).isEqualTo(3);
    }

    @Test
    @DisplayName("A deletion that concerns two sites is completed by someone who sees both; a correction changes the record")
    void completingNeedsTheWholeScope() {
        long a = admin.createSite("market", "Quảng Trị", "Huyện Triệu Phong");
        long b = admin.createSite("market", "Quảng Trị", "Huyện Triệu Phong");
        String phone = Privacies.phone();
        String pass = Privacies.firstVisit(admin, a, "Bùi Văn Nam", phone, null).getString("pass");
        Privacies.firstVisit(admin, b, "Bùi Văn Nam", phone, null);
        Api managerA = admin.userFor("manager", List.of(a));
        long correction = Privacies.fileMine(server, pass, "correction").json().getLong("id");
        Api.Response narrow = managerA.patch("/api/v1/privacy/requests/" + correction, new JsonObject().put("state", "done")
                .put("correction", new JsonObject().put("name", "Bùi Văn Năm")));
        assertThat(narrow.status()).as(narrow.body()).isEqualTo(403);
        assertThat(managerA.patch("/api/v1/privacy/requests/" + correction, new JsonObject().put("state", "in_progress"))
                .status()).isEqualTo(200);
        Api officer = admin.userFor("officer", List.of(), "Quảng Trị", "Huyện Triệu Phong");
        // one phone may name several people (a family's): the same phone and name is another record already
        String other = Privacies.phone();
        Privacies.firstVisit(admin, a, "Bùi Văn Năm", other, null);
        Api.Response taken = officer.patch("/api/v1/privacy/requests/" + correction, new JsonObject().put("state", "done")
                .put("correction", new JsonObject().put("name", "Bùi Văn Năm").put("phone", other)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().getString("type")).endsWith("/number-in-use");
        Api.Response fixed = officer.patch("/api/v1/privacy/requests/" + correction, new JsonObject().put("state", "done")
                .put("correction", new JsonObject().put("name", "  Bùi Văn Năm ")));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        JsonObject me = server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass)).json();
        assertThat(me.getJsonObject("person").getString("name")).isEqualTo("Bùi Văn Năm");
        assertThat(me.getJsonObject("person").getString("phoneMasked")).endsWith(phone.substring(7));
    }

    @Test
    @DisplayName("At the desk a guard finds the person by phone, ID or pass and files for them; a guard elsewhere finds no one")
    void theDeskFilesForThePerson() {
        long site = admin.createSite("office");
        long elsewhere = admin.createSite("office");
        String phone = Privacies.phone();
        Api.Response first = admin.checkIn(new JsonObject().put("siteId", site).put("visitor", new JsonObject()
                .put("name", "Trịnh Văn Hải").put("phone", phone).put("idNumber", "038099001122")));
        String pass = first.json().getString("pass");
        Api guard = admin.userFor("guard", List.of(site));
        for (JsonObject q : List.of(new JsonObject().put("phone", phone), new JsonObject().put("idNumber", "038099001122"),
                new JsonObject().put("pass", pass))) {
            Api.Response found = guard.post("/api/v1/privacy/people", q);
            assertThat(found.status()).as(q + " " + found.body()).isEqualTo(200);
            assertThat(found.json().getJsonObject("person").getString("idMasked")).endsWith("1122");
            assertThat(found.body()).doesNotContain("038099001122").doesNotContain(phone.substring(1));
        }
        Api stranger = admin.userFor("guard", List.of(elsewhere));
        assertThat(stranger.post("/api/v1/privacy/people", new JsonObject().put("phone", phone)).status()).isEqualTo(404);
        assertThat(guard.post("/api/v1/privacy/people", new JsonObject().put("phone", "12")).status()).isEqualTo(422);
        long visitorId = guard.post("/api/v1/privacy/people", new JsonObject().put("phone", phone)).json()
                .getJsonObject("person").getLong("id");
        assertThat(stranger.post("/api/v1/privacy/requests", new JsonObject().put("visitorId", visitorId)
                .put("type", "deletion")).status()).isEqualTo(404);
        Api.Response filed = guard.post("/api/v1/privacy/requests", new JsonObject().put("visitorId", visitorId)
                .put("type", "withdrawal").put("detail", "Khách không muốn tiếp tục"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().getString("channel")).isEqualTo("desk");
        assertThat(filed.json().getString("filedBy")).isEqualTo(guard.get("/api/v1/auth/me").json().getString("username"));
        // a withdrawal holds at once: the consent the pass carried is gone
        JsonObject consent = server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass)).json()
                .getJsonObject("person").getJsonObject("consent");
        assertThat(consent.getString("withdrawnAt")).isNotNull();
    }

    static Optional<JsonObject> find(Api as, long id) {
        Api.Response r = as.get("/api/v1/privacy/requests");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.items().stream().map(JsonObject.class::cast).filter(o -> o.getLong("id") == id).findFirst();
    }
}
