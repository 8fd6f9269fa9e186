package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

/**
 * A parent with children or an elderly relative, checked in by one request: each dependant is a visit of their
 * own (inside, counted, consent recorded), the request stays idempotent on its id, and the family leaves together
 * (the same request, out) or one by one.
 */
class FamilyCheckinTest {
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
    }

    private static JsonObject family(long site, String phone, String direction, String... dependants) {
        JsonArray list = new JsonArray();
        for (String d : dependants) {
            list.add(new JsonObject().put("name", d));
        }
        JsonObject visitor = phone == null ? new JsonObject().put("name", "Phạm Thị Hoa") : Api.visitor("Phạm Thị Hoa", phone);
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("siteId", site).put("direction", direction)
                .put("visitor", visitor).put("dependants", list)
                .put("consent", new JsonObject().put("version", 1).put("method", "staff"));
    }

    private static int inside(Api as, long site) {
        return as.get("/api/v1/sites/" + site + "/occupancy").json().getInteger("inside");
    }

    private static long rows(String sql) throws Exception {
        return server.server().pool().query(sql).execute().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    }

    @Test
    @DisplayName("One request checks in a parent and two dependants: three visits, three inside, consent on each; a replay stores nothing")
    void inTogether() throws Exception {
        long site = admin.createSite("hospital");
        Api guard = admin.userFor("guard", List.of(site));
        JsonObject body = family(site, Phones.next(), "auto", "Phạm Minh Khôi", "Nguyễn Thị Lài");
        Api.Response r = guard.checkIn(body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonArray deps = r.json().getJsonArray("dependants");
        assertThat(deps).hasSize(2);
        assertThat(deps.getJsonObject(0).getJsonObject("visitor").getString("name")).isEqualTo("Phạm Minh Khôi");
        assertThat(deps.getJsonObject(1).getString("direction")).isEqualTo("in");
        assertThat(deps.getJsonObject(0).getString("visitId")).isNotEqualTo(r.json().getString("visitId"))
                .isNotEqualTo(deps.getJsonObject(1).getString("visitId"));
        assertThat(deps.getJsonObject(0).getString("pass")).as("a card can be printed for a child").startsWith("v1.");
        assertThat(inside(guard, site)).isEqualTo(3);
        assertThat(guard.get("/api/v1/sites/" + site + "/visits").items()).hasSize(3);
        assertThat(rows("select count(*) from visits where site_id = " + site + " and consent_method = 'staff'"))
                .isEqualTo(3);

        Api.Response again = guard.checkIn(body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getJsonArray("dependants").getJsonObject(1).getString("visitId"))
                .isEqualTo(deps.getJsonObject(1).getString("visitId"));
        assertThat(guard.get("/api/v1/sites/" + site + "/visits").items()).hasSize(3);
        assertThat(rows("select count(*) from visit_events where site_id = " + site)).isEqualTo(3);
    }

    @Test
    @DisplayName("The family leaves together by the same request, out; or one by one")
    void outTogetherOrOneByOne() {
        long site = admin.createSite("market");
        Api guard = admin.userFor("guard", List.of(site));
        String phone = Phones.next();
        assertThat(guard.checkIn(family(site, phone, "in", "Lò Văn Sáng", "Lò Thị Mây")).status()).isEqualTo(201);
        Api.Response out = guard.checkIn(family(site, phone, "out", "Lò Văn Sáng", "Lò Thị Mây"));
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        assertThat(out.json().getJsonArray("dependants").stream().map(JsonObject.class::cast)
                .map(d -> d.getString("direction")).toList()).containsExactly("out", "out");
        assertThat(inside(guard, site)).isZero();
        assertThat(guard.get("/api/v1/sites/" + site + "/visits").items()).hasSize(3)
                .allSatisfy(v -> assertThat(((JsonObject) v).getString("exitedAt")).isNotNull());

        // one by one: a child is marked out by the guard, the others stay
        String other = Phones.next();
        Api.Response in = guard.checkIn(family(site, other, "in", "Hà Văn Tí", "Hà Thị Tèo"));
        String child = in.json().getJsonArray("dependants").getJsonObject(0).getString("visitId");
        Api.Response mark = guard.post("/api/v1/sites/" + site + "/visits/" + child + "/exit", new JsonObject());
        assertThat(mark.status()).as(mark.body()).isEqualTo(200);
        assertThat(inside(guard, site)).isEqualTo(2);
    }

    @Test
    @DisplayName("Without a phone dependants are recorded on the way in; a dependant's bad name stores nothing, not even the parent's")
    void namesOnlyAndRefusals() {
        long site = admin.createSite("school");
        Api guard = admin.userFor("guard", List.of(site));
        Api.Response r = guard.checkIn(family(site, null, "in", "Bé Na"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(inside(guard, site)).isEqualTo(2);

        Api.Response bad = guard.checkIn(family(site, Phones.next(), "in", "Bé Bi", "045090001234|x|y"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().getString("field")).isEqualTo("dependants[1].name");
        Api.Response many = guard.checkIn(family(site, Phones.next(), "in", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertThat(many.status()).as(many.body()).isEqualTo(400);
        assertThat(inside(guard, site)).isEqualTo(2);
    }
}
