package vn.kiosk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * Consent on every path into the log: the visitor's own phone (self), a tap at the kiosk (kiosk), a guard after
 * telling the visitor (staff), and the consent a visitor pass carries (pass); silence is never recorded as one.
 */
class ConsentTest {
    static final String CCCD = "045090001234||Nguyễn Thị Thu Hà|15031990|Nữ|Số 12 Hùng Vương, Đông Hà, Quảng Trị|01062021";
    static TestServer server;
    static Api admin;
    static Api kiosk;
    static Api guard;
    static long site;
    static int version;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("office");
        kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
        guard = admin.userFor("guard", List.of(site));
        version = server.api().get("/api/v1/sites/" + site + "/privacy-notice").json().getInteger("version");
    }

    static String session() {
        String payload = kiosk.get("/api/v1/kiosk/qr").json().getString("payload");
        return server.api().get("/api/v1/site-tokens/" + payload.substring(payload.lastIndexOf('/') + 1)).json()
                .getString("session");
    }

    static JsonObject consent(int v, String method) {
        return new JsonObject().put("version", v).put("method", method);
    }

    static Row visit(String visitId) {
        return Privacies.sql(server, "select consent_version, consent_method, cccd_extra from visits where id = $1",
                Tuple.of(UUID.fromString(visitId))).iterator().next();
    }

    static Row visitor(long id) {
        return Privacies.sql(server, "select consent_version, consent_method, consent_controller, consent_at,"
                + " consent_withdrawn_at from visitors where id = $1", Tuple.of(id)).iterator().next();
    }

    @Test
    @DisplayName("A self check-in without consent is refused and stores nothing; with it the visit records the version and 'self'")
    void theVisitorsOwnPhone() {
        String phone = Privacies.phone();
        String name = Privacies.unique("Lý Thị Mai");
        JsonObject body = new JsonObject().put("siteToken", session()).put("visitor", Api.visitor(name, phone));
        Api.Response silent = server.api().checkIn(body.copy());
        assertThat(silent.status()).as(silent.body()).isEqualTo(422);
        assertThat(silent.json().getString("type")).endsWith("/consent-required");
        assertThat(silent.json().getString("field")).isEqualTo("consent");
        assertThat(Privacies.sql(server, "select count(*) from visitors where name = $1", Tuple.of(name))
                .iterator().next().getLong(0)).isZero();
        Api.Response wrongWay = server.api().checkIn(body.copy().put("consent", consent(version, "staff")));
        assertThat(wrongWay.status()).isEqualTo(422);
        assertThat(wrongWay.json().getString("type")).endsWith("/invalid-consent");
        Api.Response noSuchVersion = server.api().checkIn(body.copy().put("consent", consent(version + 1000, "self")));
        assertThat(noSuchVersion.status()).isEqualTo(422);
        assertThat(noSuchVersion.json().getString("field")).isEqualTo("consent.version");

        Api.Response r = server.api().checkIn(body.copy().put("consent", consent(version, "self")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getJsonObject("consent")).isEqualTo(consent(version, "self"));
        Row v = visit(r.json().getString("visitId"));
        assertThat(v.getInteger("consent_version")).isEqualTo(version);
        assertThat(v.getString("consent_method")).isEqualTo("self");
        Row who = visitor(r.json().getJsonObject("visitor").getLong("id"));
        assertThat(who.getString("consent_method")).isEqualTo("self");
        assertThat(who.getString("consent_controller"))
                .isEqualTo(admin.get("/api/v1/sites/" + site).json().getString("name"));
    }

    @Test
    @DisplayName("A tap at the kiosk records 'kiosk', a guard 'staff'; a staff check-in without consent records none")
    void kioskAndStaff() {
        Api.Response tapped = kiosk.checkIn(new JsonObject().put("cccd", CCCD).put("direction", "in")
                .put("consent", consent(version, "kiosk")));
        assertThat(tapped.status()).as(tapped.body()).isIn(200, 201);
        assertThat(visit(tapped.json().getString("visitId")).getString("consent_method")).isEqualTo("kiosk");
        assertThat(kiosk.checkIn(new JsonObject().put("cccd", CCCD).put("consent", consent(version, "self"))).status())
                .isEqualTo(422);
        Api.Response told = guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Đinh Văn Khoa", Privacies.phone())).put("consent", consent(version, "staff")));
        assertThat(told.status()).as(told.body()).isEqualTo(201);
        assertThat(visit(told.json().getString("visitId")).getString("consent_method")).isEqualTo("staff");
        assertThat(guard.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("X", Privacies.phone()))
                .put("consent", consent(version, "kiosk"))).status()).isEqualTo(422);
        Api.Response none = guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Đinh Văn Lộc", Privacies.phone())));
        assertThat(none.status()).isEqualTo(201);
        assertThat(visit(none.json().getString("visitId")).getString("consent_method")).isNull();
        assertThat(none.json().getValue("consent")).isNull();
    }

    @Test
    @DisplayName("A pass carries the consent given when it was issued; without a current one an online scan asks (409) and stores nothing")
    void aPassCarriesItsConsent() {
        JsonObject carried = new JsonObject().put("method", "pass");
        Api.Response first = server.api().checkIn(new JsonObject().put("siteToken", session())
                .put("visitor", Api.visitor("Tạ Văn Bình", Privacies.phone())).put("consent", consent(version, "self")));
        String pass = first.json().getString("pass");
        Api.Response out = kiosk.checkIn(new JsonObject().put("pass", pass).put("direction", "out").put("consent", carried));
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        Api.Response in = kiosk.checkIn(new JsonObject().put("pass", pass).put("direction", "in").put("consent", carried));
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(in.json().getJsonObject("consent")).isEqualTo(consent(version, "pass"));
        assertThat(visit(in.json().getString("visitId")).getString("consent_method")).isEqualTo("pass");

        // someone a guard elsewhere checked in without asking: their pass carries nothing here
        long elsewhere = admin.createSite("market");
        String bare = admin.checkIn(new JsonObject().put("siteId", elsewhere)
                .put("visitor", Api.visitor("Mai Văn Cường", Privacies.phone()))).json().getString("pass");
        long before = visits();
        Api.Response asks = kiosk.checkIn(new JsonObject().put("pass", bare).put("direction", "in").put("consent", carried));
        assertThat(asks.status()).as(asks.body()).isEqualTo(409);
        assertThat(asks.json().getString("type")).endsWith("/consent-required");
        assertThat(asks.json().getInteger("version")).isEqualTo(version);
        assertThat(visits()).isEqualTo(before);
        // offline, the kiosk could not ask: the replay is stored, with the consent on record (none)
        Api.Response replay = kiosk.checkIn(new JsonObject().put("pass", bare).put("direction", "in")
                .put("occurredAt", Instant.now().minusSeconds(120).toString()).put("consent", carried));
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(visit(replay.json().getString("visitId")).getString("consent_method")).isNull();
        Api.Response tap = kiosk.checkIn(new JsonObject().put("pass", bare).put("direction", "in")
                .put("consent", consent(version, "kiosk")));
        assertThat(tap.status()).as(tap.body()).isIn(200, 201);
        assertThat(visitor(tap.json().getJsonObject("visitor").getLong("id")).getString("consent_method")).isEqualTo("kiosk");

        // a withdrawal ends what the pass carried
        assertThat(Privacies.fileMine(server, pass, "withdrawal").status()).isEqualTo(201);
        Api.Response withdrawn = kiosk.checkIn(new JsonObject().put("pass", pass).put("direction", "in")
                .put("consent", carried));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(409);
        assertThat(withdrawn.json().getString("type")).endsWith("/consent-required");
    }

    @Test
    @DisplayName("A CCCD scan keeps the name and the ID number (hashed, encrypted, masked) only, unless the site is set to need more")
    void aCccdKeepsOnlyWhatTheSiteNeeds() throws Exception {
        Api.Response r = kiosk.checkIn(new JsonObject().put("cccd", CCCD).put("direction", "in")
                .put("consent", consent(version, "kiosk")));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        String id = r.json().getString("visitId");
        assertThat(visit(id).getValue("cccd_extra")).isNull();
        for (String table : List.of("visitors", "visits", "visit_events", "audit_log")) {
            String all = Privacies.sql(server, "select coalesce(string_agg(to_jsonb(t)::text, ''), '') from " + table
                    + " t", Tuple.tuple()).iterator().next().getString(0);
            assertThat(all).as(table).doesNotContain("Hùng Vương").doesNotContain("15031990").doesNotContain("1990-03-15")
                    .doesNotContain("045090001234");
        }
        assertThat(Files.readString(Path.of("target/test-server.log"))).doesNotContain("Hùng Vương")
                .doesNotContain("15031990").doesNotContain("045090001234");
        assertThat(admin.get("/api/v1/sites/" + site + "/visits/" + id).json().getValue("cccd")).isNull();

        long hotel = admin.createSite("hotel");
        admin.patch("/api/v1/sites/" + hotel, new JsonObject().put("cccdBirthDate", true).put("cccdAddress", true));
        Api.Response kept = admin.checkIn(new JsonObject().put("siteId", hotel).put("cccd", CCCD).put("direction", "in")
                .put("consent", consent(version, "staff")));
        assertThat(kept.status()).as(kept.body()).isIn(200, 201);
        assertThat(visit(kept.json().getString("visitId")).getValue("cccd_extra")).isNotNull();
        JsonObject shown = admin.get("/api/v1/sites/" + hotel + "/visits/" + kept.json().getString("visitId")).json();
        assertThat(shown.getJsonObject("cccd")).isEqualTo(new JsonObject().put("birthDate", "1990-03-15")
                .put("address", "Số 12 Hùng Vương, Đông Hà, Quảng Trị"));
        assertThat(shown.getJsonObject("consent")).isEqualTo(consent(version, "staff"));
    }

    static long visits() {
        return Privacies.sql(server, "select count(*) from visits where site_id = $1", Tuple.of(site)).iterator().next()
                .getLong(0);
    }
}
