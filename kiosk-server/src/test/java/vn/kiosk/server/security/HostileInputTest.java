package vn.kiosk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Images;
import vn.kiosk.server.support.TestServer;

/** Hostile bodies get a 4xx problem, never a 500, and store nothing; hostile text is stored and shown as text. */
class HostileInputTest {
    static final long SEED = Long.getLong("kiosk.fuzz.seed", 20211001L);
    static final int CASES = Integer.getInteger("kiosk.fuzz.cases", 300);
    static final String JSON_CHARS = "\"{}[],:0123456789eE\\u-.";
    static Api admin;
    static Api guard;
    static Api kiosk;
    static long site;

    /**
     * A server of its own: "stored nothing" is checked by fingerprinting every table after each probe, which on the
     * shared server, holding the whole suite's rows by then, took minutes.
     */
    static TestServer server;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServer.start(Files.createTempDirectory("kiosk-hostile-"), Map.of());
        admin = server.admin();
        site = admin.createSite("shop");
        guard = admin.userFor("guard", List.of(site));
        kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
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

        Api.Response fake = server.api().checkIn(new JsonObject().put("siteToken", token).put("consent", Api.selfConsent())
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
        Api.Response unknown = server.api().checkIn(new JsonObject().put("siteToken", token).put("consent", Api.selfConsent())
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
        Api.Response again = server.api().checkIn(new JsonObject().put("siteToken", token).put("consent", Api.selfConsent())
                .put("direction", "out").put("visitor", Api.visitor("nguyen van THAT", phone)));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().getJsonObject("visitor").getLong("id")).isEqualTo(real);
        assertThat(guard.get("/api/v1/sites/" + site + "/visits/" + staff.json().getString("visitId")).json()
                .getJsonObject("visitor").getString("name")).isEqualTo("Nguyễn Văn Thật");
        // an ID number is not self-declared: staff record it, or the card is read
        Api.Response withId = server.api().checkIn(new JsonObject().put("siteToken", token).put("consent", Api.selfConsent())
                .put("visitor", Api.visitor("Kẻ Mạo Danh", phone).put("idNumber", "045190271829")));
        assertThat(withId.status()).isEqualTo(422);
        assertThat(withId.json().getString("field")).isEqualTo("visitor.idNumber");
    }

    private static String posterToken() throws Exception {
        Api admin = server.admin();
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

    private static String newCampaign(Api admin) {
        long id = admin.post("/api/v1/campaigns", new JsonObject().put("title", "Áp phích thử").put("province", "Quảng Trị")
                .put("startsOn", java.time.LocalDate.now().toString()).put("endsOn", "2099-12-31")).json().getLong("id");
        return "/api/v1/campaigns/" + id + "/image";
    }

    private static boolean hasImage(Api admin, String path) {
        long id = Long.parseLong(path.split("/")[4]);
        return admin.get("/api/v1/campaigns").items().stream().map(o -> (JsonObject) o)
                .filter(c -> c.getLong("id") == id).findFirst().orElseThrow().getBoolean("hasImage");
    }

    @Test
    @DisplayName("Campaign images that lie about their size, or are cut short or corrupt, get a 4xx problem and store nothing")
    void hostileCampaignImages() {
        Api admin = server.admin();
        String path = newCampaign(admin);
        byte[] bomb = Images.greyPng(12_000, 12_000);
        assertThat(bomb.length).as("a small file").isLessThan(200 * 1024);
        Api.Response huge = admin.putRaw(path, "application/octet-stream", bomb);
        assertProblem(huge, "a 12000 × 12000 PNG");
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().getString("type")).endsWith("/image-too-large");
        assertThat(huge.json().getString("detail")).contains("12000");

        byte[] png = Images.png(Images.picture(400, 300));
        byte[] badZlib = png.clone();
        int idat = Images.indexOf(badZlib, "IDAT".getBytes(StandardCharsets.US_ASCII));
        badZlib[idat + 4] = (byte) 0xFF;
        badZlib[idat + 5] = (byte) 0xFF;
        byte[] jpeg = Images.jpeg(Images.picture(400, 300));
        byte[] badScan = jpeg.clone();
        for (int i = jpeg.length / 3; i < jpeg.length / 3 + 200; i++) {
            badScan[i] = (byte) (i * 31);
        }
        byte[] badTable = jpeg.clone();
        int dht = Images.indexOf(badTable, new byte[] {(byte) 0xFF, (byte) 0xC4});
        Arrays.fill(badTable, dht + 5, dht + 30, (byte) 0xEE);
        for (var c : List.of(
                new Object[] {"a PNG cut in half", Arrays.copyOf(png, png.length / 2)},
                new Object[] {"a PNG cut after its header", Arrays.copyOf(png, 40)},
                new Object[] {"a PNG whose pixel data is not zlib", badZlib},
                new Object[] {"a JPEG cut in half", Arrays.copyOf(jpeg, jpeg.length / 2)},
                new Object[] {"a JPEG with garbage in its scan", badScan},
                new Object[] {"a JPEG with a broken Huffman table", badTable})) {
            Api.Response r = admin.putRaw(path, "application/octet-stream", (byte[]) c[1]);
            assertProblem(r, (String) c[0]);
            assertThat(r.json().getString("type")).as((String) c[0]).endsWith("/invalid-image");
        }
        assertThat(hasImage(admin, path)).isFalse();
    }

