package vn.kiosk.server.qr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class QrFlowTest {
    static TestServer server;
    static Api admin;
    static Api anonymous;
    static long site;
    static JsonObject kiosk;
    static Api kioskApi;
    static Api guard;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        anonymous = server.api();
        site = admin.createSite("bus_station");
        kiosk = admin.pairKiosk(site, "both");
        kioskApi = anonymous.as(kiosk.getString("deviceToken"));
        guard = admin.userFor("guard", List.of(site));
    }

    private static String tokenFromKiosk() {
        String payload = kioskApi.get("/api/v1/kiosk/qr").json().getString("payload");
        assertThat(payload).startsWith(server.baseUrl() + "/c/k1.");
        return payload.substring(payload.lastIndexOf('/') + 1);
    }

    private static byte[] secret() {
        return Base64.getUrlDecoder().decode(kiosk.getString("secret"));
    }

    private static JsonObject self(String token, String name, String phone) {
        return new JsonObject().put("siteToken", token).put("visitor", Api.visitor(name, phone))
                .put("consent", Api.selfConsent());
    }

    @Test
    @DisplayName("A self check-in with the kiosk's current code works; the answer carries a pass and a confirmation")
    void selfCheckIn() {
        Api.Response r = anonymous.checkIn(self(tokenFromKiosk(), "Nguyễn Thị Hoa", "0903 100 200")
                .put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "AB12CD")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("pass")).startsWith("v1.");
        assertThat(r.json().getString("confirmation")).startsWith("c1.");
        assertThat(r.json().getString("siteName")).contains("Điểm thử");
    }

    @Test
    @DisplayName("A code the kiosk made offline with its secret is accepted; an old or forged one is 401")
    void tokenWindow() {
        Instant now = Instant.now();
        String offline = SiteToken.forKiosk(kiosk.getLong("kioskId"), secret(), now.minusSeconds(30));
        assertThat(anonymous.checkIn(self(offline, "Trần Văn Hùng", "0903 100 201")).status()).isEqualTo(201);
        String old = SiteToken.forKiosk(kiosk.getLong("kioskId"), secret(), now.minus(Duration.ofMinutes(3)));
        assertThat(anonymous.checkIn(self(old, "Trần Văn Hùng", "0903 100 201")).status()).isEqualTo(401);
        String forged = SiteToken.forKiosk(kiosk.getLong("kioskId"), new byte[32], now);
        assertThat(anonymous.checkIn(self(forged, "Trần Văn Hùng", "0903 100 201")).status()).isEqualTo(401);
        String current = tokenFromKiosk();
        String edited = current.substring(0, current.length() - 1) + (current.endsWith("A") ? "B" : "A");
        assertThat(anonymous.checkIn(self(edited, "Trần Văn Hùng", "0903 100 201")).status()).isEqualTo(401);
        assertThat(anonymous.checkIn(self("k1.1.2.3", "Trần Văn Hùng", "0903 100 201")).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Opening a fresh code gives the site's name and a ten-minute session that checks in; an old code opens nothing")
    void session() {
        Api.Response opened = anonymous.get("/api/v1/site-tokens/" + tokenFromKiosk());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().getString("siteName")).contains("Điểm thử");
        String session = opened.json().getString("session");
        assertThat(session).startsWith("s1.");
        Api.Response r = anonymous.checkIn(self(session, "Vũ Thị Sen", "0903 100 700"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("confirmation")).startsWith("c1.");
        String old = SiteToken.forKiosk(kiosk.getLong("kioskId"), secret(), Instant.now().minus(Duration.ofMinutes(3)));
        assertThat(anonymous.get("/api/v1/site-tokens/" + old).status()).isEqualTo(401);
        String edited = session.substring(0, session.length() - 1) + (session.endsWith("A") ? "B" : "A");
        assertThat(anonymous.checkIn(self(edited, "Vũ Thị Sen", "0903 100 700")).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("A session opens no new session: one photo of a kiosk or poster code cannot be stretched into days of check-ins")
    void sessionsDoNotRenewThemselves() throws Exception {
        String kioskSession = anonymous.get("/api/v1/site-tokens/" + tokenFromKiosk()).json().getString("session");
        String posterUrl = QrCodes.decode(admin.bytes("/api/v1/sites/" + site + "/qr.png")).orElseThrow();
        String posterSession = anonymous.get("/api/v1/site-tokens/" + posterUrl.substring(posterUrl.lastIndexOf('/') + 1))
                .json().getString("session");
        for (String session : List.of(kioskSession, posterSession)) {
            Api.Response renewed = anonymous.get("/api/v1/site-tokens/" + session);
            assertThat(renewed.status()).as(session).isEqualTo(401);
            assertThat(renewed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(renewed.body()).doesNotContain("\"session\"");
        }
        // each session still checks in until its own end
        assertThat(anonymous.checkIn(self(kioskSession, "Đỗ Văn Lâm", "0903 100 801")).status()).isEqualTo(201);
        assertThat(anonymous.checkIn(self(posterSession, "Đỗ Thị Mai", "0903 100 802")).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("A guard gets a printable pass for anyone inside")
    void passForCard() {
        String visit = guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Cụ Lành", null))).json().getString("visitId");
        String pass = guard.post("/api/v1/sites/" + site + "/visits/" + visit + "/pass", null).json().getString("pass");
        assertThat(kioskApi.checkIn(new JsonObject().put("pass", pass).put("direction", "out")).json()
                .getString("visitId")).isEqualTo(visit);
    }

    @Test
    @DisplayName("A self check-in needs a phone number")
    void selfNeedsPhone() {
        Api.Response r = anonymous.checkIn(self(tokenFromKiosk(), "Không số", null));
        assertThat(r.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("The visitor pass toggles in and out at the kiosk camera, but a second scan right after an entry does not")
    void passToggles() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String pass = anonymous.checkIn(self(tokenFromKiosk(), "Lê Thị Thu", "0903 100 300")
                .put("occurredAt", now.minusMinutes(5).toString())).json().getString("pass");
        Api.Response out = kioskApi.checkIn(new JsonObject().put("pass", pass).put("occurredAt", now.minusMinutes(3).toString()));
        assertThat(out.status()).isEqualTo(201);
        assertThat(out.json().getString("direction")).isEqualTo("out");
        assertThat(out.json().getJsonObject("visitor").getString("name")).isEqualTo("Lê Thị Thu");
        assertThat(kioskApi.checkIn(new JsonObject().put("pass", pass)).json().getString("direction")).isEqualTo("in");
        Api.Response again = kioskApi.checkIn(new JsonObject().put("pass", pass));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("type")).endsWith("/already-checked-in");
        String forged = pass.substring(0, pass.length() - 2) + (pass.endsWith("AA") ? "BB" : "AA");
        assertThat(kioskApi.checkIn(new JsonObject().put("pass", forged)).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("A CCCD card checks a visitor in keyed on the ID number; a bad card names the field")
    void cccd() {
        String card = "045190001234|197123456|Nguyễn Văn Bình|15081990|Nam|12 Trần Hưng Đạo, Đông Hà, Quảng Trị|01072021";
        Api.Response in = guard.checkIn(new JsonObject().put("siteId", site).put("cccd", card)
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).toString()));
        assertThat(in.status()).isEqualTo(201);
        assertThat(in.json().getJsonObject("visitor").getString("name")).isEqualTo("Nguyễn Văn Bình");
        Api.Response out = guard.checkIn(new JsonObject().put("siteId", site).put("cccd", card));
        assertThat(out.json().getString("direction")).isEqualTo("out");
        JsonObject v = guard.get("/api/v1/sites/" + site + "/visits?q=045190001234").items().getJsonObject(0);
        assertThat(v.getJsonObject("visitor").getString("idMasked")).isEqualTo("********1234");
        assertThat(v.getString("method")).isEqualTo("cccd");
        Api.Response bad = guard.checkIn(new JsonObject().put("siteId", site)
                .put("cccd", "04519000123|197123456|Nguyễn Văn Bình|15081990|Nam|x|01072021"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("field")).isEqualTo("cccd.id");
        assertThat(bad.body()).doesNotContain("04519000123");
    }

    @Test
    @DisplayName("The confirmation QR marks the visit qr_confirmed once; a second scan changes nothing")
    void confirmation() {
        JsonObject in = anonymous.checkIn(self(tokenFromKiosk(), "Phạm Văn Tài", "0903 100 400")
                .put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "XY34ZW"))).json();
        // the phone asks (no sign-in, the code is the key) whether a kiosk has scanned its code yet
        JsonObject asked = new JsonObject().put("code", in.getString("confirmation"));
        Api.Response before = anonymous.post("/api/v1/confirmations/status", asked);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().getBoolean("confirmed")).isFalse();
        Api.Response first = kioskApi.post("/api/v1/confirmations", new JsonObject().put("code", in.getString("confirmation")));
        Api.Response after = anonymous.post("/api/v1/confirmations/status", asked);
        assertThat(after.json().getBoolean("confirmed")).isTrue();
        assertThat(after.json().getString("bluezone")).isEqualTo("qr_confirmed");
        Api.Response forged = anonymous.post("/api/v1/confirmations/status", new JsonObject().put("code", "c1.forged"));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().getString("field")).isEqualTo("code");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getString("bluezone")).isEqualTo("qr_confirmed");
        assertThat(first.json().getBoolean("alreadyConfirmed")).isFalse();
        Api.Response again = guard.post("/api/v1/confirmations", new JsonObject().put("code", in.getString("confirmation")));
        assertThat(again.json().getBoolean("alreadyConfirmed")).isTrue();
        JsonObject v = guard.get("/api/v1/sites/" + site + "/visits?q=0903100400").items().getJsonObject(0);
        assertThat(v.getString("bluezone")).isEqualTo("qr_confirmed");
        assertThat(v.getString("bluezoneId")).isEqualTo("XY34ZW");
        assertThat(guard.post("/api/v1/confirmations", new JsonObject().put("code", "c1.forged")).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("Installed without the ID: the visitor gets in with a confirmation that says declared, and stays declared")
    void declaredWithoutId() {
        Api.Response in = anonymous.checkIn(self(tokenFromKiosk(), "Lê Thị Hoa", "0903 100 450")
                .put("bluezone", new JsonObject().put("status", "declared")));
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        String code = in.json().getString("confirmation");
        assertThat(code).as("a confirmation to show at the kiosk").isNotNull().matches("c1\\.[^.]+\\.\\d+\\.d\\.\\..*");
        Api.Response scanned = kioskApi.post("/api/v1/confirmations", new JsonObject().put("code", code));
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        assertThat(scanned.json().getString("bluezone")).isEqualTo("declared");
        assertThat(scanned.json().getBoolean("installed")).isTrue();
        JsonObject v = guard.get("/api/v1/sites/" + site + "/visits?q=0903100450").items().getJsonObject(0);
        assertThat(v.getString("bluezone")).isEqualTo("declared");
        assertThat(v.getString("bluezoneId")).isNull();
    }

    @Test
    @DisplayName("A visitor without Bluezone stays not_installed, and a guard can mark installed_on_site")
    void notInstalled() {
        JsonObject in = anonymous.checkIn(self(tokenFromKiosk(), "Hồ Văn Lợi", "0903 100 500")
                .put("bluezone", new JsonObject().put("status", "not_installed"))).json();
        JsonObject scanned = kioskApi.post("/api/v1/confirmations", new JsonObject().put("code", in.getString("confirmation")))
                .json();
        assertThat(scanned.getString("bluezone")).isEqualTo("not_installed");
        assertThat(scanned.getBoolean("installed")).isFalse();
        Api.Response marked = guard.post("/api/v1/sites/" + site + "/visits/" + in.getString("visitId") + "/bluezone",
                new JsonObject().put("status", "installed_on_site"));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(guard.get("/api/v1/sites/" + site + "/visits?q=0903100500").items().getJsonObject(0)
                .getString("bluezone")).isEqualTo("installed_on_site");
    }

    @Test
    @DisplayName("The printed poster code checks in as a poster check-in, and stops working when switched off")
    void posterCode() throws Exception {
        String url = QrCodes.decode(admin.bytes("/api/v1/sites/" + site + "/qr.png")).orElseThrow();
        assertThat(url).startsWith(server.baseUrl() + "/c/p1.");
        assertThat(admin.get("/api/v1/sites/" + site + "/qr.svg").body()).startsWith("<svg");
        String token = url.substring(url.lastIndexOf('/') + 1);
        Api.Response r = anonymous.checkIn(self(token, "Đinh Công Tráng", "0903 100 600"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(guard.get("/api/v1/sites/" + site + "/visits?q=0903100600").items().getJsonObject(0)
                .getString("method")).isEqualTo("poster");
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("posterEnabled", false));
        assertThat(anonymous.checkIn(self(token, "Đinh Công Tráng", "0903 100 600")).status()).isEqualTo(401);
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("posterEnabled", true));
    }

    @Test
    @DisplayName("The poster PDF is an A4 PDF; the decode endpoint reads a camera frame")
    void posterAndDecode() throws Exception {
        byte[] pdf = admin.bytes("/api/v1/sites/" + site + "/poster.pdf");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        byte[] png = QrCodes.png("v1.1.2.abc.def", 400);
        Api.Response decoded = guard.postRaw("/api/v1/qr/decode", "application/octet-stream", png);
        assertThat(decoded.status()).isEqualTo(200);
        assertThat(decoded.json().getString("text")).isEqualTo("v1.1.2.abc.def");
        assertThat(guard.postRaw("/api/v1/qr/decode", "application/octet-stream", "not an image".getBytes()).status())
                .isEqualTo(422);
    }

    @Test
    @DisplayName("One phone cannot check in a crowd: the seventh self check-in in a minute is 429 with Retry-After")
    void rateLimit() {
        String token = tokenFromKiosk();
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            Api.Response r = anonymous.checkIn(self(token, "Kẻ phá rối", "0903 999 999"));
            if (r.status() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
            }
        }
        assertThat(limited).isEqualTo(2);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        for (int i = 0; i < 8; i++) {
            assertThat(guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor("Khách của bảo vệ", "0903 888 888"))).status()).isEqualTo(201);
        }
    }
}
