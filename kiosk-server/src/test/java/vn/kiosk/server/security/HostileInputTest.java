package vn.kiosk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
        Api admin = TestServer.shared().admin();
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
        Api admin = TestServer.shared().admin();
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
        assertThat(TestServer.shared().api().get("/health").status()).isEqualTo(200);
    }
}
