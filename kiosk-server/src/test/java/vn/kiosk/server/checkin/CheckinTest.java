package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class CheckinTest {
    static TestServer server;
    static Api admin;
    static long site;
    static Api guard;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("bus_station");
        guard = admin.userFor("guard", List.of(site));
    }

    private static JsonObject typed(String name, String phone) {
        return new JsonObject().put("siteId", site).put("visitor", Api.visitor(name, phone));
    }

    private static int visitsOf(String phoneQuery) {
        return guard.get("/api/v1/sites/" + site + "/visits?limit=500&q=" + phoneQuery).items().size();
    }

    @Test
    @DisplayName("A guard checks a typed visitor in, then out with direction auto (past the repeat window)")
    void autoDirection() {
        Api.Response in = guard.checkIn(typed("Trần Thị Bình", "0905 111 222")
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString()));
        assertThat(in.status()).isEqualTo(201);
        assertThat(in.json().getString("direction")).isEqualTo("in");
        assertThat(in.json().getJsonObject("visitor").getString("phoneMasked")).isEqualTo("090****222");
        assertThat(in.json().getString("pass")).startsWith("v1.");

        Api.Response out = guard.checkIn(typed("Trần Thị Bình", "0905111222"));
        assertThat(out.status()).isEqualTo(201);
        assertThat(out.json().getString("direction")).isEqualTo("out");
        assertThat(out.json().getString("visitId")).isEqualTo(in.json().getString("visitId"));

        JsonObject visit = guard.get("/api/v1/sites/" + site + "/visits?q=0905111222").items().getJsonObject(0);
        assertThat(visit.getString("exitedAt")).isNotNull();
        assertThat(visit.getBoolean("exitInferred")).isFalse();
    }

    @Test
    @DisplayName("0912 345 678, +84912345678 and 84912345678 are one visitor")
    void phoneSpellingsCollapse() {
        long a = guard.checkIn(typed("Lê Văn Cường", "0913 345 678")).json().getJsonObject("visitor").getLong("id");
        long b = guard.checkIn(typed("Lê Văn Cường", "+84913345678").put("direction", "in"))
                .json().getJsonObject("visitor").getLong("id");
        long c = guard.checkIn(typed("Lê Văn Cường", "84913345678").put("direction", "in"))
                .json().getJsonObject("visitor").getLong("id");
        long d = guard.checkIn(typed("Lê Văn Cường", "(091) 334-5678").put("direction", "in"))
                .json().getJsonObject("visitor").getLong("id");
        assertThat(new java.util.HashSet<>(List.of(a, b, c, d))).hasSize(1);
    }

    @Test
    @DisplayName("The same id again returns the first answer and stores nothing new")
    void sequentialReplay() {
        JsonObject body = typed("Phạm Minh Đức", "0935 000 111").put("id", UUID.randomUUID().toString());
        Api.Response first = guard.checkIn(body.copy());
        Api.Response again = guard.checkIn(body.copy());
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(visitsOf("0935000111")).isEqualTo(1);
        assertThat(guard.get("/api/v1/sites/" + site + "/occupancy").body()).contains("Phạm Minh Đức");
    }

    @Test
    @DisplayName("Twenty concurrent requests with one id store one visit and all get the same answer")
    void concurrentReplay() throws Exception {
        JsonObject body = typed("Hoàng Thu Hà", "0976 222 333").put("id", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> guard.checkIn(body.copy())));
        }
        List<JsonObject> bodies = new ArrayList<>();
        int created = 0;
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            assertThat(r.status()).isIn(200, 201);
            created += r.status() == 201 ? 1 : 0;
            bodies.add(r.json());
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        assertThat(visitsOf("0976222333")).isEqualTo(1);
    }

    @Test
    @DisplayName("Fifty check-ins of five kinds at once, in shared batches (new, leaving, in again, by name, exit only):"
            + " each gets its own answer and the record adds up")
    void everyKindAtOnce() throws Exception {
        long here = admin.createSite("market");
        Api gate = admin.userFor("guard", List.of(here));
        String earlier = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).toString();
        int n = 10;
        List<JsonObject> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>(); // direction, and the visit the answer must name ("" a new one)
        for (int i = 0; i < n; i++) {
            String leaving = String.format("0935 1%02d 000", i);
            String again = String.format("0935 2%02d 000", i);
            String out = gate.checkIn(new JsonObject().put("siteId", here).put("direction", "in")
                    .put("occurredAt", earlier).put("visitor", Api.visitor("Khách ra " + i, leaving))).json()
                    .getString("visitId");
            assertThat(gate.checkIn(new JsonObject().put("siteId", here).put("direction", "in").put("occurredAt", earlier)
                    .put("visitor", Api.visitor("Khách vào lại " + i, again))).status()).isEqualTo(201);
            requests.add(new JsonObject().put("siteId", here).put("direction", "auto")
                    .put("visitor", Api.visitor("Khách mới " + i, String.format("0935 3%02d 000", i))));
            expected.add("in ");
            requests.add(new JsonObject().put("siteId", here).put("direction", "out")
                    .put("visitor", Api.visitor("Khách ra " + i, leaving)));
            expected.add("out " + out);
            requests.add(new JsonObject().put("siteId", here).put("direction", "in")
                    .put("visitor", Api.visitor("Khách vào lại " + i, again)));
            expected.add("in ");
            requests.add(new JsonObject().put("siteId", here).put("visitor", Api.visitor("Khách không số " + i, null)));
            expected.add("in ");
            requests.add(new JsonObject().put("siteId", here).put("direction", "out")
                    .put("visitor", Api.visitor("Khách chỉ ra " + i, String.format("0935 4%02d 000", i))));
            expected.add("out ");
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (JsonObject r : requests) {
            answers.add(pool.submit(() -> gate.checkIn(r)));
        }
        for (int i = 0; i < requests.size(); i++) {
            Api.Response r = answers.get(i).get();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String name = requests.get(i).getJsonObject("visitor").getString("name");
            assertThat(r.json().getJsonObject("visitor").getString("name")).as(r.body()).isEqualTo(name);
            String[] want = expected.get(i).split(" ", -1);
            assertThat(r.json().getString("direction")).as(name).isEqualTo(want[0]);
            if (!want[1].isEmpty()) {
                assertThat(r.json().getString("visitId")).as(name).isEqualTo(want[1]);
            }
        }
        pool.shutdown();
        // inside: the new ones, the ones in again and the ones by name; the earlier stays of those in again inferred
        assertThat(gate.get("/api/v1/sites/" + here + "/occupancy?visitors=false").json().getInteger("inside"))
                .isEqualTo(3 * n);
        var visits = gate.get("/api/v1/sites/" + here + "/visits?limit=500").items();
        assertThat(visits).hasSize(6 * n);
        int inferred = 0;
        int entryMissing = 0;
        for (int i = 0; i < visits.size(); i++) {
            inferred += Boolean.TRUE.equals(visits.getJsonObject(i).getBoolean("exitInferred")) ? 1 : 0;
            entryMissing += Boolean.TRUE.equals(visits.getJsonObject(i).getBoolean("entryMissing")) ? 1 : 0;
        }
        assertThat(inferred).isEqualTo(n);
        assertThat(entryMissing).isEqualTo(n);
    }

    @Test
    @DisplayName("Ten taps of one visitor arriving together: one entry, nine answers 'already checked in' that store nothing")
    void oneVisitorManyAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> guard.checkIn(typed("Lý Thị Mai", "0909 707 606"))));
        }
        int ins = 0;
        int already = 0;
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            if (r.status() == 201) {
                assertThat(r.json().getString("direction")).isEqualTo("in");
                ins++;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.json().getString("type")).endsWith("/already-checked-in");
                already++;
            }
        }
        pool.shutdown();
        assertThat(ins).isEqualTo(1);
        assertThat(already).isEqualTo(9);
        var items = guard.get("/api/v1/sites/" + site + "/visits?q=0909707606").items();
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getString("exitedAt")).isNull();
        assertThat(guard.get("/api/v1/sites/" + site + "/occupancy").body()).contains("Lý Thị Mai");
    }

    @Test
    @DisplayName("Two scans racing: the one stamped a moment earlier but committed later is the repeat, not a stay of its own")
    void raceStampedEarlierCommittedLater() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Api.Response first = guard.checkIn(typed("Phan Văn Đua", "0909 818 281").put("occurredAt", now.toString()));
        assertThat(first.status()).isEqualTo(201);
        Api.Response second = guard.checkIn(typed("Phan Văn Đua", "0909 818 281")
                .put("occurredAt", now.minusSeconds(2).toString()));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().getString("type")).endsWith("/already-checked-in");
        assertThat(second.json().getString("visitId")).isEqualTo(first.json().getString("visitId"));
        Api.Response entryOnly = guard.checkIn(typed("Phan Văn Đua", "0909 818 281").put("direction", "in")
                .put("occurredAt", now.minusSeconds(1).toString()));
        assertThat(entryOnly.status()).as("an explicit entry scanned twice is recorded, nothing changes").isEqualTo(201);
        assertThat(entryOnly.json().getString("visitId")).isEqualTo(first.json().getString("visitId"));
        assertThat(visitsOf("0909818281")).isEqualTo(1);
    }

    @Test
    @DisplayName("A CCCD scanned twice within the repeat window is 'already checked in' (409, visitId, enteredAt, nothing"
            + " stored); an explicit out then checks out")
    void repeatWithinTheWindow() {
        String card = "045190777001|197777001|Đặng Thị Hồng|15081990|Nữ|12 Lê Lợi, Đông Hà, Quảng Trị|01072021";
        Api.Response in = guard.checkIn(new JsonObject().put("siteId", site).put("cccd", card));
        assertThat(in.status()).isEqualTo(201);
        assertThat(in.json().getString("direction")).isEqualTo("in");
        Api.Response again = guard.checkIn(new JsonObject().put("siteId", site).put("cccd", card));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = again.json();
        assertThat(problem.getString("type")).endsWith("/already-checked-in");
        assertThat(problem.getString("visitId")).isEqualTo(in.json().getString("visitId"));
        assertThat(OffsetDateTime.parse(problem.getString("enteredAt")).toInstant())
                .isEqualTo(OffsetDateTime.parse(in.json().getString("occurredAt")).toInstant());
        assertThat(problem.getString("detail")).isNotBlank();
        var items = guard.get("/api/v1/sites/" + site + "/visits?q=045190777001").items();
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getString("exitedAt")).as("still inside").isNull();

        // the same refusal for a pass at a kiosk, which is not a guard
        Api kiosk = server.api().as(admin.pairKiosk(site, "both").getString("deviceToken"));
        String pass = in.json().getString("pass");
        assertThat(pass).startsWith("v1.");
        Api.Response byPass = kiosk.checkIn(new JsonObject().put("pass", pass));
        assertThat(byPass.status()).as(byPass.body()).isEqualTo(409);
        assertThat(byPass.json().getString("visitId")).isEqualTo(in.json().getString("visitId"));

        Api.Response out = kiosk.checkIn(new JsonObject().put("pass", pass).put("direction", "out"));
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        assertThat(out.json().getString("direction")).isEqualTo("out");
        assertThat(out.json().getString("visitId")).isEqualTo(in.json().getString("visitId"));
        assertThat(guard.get("/api/v1/sites/" + site + "/occupancy").body()).doesNotContain("Đặng Thị Hồng");
        // and a second scan right after the exit is that exit again, not a new entry
        Api.Response outAgain = kiosk.checkIn(new JsonObject().put("pass", pass));
        assertThat(outAgain.status()).as(outAgain.body()).isEqualTo(201);
        assertThat(outAgain.json().getString("direction")).isEqualTo("out");
        assertThat(outAgain.json().getString("visitId")).isEqualTo(in.json().getString("visitId"));
        assertThat(guard.get("/api/v1/sites/" + site + "/visits?q=045190777001").items()).hasSize(1);
        assertThat(guard.get("/api/v1/sites/" + site + "/occupancy").body()).doesNotContain("Đặng Thị Hồng");
    }

    @Test
    @DisplayName("At an entry or exit kiosk a double scan is one entry or one exit: no split stay, no phantom exit")
    void doubleScanAtOneWayKiosks() {
        Api entry = server.api().as(admin.pairKiosk(site, "entry").getString("deviceToken"));
        Api exit = server.api().as(admin.pairKiosk(site, "exit").getString("deviceToken"));
        long elsewhere = admin.createSite("office");
        String pass = admin.checkIn(new JsonObject().put("siteId", elsewhere)
                .put("visitor", Api.visitor("Cao Văn Sơn", "0915 808 707"))).json().getString("pass");
        for (int i = 0; i < 2; i++) {
            Api.Response r = entry.checkIn(new JsonObject().put("pass", pass));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().getString("direction")).isEqualTo("in");
        }
        for (int i = 0; i < 2; i++) {
            Api.Response r = exit.checkIn(new JsonObject().put("pass", pass));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().getString("direction")).isEqualTo("out");
        }
        var items = guard.get("/api/v1/sites/" + site + "/visits?q=0915808707").items();
        assertThat(items).as(items.encodePrettily()).hasSize(1);
        JsonObject stay = items.getJsonObject(0);
        assertThat(stay.getBoolean("entryMissing")).isFalse();
        assertThat(stay.getString("exitedAt")).isNotNull();
        assertThat(stay.getBoolean("exitInferred")).isFalse();
    }

    @Test
    @DisplayName("Two quick 'mark exit' taps on one visit: one 200, the other 409 visit-closed, and no phantom exit")
    void markExitTwice() throws Exception {
        for (int round = 0; round < 3; round++) {
            String phone = "0917 606 50" + round;
            String visit = guard.checkIn(typed("Mai Văn Tư", phone).put("direction", "in")).json().getString("visitId");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Api.Response>> taps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                taps.add(pool.submit(() -> {
                    go.await();
                    return guard.post("/api/v1/sites/" + site + "/visits/" + visit + "/exit", null);
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Api.Response> f : taps) {
                Api.Response r = f.get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(409);
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(r.json().getString("type")).endsWith("/visit-closed");
                }
            }
            pool.shutdown();
            assertThat(ok).as("exits answered 200").isEqualTo(1);
            var items = guard.get("/api/v1/sites/" + site + "/visits?q=" + phone.replace(" ", "")).items();
            assertThat(items).as(items.encodePrettily()).hasSize(1);
            assertThat(items.getJsonObject(0).getString("exitedAt")).isNotNull();
        }
    }

    @Test
    @DisplayName("A guard's 'mark exit' records the console's gate; a gate too long is refused and the visit stays open")
    void markExitAtAGate() {
        String phone = "0917 606 519";
        String visit = guard.checkIn(typed("Lò Văn Pả", phone).put("direction", "in")).json().getString("visitId");
        String path = "/api/v1/sites/" + site + "/visits/" + visit + "/exit";
        Api.Response tooLong = guard.post(path, new JsonObject().put("gate", "C".repeat(101)));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        String q = "/api/v1/sites/" + site + "/visits?q=" + phone.replace(" ", "");
        assertThat(guard.get(q).items().getJsonObject(0).getString("exitedAt")).isNull();

        Api.Response out = guard.post(path, new JsonObject().put("gate", "Cổng sau"));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        JsonObject stay = guard.get(q).items().getJsonObject(0);
        assertThat(stay.getString("exitedAt")).isNotNull();
        assertThat(stay.getString("exitGate")).isEqualTo("Cổng sau");
    }

    @Test
    @DisplayName("Checking in again without an exit closes the earlier stay as inferred")
    void inAgainClosesEarlierStay() {
        guard.checkIn(typed("Võ Văn Nam", "0987 654 321").put("direction", "in")
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).toString()));
        guard.checkIn(typed("Võ Văn Nam", "0987 654 321").put("direction", "in"));
        var items = guard.get("/api/v1/sites/" + site + "/visits?q=0987654321").items();
        assertThat(items).hasSize(2);
        assertThat(items.getJsonObject(1).getBoolean("exitInferred")).isTrue();
        assertThat(items.getJsonObject(0).getString("exitedAt")).isNull();
    }

    @Test
    @DisplayName("An exit with no entry on record is kept, flagged as entry missing")
    void exitWithoutEntry() {
        Api.Response out = guard.checkIn(typed("Đỗ Thị Lan", "0868 123 456").put("direction", "out"));
        assertThat(out.status()).isEqualTo(201);
        assertThat(out.json().getString("direction")).isEqualTo("out");
        JsonObject v = guard.get("/api/v1/sites/" + site + "/visits?q=0868123456").items().getJsonObject(0);
        assertThat(v.getBoolean("entryMissing")).isTrue();
    }

    @Test
    @DisplayName("A visitor without phone or ID (guard by hand) is recorded by name")
    void nameOnly() {
        Api.Response r = guard.checkIn(typed("Bà Tư bán rau", null).put("bluezone",
                new JsonObject().put("status", "no_smartphone")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("bluezone")).isEqualTo("no_smartphone");
    }

    @Test
    @DisplayName("occurredAt: 71 h ago is accepted, 73 h ago or 5 min ahead is 422")
    void occurredAtWindow() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(guard.checkIn(typed("Bùi Văn Long", "0916 000 001")
                .put("occurredAt", now.minusHours(71).toString())).status()).isEqualTo(201);
        Api.Response old = guard.checkIn(typed("Bùi Văn Long", "0916 000 001")
                .put("occurredAt", now.minusHours(73).toString()));
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.header("Content-Type")).startsWith("application/problem+json");
        assertThat(guard.checkIn(typed("Bùi Văn Long", "0916 000 001")
                .put("occurredAt", now.plusMinutes(5).toString())).status()).isEqualTo(422);
        assertThat(guard.checkIn(typed("Bùi Văn Long", "0916 000 001")
                .put("occurredAt", "yesterday")).status()).isIn(400, 422);
    }

    @Test
    @DisplayName("Bad input gets a problem+json 4xx and stores nothing")
    void badInputStoresNothing() {
        String phone = "0977 888 999";
        List<JsonObject> bad = List.of(
                typed("", phone),
                typed("   ", phone),
                typed("Tên\u0000lạ", phone),
                typed("Ngô Văn Tám", "12345"),
                typed("Ngô Văn Tám", "0100 000 000"),
                typed("Ngô Văn Tám", phone).put("unknownField", 1),
                typed("Ngô Văn Tám", phone).put("siteId", "một"),
                typed("Ngô Văn Tám", phone).put("siteId", 999_999_999L),
                typed("Ngô Văn Tám", phone).put("direction", "sideways"),
                typed("Ngô Văn Tám", phone).put("bluezone", new JsonObject().put("status", "maybe")),
                new JsonObject().put("siteId", site),
                typed("Ngô Văn Tám", phone).put("cccd", "079203001234||Ngô Văn Tám|01011990|Nam|x|01012021"));
        for (JsonObject body : bad) {
            Api.Response r = guard.checkIn(body);
            assertThat(r.status()).as(body.encode()).isBetween(400, 499);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            JsonObject problem = r.json();
            assertThat(problem.getString("type")).isNotBlank();
            assertThat(problem.getString("title")).isNotBlank();
            assertThat(problem.getInteger("status")).isEqualTo(r.status());
            assertThat(problem.getString("detail")).isNotBlank();
        }
        Api.Response malformed = guard.postRaw("/api/v1/checkins", "application/json", "{\"id\": ".getBytes());
        assertThat(malformed.status()).isEqualTo(400);
        Api.Response huge = guard.postRaw("/api/v1/checkins", "application/json",
                ("{\"id\":\"" + "x".repeat(200_000) + "\"}").getBytes());
        assertThat(huge.status()).isEqualTo(413);
        assertThat(visitsOf("0977888999")).isZero();
    }
}
