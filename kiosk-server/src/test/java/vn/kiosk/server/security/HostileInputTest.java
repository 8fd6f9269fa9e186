package vn.kiosk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** Hostile bodies get a 4xx problem, never a 500, and store nothing; hostile text is stored and shown as text. */
class HostileInputTest {
    static final long SEED = Long.getLong("kiosk.fuzz.seed", 20211001L);
    static final int CASES = Integer.getInteger("kiosk.fuzz.cases", 300);
    static final String JSON_CHARS = "\"{}[],:0123456789eE\\u-.";
    static Api guard;
    static long site;

    @BeforeAll
    static void setUp() {
        Api admin = TestServer.shared().admin();
        site = admin.createSite("shop");
        guard = admin.userFor("guard", List.of(site));
    }

    private static int visits() {
        return guard.get("/api/v1/sites/" + site + "/visits?limit=500").items().size();
    }

    private static void assertProblem(Api.Response r, String what) {
        assertThat(r.status()).as(what).isBetween(400, 499);
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
    }

    private static Api.Response raw(byte[] body) {
        return guard.postRaw("/api/v1/checkins", "application/json", body);
    }

    @Test
    @DisplayName("Deep nesting, huge numbers, invalid UTF-8, NUL bytes and 10 MB strings are refused with 4xx")
    void malformedBodies() {
        int before = visits();
        String id = "\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":" + site;
        assertProblem(raw(("{" + id + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes()), "deep nesting");
        assertProblem(raw(("{\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":1" + "0".repeat(400)
                + ",\"visitor\":{\"name\":\"A\"}}").getBytes()), "huge number");
        assertProblem(raw(("{" + id + ",\"visitor\":{\"name\":1e999}}").getBytes()), "huge exponent");
        byte[] invalidUtf8 = ("{" + id + ",\"visitor\":{\"name\":\"Nguy\u0000\"}}").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 5] = (byte) 0xC3; // a lead byte with no continuation
        assertProblem(raw(invalidUtf8), "invalid UTF-8");
        assertProblem(raw(("{" + id + ",\"visitor\":{\"name\":\"Nguyễn\\u0000An\"}}").getBytes(StandardCharsets.UTF_8)),
                "NUL in a name");
        assertProblem(raw(("{" + id + ",\"visitor\":{\"name\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}}").getBytes()),
                "10 MB string");
        assertProblem(raw("[]".getBytes()), "an array");
        assertProblem(raw("null".getBytes()), "null");
        assertProblem(raw(new byte[0]), "nothing");
        assertThat(visits()).isEqualTo(before);
    }