    @Test
    @DisplayName("Concurrent uploads of images that would decode to hundreds of megabytes are refused from their header; the server stays up")
    void concurrentHugeCampaignImages() {
        Api admin = server.admin();
        List<String> paths = List.of(newCampaign(admin), newCampaign(admin), newCampaign(admin), newCampaign(admin));
        byte[] bomb = Images.greyPng(9_000, 9_000);
        List<CompletableFuture<Api.Response>> uploads = paths.stream().map(p -> CompletableFuture.supplyAsync(
                () -> admin.putRaw(p, "application/octet-stream", bomb))).toList();
        for (CompletableFuture<Api.Response> u : uploads) {
            assertProblem(u.join(), "a 9000 × 9000 PNG");
            assertThat(u.join().status()).isEqualTo(422);
        }
        for (String p : paths) {
            assertThat(hasImage(admin, p)).isFalse();
        }
        // and honest images uploaded at the same moment all go in, one decoded at a time
        byte[] poster = Images.jpeg(Images.picture(1600, 1200));
        List<CompletableFuture<Api.Response>> honest = paths.stream().map(p -> CompletableFuture.supplyAsync(
                () -> admin.putRaw(p, "application/octet-stream", poster))).toList();
        for (CompletableFuture<Api.Response> u : honest) {
            assertThat(u.join().status()).as(u.join().body()).isEqualTo(200);
        }
        assertThat(server.api().get("/health").status()).isEqualTo(200);
    }
    @Test
    @DisplayName("A name the visitor-pass signer cannot sign is refused (422 with field) on every path before anything"
            + " is stored, and so is its replay")
    void unsignableNamesAreRefusedBeforeAnythingIsStored() throws Exception {
        List<String> names = List.of("Nguyễn\u2028An", "Nguyễn An\u2029Bình", "Lê \uE000Văn", "Trần \u0378Hùng",
                "😀".repeat(51), "Z\u0351\u0352\u0357\u035Balgo", "\u0301Nguyễn", "\u202EnA nễyugN", "An \u2066Bình",
                "\u200FLê", "Lê\u200B Văn");
        List<String> wrong = new ArrayList<>();
        try (Records db = new Records(server)) {
            var before = db.fingerprint(Records.VISIT_TABLES);
            for (String name : names) {
                int path = 0;
                for (var send : NamePaths.all(guard, kiosk, site)) {
                    path++;
                    String id = UUID.randomUUID().toString();
                    for (String attempt : List.of("first", "replay")) {
                        Api.Response r = send.apply(name, id);
                        String field = r.status() == 422 ? r.json().getString("field") : null;
                        if (field == null || !field.endsWith("name")) {
                            wrong.add(attempt + " on path " + path + " " + NamePaths.escape(name) + " → " + r.status() + " " + r.body());
                        }
                    }
                }
            }
            assertThat(wrong).isEmpty();
            assertThat(db.fingerprint(Records.VISIT_TABLES)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("Names the one definition accepts go in on every path, in NFC with spaces collapsed, with a pass")
    void acceptableNamesGoInEverywhere() {
        for (String name : List.of("Nguye\u0302\u0303n  Va\u0306n\tAn", "محمد علي 2", "สมชาย ใจดี", "Ж" + "ё".repeat(99))) {
            String expected = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\s+", " ");
            for (var send : NamePaths.all(guard, kiosk, site)) {
                Api.Response r = send.apply(name, UUID.randomUUID().toString());
                assertThat(r.status()).as(NamePaths.escape(name) + ": " + r.body()).isEqualTo(201);
                assertThat(r.json().getJsonObject("visitor").getString("name")).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("A stored check-in whose name cannot be signed (stored by an earlier release) is answered 200 on"
            + " replay, never 5xx, and its pass card is refused with 422")
    void aStoredRequestIsNeverAnswered5xx() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonObject body = NamePaths.checkIn(id).put("siteId", site).put("visitor", Api.visitor("Lê Thị Cũ", null));
        Api.Response first = guard.checkIn(body.copy());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("pass")).startsWith("v1.");
        String legacy = "Lê\u2028Thị Cũ";
        try (Records db = new Records(server)) {
            // what the earlier release stored when it took such a name and then failed to sign its pass
            db.update("update visit_events set display_name = ? where id = ?::uuid", legacy, id);
            db.update("update visitors set name = ? where id = ?", legacy, first.json().getJsonObject("visitor").getLong("id"));
        }
        Api.Response replay = guard.checkIn(body.copy());
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().getString("visitId")).isEqualTo(first.json().getString("visitId"));
        assertThat(replay.json().getString("occurredAt")).isEqualTo(first.json().getString("occurredAt"));
        assertThat(replay.json().getString("pass")).isNull();
        Api.Response card = guard.post("/api/v1/sites/" + site + "/visits/" + first.json().getString("visitId") + "/pass", null);
        assertThat(card.status()).as(card.body()).isEqualTo(422);
        assertThat(card.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("Overlong UTF-8, UTF-16 bodies, other charsets, NUL in a query, numbers past int32 or int64 get a 4xx"
            + " problem and store nothing")
    void badEncodingsAndNumbers() throws Exception {
        String id = "\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":" + site;
        String json = "{" + id + ",\"visitor\":{\"name\":\"An Bình\"}}";
        byte[] overlong = ("{" + id + ",\"visitor\":{\"name\":\"A__B\"}}").getBytes(StandardCharsets.UTF_8);
        int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("__");
        overlong[at] = (byte) 0xC0; // "/" spelled in two bytes
        overlong[at + 1] = (byte) 0xAF;
        byte[] bom = {(byte) 0xFE, (byte) 0xFF};
        try (Records db = new Records(server)) {
            var before = db.fingerprint();
            assertProblem(raw(overlong), "overlong UTF-8");
            Api.Response nul = raw(("{" + id + ",\"visitor\":{\"name\":\"An\\u0000\"}}").getBytes(StandardCharsets.UTF_8));
            assertProblem(nul, "an escaped NUL");
            assertThat(nul.json().getString("field")).isEqualTo("visitor.name");
            assertProblem(raw(("{" + id + ",\"gate\":\"A\\ud800\",\"visitor\":{\"name\":\"An\"}}")
                    .getBytes(StandardCharsets.UTF_8)), "a lone surrogate, which would be stored as '?'");
            assertProblem(raw(json.getBytes(StandardCharsets.UTF_16BE)), "UTF-16 without a BOM");
            assertProblem(raw(java.nio.ByteBuffer.allocate(2 + 2 * json.length()).put(bom)
                    .put(json.getBytes(StandardCharsets.UTF_16BE)).array()), "UTF-16 with a BOM");
            assertProblem(guard.postRaw("/api/v1/checkins", "application/json; charset=utf-16",
                    json.getBytes(StandardCharsets.UTF_8)), "a charset other than UTF-8");
            assertProblem(guard.postRaw("/api/v1/checkins", "application/json; charset=ISO-8859-1",
                    json.getBytes(StandardCharsets.ISO_8859_1)), "Latin-1");
            assertProblem(server.api().post("/api/v1/auth/login", new JsonObject()
                    .put("username", "admin\u0000").put("password", "x")), "NUL in the login");
            assertProblem(admin.get("/api/v1/sites/" + site + "/visits.csv?q=Nguy%00"), "NUL in the export search");
            assertProblem(admin.get("/api/v1/sites/" + site + "/visits?q=%C0%AF"), "overlong UTF-8 in a query");
            assertProblem(admin.get("/api/v1/audit?before=1e20"), "audit page past int64");
            assertProblem(kiosk.post("/api/v1/kiosk/heartbeat", new JsonObject().put("queued", 2147483648L)), "2^31");
            assertProblem(kiosk.post("/api/v1/kiosk/heartbeat", new JsonObject().put("queued", 4294967301L)), "2^32 + 5");
            assertThat(db.fingerprint()).isEqualTo(before);
        }
        assertThat(raw(json.getBytes(StandardCharsets.UTF_8)).status()).as("the same body in UTF-8").isEqualTo(201);
    }

    @Test
    @DisplayName("Every operation of openapi.yaml, fed a NUL or an out-of-range number in anything it reads, answers"
            + " 4xx problem+json and stores nothing")
    void everyOperationRefusesNulAndOutOfRangeValues() throws Exception {
        ContractWalk walk = new ContractWalk(ContractWalk.on(server));
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        try (Records db = new Records(server)) {
            var before = db.fingerprint();
            for (Contract.Operation op : Contract.operations()) {
                List<ContractWalk.Probe> ops = walk.probes(op);
                before = db.fingerprint(); // a logout probe signs in for a session of its own
                for (ContractWalk.Probe p : ops) {
                    probes++;
                    ContractWalk.Answer a = walk.send(p);
                    var after = db.fingerprint();
                    String what = op.id() + " " + p.what() + " → " + a.status();
                    if (a.status() >= 500 || a.cut()) {
                        wrong.add(what + (a.cut() ? " (cut off half-way)" : ""));
                    } else if (a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
                        wrong.add(what + " as " + a.contentType());
                    } else if (a.status() < 400 && p.mustRefuse()) {
                        wrong.add(what + " (accepted)");
                    }
                    if (a.status() >= 400 && !after.equals(before)) {
                        wrong.add(what + " but stored " + Records.changed(before, after));
                    }
                    // an accepted export writes its audit row once the last byte is sent: let it land first
                    before = a.status() < 400 ? db.settled() : after;
                }
            }
        }
        assertThat(probes).isGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("Every integer the contract reads declares the range the server can hold")
    void everyIntegerIsBounded() {
        List<String> unbounded = new ArrayList<>();
        for (Contract.Operation op : Contract.operations()) {
            op.params().stream().filter(p -> "integer".equals(Contract.type(p.schema())))
                    .filter(p -> !p.schema().containsKey("maximum") || !p.schema().containsKey("minimum"))
                    .forEach(p -> unbounded.add(op.id() + " " + p.in() + " " + p.name()));
            op.fields().stream().filter(f -> "integer".equals(Contract.type(f.schema())))
                    .filter(f -> !f.schema().containsKey("maximum") || !f.schema().containsKey("minimum"))
                    .forEach(f -> unbounded.add(op.id() + " body " + f.pointer()));
        }
        assertThat(unbounded).isEmpty();
    }

}