    @Test
    @DisplayName("Seeded random mutations of a good check-in never cause a 500, and the rejected ones store nothing")
    void mutations() {
        Random random = new Random(SEED);
        String good = new JsonObject().put("id", UUID.randomUUID().toString()).put("siteId", site)
                .put("visitor", new JsonObject().put("name", "Nguyễn Văn An").put("phone", "0912 345 678"))
                .put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "AB12")).encode();
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            StringBuilder text = new StringBuilder(good);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, (char) (random.nextInt(0x7f - 0x20) + 0x20));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length())));
                }
            }
            // A fresh id every time, so an accepted mutation is a new visit and a rejected one must leave none.
            String body = text.toString().replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + UUID.randomUUID() + "\"");
            int before = visits();
            Api.Response r = raw(body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(body).isLessThan(500);
            if (r.status() >= 400) {
                assertThat(r.header("Content-Type")).as(body).startsWith("application/problem+json");
                assertThat(visits()).as("a rejected request stored a visit: " + body).isEqualTo(before);
            } else {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations are still valid check-ins").isPositive();
    }

    @Test
    @DisplayName("A check-in id reused with another body is 409 id-reused and stores nothing; the same request again"
            + " (the phone however written) is a replay with the first answer")
    void reusedIdWithAnotherBody() {
        String id = UUID.randomUUID().toString();
        JsonObject first = new JsonObject().put("id", id).put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Phan Thị Yến", "0913 246 810"));
        Api.Response original = guard.checkIn(first.copy());
        assertThat(original.status()).isEqualTo(201);
        int before = visits();
        List<JsonObject> others = List.of(
                new JsonObject().put("id", id).put("siteId", site).put("direction", "in")
                        .put("visitor", Api.visitor("Kẻ Dùng Lại", "0913 135 799")),
                first.copy().put("direction", "out"),
                first.copy().put("visitor", Api.visitor("Phan Thị Yến", "0913 246 811")),
                first.copy().put("bluezone", new JsonObject().put("status", "no_smartphone")));
        for (JsonObject other : others) {
            Api.Response r = guard.checkIn(other);
            assertThat(r.status()).as(other.encode() + " → " + r.body()).isEqualTo(409);
            assertProblem(r, other.encode());
            assertThat(r.json().getString("type")).endsWith("/id-reused");
            assertThat(r.body()).doesNotContain("Phan Thị Yến");
        }
        assertThat(visits()).isEqualTo(before);
        assertThat(guard.get("/api/v1/sites/" + site + "/visits?q=0913135799").items()).isEmpty();
        Api.Response replay = guard.checkIn(first.copy().put("visitor", Api.visitor("Phan Thị Yến", "+84913246810")));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(original.json());
    }

    @Test
    @DisplayName("A known phone typed on the phone page with another name neither renames that visitor nor gets their"
            + " pass; the answer does not tell whether the phone is known")
    void selfDeclaredPhoneOfSomeoneElse() throws Exception {
        String phone = "0914 777 131";
        Api.Response staff = guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Nguyễn Văn Thật", phone)));
        assertThat(staff.status()).isEqualTo(201);
        long real = staff.json().getJsonObject("visitor").getLong("id");
        String token = posterToken();

        Api.Response fake = TestServer.shared().api().checkIn(new JsonObject().put("siteToken", token)
                .put("visitor", Api.visitor("Kẻ Mạo Danh", phone)));
        assertThat(fake.status()).as(fake.body()).isEqualTo(201);
        assertThat(fake.json().getJsonObject("visitor").getLong("id")).isNotEqualTo(real);
        assertThat(fake.json().getJsonObject("visitor").getString("name")).isEqualTo("Kẻ Mạo Danh");
        String pass = fake.json().getString("pass");
        assertThat(pass.split("\\.")[1]).as("the pass's visitor").isNotEqualTo(String.valueOf(real));
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(pass.split("\\.")[3]), StandardCharsets.UTF_8))
                .isEqualTo("Kẻ Mạo Danh");
        // the log, who is inside and the visitor's own visit still say the real name
        JsonObject visit = guard.get("/api/v1/sites/" + site + "/visits/" + staff.json().getString("visitId")).json();
        assertThat(visit.getJsonObject("visitor").getString("name")).isEqualTo("Nguyễn Văn Thật");
        String inside = guard.get("/api/v1/sites/" + site + "/occupancy").body();
        assertThat(inside).contains("Nguyễn Văn Thật").contains("Kẻ Mạo Danh");
        // another family member sharing the phone is a visitor of their own, and the log finds both by the phone
        assertThat(guard.get("/api/v1/sites/" + site + "/visits?q=" + phone.replace(" ", "")).items()).hasSize(2);

        // the same answer for a phone never seen: the same fields, a pass, a visitor id that is no neighbour of others
        Api.Response unknown = TestServer.shared().api().checkIn(new JsonObject().put("siteToken", token)
                .put("visitor", Api.visitor("Kẻ Mạo Danh", "0914 777 132")));
        assertThat(unknown.status()).isEqualTo(201);
        assertThat(unknown.json().fieldNames()).isEqualTo(fake.json().fieldNames());
        assertThat(unknown.json().getJsonObject("visitor").fieldNames())
                .isEqualTo(fake.json().getJsonObject("visitor").fieldNames());
        assertThat(unknown.json().getString("pass")).isNotNull();
        long a = fake.json().getJsonObject("visitor").getLong("id");
        long b = unknown.json().getJsonObject("visitor").getLong("id");
        long c = guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Người Thứ Ba", null))).json().getJsonObject("visitor").getLong("id");
        assertThat(List.of(Math.abs(a - b), Math.abs(b - c), Math.abs(a - c)))
                .as("visitor ids drawn from a sequence tell how old a visitor is").allMatch(d -> d > 1_000_000L);

        // the same name again (however spelled) is the same person: their own pass again, their name unchanged
        Api.Response again = TestServer.shared().api().checkIn(new JsonObject().put("siteToken", token)
                .put("direction", "out").put("visitor", Api.visitor("nguyen van THAT", phone)));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().getJsonObject("visitor").getLong("id")).isEqualTo(real);
        assertThat(guard.get("/api/v1/sites/" + site + "/visits/" + staff.json().getString("visitId")).json()
                .getJsonObject("visitor").getString("name")).isEqualTo("Nguyễn Văn Thật");
        // an ID number is not self-declared: staff record it, or the card is read
        Api.Response withId = TestServer.shared().api().checkIn(new JsonObject().put("siteToken", token)
                .put("visitor", Api.visitor("Kẻ Mạo Danh", phone).put("idNumber", "045190271829")));
        assertThat(withId.status()).isEqualTo(422);
        assertThat(withId.json().getString("field")).isEqualTo("visitor.idNumber");
    }

    private static String posterToken() throws Exception {
        Api admin = TestServer.shared().admin();
        String url = vn.kiosk.qr.QrCodes.decode(admin.bytes("/api/v1/sites/" + site + "/qr.png")).orElseThrow();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    @DisplayName("SQL and markup in a name are stored literally and come back as the same text")
    void injectionIsJustText() {
        for (String name : List.of("Robert'); DROP TABLE visits;--", "<img src=x onerror=alert(1)>",
                "\" OR 1=1 --", "${jndi:ldap://x}", "Nguyễn <b>Văn</b> An")) {
            Api.Response r = guard.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor(name, null)));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().getJsonObject("visitor").getString("name")).isEqualTo(name);
        }
        String csv = new String(guard.bytes("/api/v1/sites/" + site + "/visits?limit=500"), StandardCharsets.UTF_8);
        assertThat(csv).contains("DROP TABLE visits").contains("<img src=x onerror=alert(1)>");
    }

    @Test
    @DisplayName("No phone or ID number appears in the server log, also when requests with them fail")
    void noPersonalDataInLogs() throws Exception {
        String phone = "0916 271 828";
        String id = "045190271828";
        guard.checkIn(new JsonObject().put("siteId", site).put("visitor", new JsonObject().put("name", "Lê Logs")
                .put("phone", phone).put("idNumber", id)));
        guard.checkIn(new JsonObject().put("siteId", site).put("visitor", new JsonObject().put("name", "Lê Logs")
                .put("phone", "0100 271 828")));
        guard.checkIn(new JsonObject().put("siteId", site).put("cccd", id + "|bad"));
        guard.checkIn(new JsonObject().put("siteId", 987654321L).put("visitor", new JsonObject().put("name", "Lê Logs")
                .put("phone", phone)));
        guard.get("/api/v1/sites/" + site + "/visits?q=" + phone.replace(" ", ""));
        String log = Files.readString(Path.of("target/test-server.log"));
        assertThat(log).isNotEmpty();
        for (String secret : List.of("0916271828", "0916 271 828", "+84916271828", "84916271828", id, "0100271828")) {
            assertThat(log).as("the log must not contain " + secret).doesNotContain(secret);
        }
        assertThat(log).doesNotContainPattern("\\+84\\d{9}");
    }
}
