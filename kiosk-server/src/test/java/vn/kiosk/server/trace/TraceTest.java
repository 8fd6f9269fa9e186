package vn.kiosk.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * Traces over generated stays, checked against a brute-force computation
 * written independently of the server: every stay against every other,
 * overlap measured by cutting time at every boundary.
 */
class TraceTest {
    static final int PEOPLE = 60;
    static final int MAX_STAY = 240;
    static final long SEED = Long.getLong("trace.seed", System.nanoTime());

    static TestServer server;
    static Api admin;
    static long siteA;
    static long siteB;
    static final List<Person> people = new ArrayList<>();
    static final List<Stay> stays = new ArrayList<>();
    static Instant now;
    static Stay alone;
    static Stay touchBefore;
    static Stay touchAfter;
    static Stay halfMinute;

    record Person(long id, String name, String phone, String idNumber) {
    }

    record Stay(UUID id, long person, long site, Instant in, Instant out, boolean inferred) {
        Instant end(Instant now) {
            return out != null ? out : (now.isAfter(in) ? now : in);
        }
    }

    record Expected(UUID visit, long person, int hop, double seconds) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        System.out.println("TraceTest seed " + SEED + " (-Dtrace.seed=" + SEED + " repeats this data)");
        Random random = new Random(SEED);
        server = TestServer.shared();
        admin = server.admin();
        siteA = admin.createSite("bus_station");
        siteB = admin.createSite("market");
        long registry = admin.createSite("other");
        for (long site : List.of(siteA, siteB)) {
            admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", MAX_STAY));
        }
        int base = 100_000 + random.nextInt(800_000);
        for (int i = 0; i < PEOPLE; i++) {
            String phone = String.format("0986%06d", base + i);
            String name = "Người " + i + " Trần";
            String idNumber = String.format("079%09d", base + i);
            JsonObject visitor = Api.visitor(name, phone).put("idNumber", idNumber);
            Api.Response r = admin.checkIn(new JsonObject().put("siteId", registry).put("visitor", visitor));
            assertThat(r.status()).isEqualTo(201);
            people.add(new Person(r.json().getJsonObject("visitor").getLong("id"), name, "+84" + phone.substring(1), idNumber));
        }
        Pool pool = server.server().pool();
        // The registry stays only served to create the people; they are not part of the data traced.
        for (String table : List.of("visits", "presence", "visit_events")) {
            pool.preparedQuery("delete from " + table + " where site_id = $1").execute(Tuple.of(registry))
                    .await(10, TimeUnit.SECONDS);
        }

        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.minus(Duration.ofDays(10));
        long span = Duration.between(start, now).toSeconds();
        for (Person p : people.subList(0, PEOPLE - 1)) {
            int n = 8 + random.nextInt(10);
            for (int k = 0; k < n; k++) {
                long site = random.nextBoolean() ? siteA : siteB;
                Instant in = start.plusSeconds(random.nextLong(span));
                long minutes = random.nextInt(MAX_STAY + 1);
                Instant out = in.plusSeconds(minutes * 60 + (random.nextBoolean() ? 0 : random.nextInt(60)));
                if (out.isAfter(now)) {
                    out = null; // still inside
                }
                stays.add(new Stay(UUID.randomUUID(), p.id(), site, in, out, out != null && random.nextInt(5) == 0));
            }
        }
        // The last person has one stay; one stay only touches it before, one after, one shares 30 seconds.
        Instant t = now.minus(Duration.ofDays(5));
        alone = new Stay(UUID.randomUUID(), people.get(PEOPLE - 1).id(), siteA, t, t.plusSeconds(7200), false);
        touchBefore = new Stay(UUID.randomUUID(), people.get(1).id(), siteA, t.minusSeconds(3600), t, false);
        touchAfter = new Stay(UUID.randomUUID(), people.get(2).id(), siteA, t.plusSeconds(7200), t.plusSeconds(10800), false);
        halfMinute = new Stay(UUID.randomUUID(), people.get(3).id(), siteA, t.plusSeconds(7170), t.plusSeconds(9000), true);
        stays.addAll(List.of(alone, touchBefore, touchAfter, halfMinute));
        // Open stays that began recently, inside now.
        for (int i = 3; i < 8; i++) {
            stays.add(new Stay(UUID.randomUUID(), people.get(i).id(), siteA, now.minusSeconds(60L * (20 + 17 * i)), null, false));
        }
        insert(pool, stays);
    }

    static void insert(Pool pool, List<Stay> list) throws Exception {
        Tuple t = Tuple.tuple()
                .addArrayOfUUID(list.stream().map(Stay::id).toArray(UUID[]::new))
                .addArrayOfLong(list.stream().map(Stay::site).toArray(Long[]::new))
                .addArrayOfLong(list.stream().map(Stay::person).toArray(Long[]::new))
                .addArrayOfOffsetDateTime(list.stream().map(s -> s.in().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(list.stream().map(s -> s.out() == null ? null : s.out().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addArrayOfBoolean(list.stream().map(Stay::inferred).toArray(Boolean[]::new));
        pool.preparedQuery("insert into visits (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_method)"
                + " select i, s, v, a, b, f, 'guard' from unnest($1::uuid[], $2::bigint[], $3::bigint[],"
                + " $4::timestamptz[], $5::timestamptz[], $6::boolean[]) as t(i, s, v, a, b, f)")
                .execute(t).await(30, TimeUnit.SECONDS);
    }

    // ---- the brute force ----

    /** Seconds of {@code stay} covered by any of {@code spans} (same site), by cutting time at every boundary. */
    static double shared(Stay stay, List<Instant[]> spans, Instant at) {
        List<Instant> cuts = new ArrayList<>(List.of(stay.in(), stay.end(at)));
        for (Instant[] s : spans) {
            cuts.add(s[0]);
            cuts.add(s[1]);
        }
        cuts = cuts.stream().distinct().sorted().toList();
        double total = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            Instant a = cuts.get(i);
            Instant b = cuts.get(i + 1);
            boolean inStay = !a.isBefore(stay.in()) && !b.isAfter(stay.end(at));
            boolean inSpan = spans.stream().anyMatch(s -> !a.isBefore(s[0]) && !b.isAfter(s[1]));
            if (inStay && inSpan) {
                total += Duration.between(a, b).toNanos() / 1e9;
            }
        }
        return total;
    }

    static Map<UUID, Expected> brute(long subject, Instant from, Instant to, int minOverlap, int hops, int arrive,
                                     int depart, Set<Long> sites, Instant at) {
        Map<UUID, Expected> out = new HashMap<>();
        Set<Long> traced = Set.of(subject);
        Set<Long> excluded = new HashSet<>(traced);
        for (int hop = 1; hop <= hops; hop++) {
            Map<Long, List<Stay>> byPerson = new HashMap<>();
            for (Stay s : stays) {
                if (traced.contains(s.person()) && sites.contains(s.site()) && s.in().isBefore(to) && s.end(at).isAfter(from)) {
                    byPerson.computeIfAbsent(s.person(), k -> new ArrayList<>()).add(s);
                }
            }
            Set<Long> found = new HashSet<>();
            for (Stay c : stays) {
                if (excluded.contains(c.person()) || !sites.contains(c.site())) {
                    continue;
                }
                double best = 0;
                for (List<Stay> own : byPerson.values()) {
                    List<Instant[]> spans = own.stream().filter(s -> s.site() == c.site())
                            .map(s -> new Instant[] {s.in().minusSeconds(60L * arrive), s.end(at).plusSeconds(60L * depart)})
                            .toList();
                    best = Math.max(best, shared(c, spans, at));
                }
                if (best > 0 && best >= 60.0 * minOverlap) {
                    out.put(c.id(), new Expected(c.id(), c.person(), hop, best));
                    found.add(c.person());
                }
            }
            excluded.addAll(found);
            traced = found;
        }
        return out;
    }

    static void check(Api caller, JsonObject body, long subject, Instant from, Instant to, Set<Long> sites) {
        int min = body.getInteger("minOverlapMinutes", 15);
        int hops = body.getInteger("hops", 1);
        int arrive = body.getInteger("arrivalBufferMinutes", 0);
        int depart = body.getInteger("departureBufferMinutes", 0);
        Instant before = Instant.now();
        Api.Response r = caller.post("/api/v1/traces", body);
        Instant after = Instant.now();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<UUID, Expected> early = brute(subject, from, to, min, hops, arrive, depart, sites, before);
        Map<UUID, Expected> late = brute(subject, from, to, min, hops, arrive, depart, sites, after);
        // A stay still open grows while the request runs: what changes in that time may go either way.
        Set<UUID> unsure = new HashSet<>();
        for (UUID id : union(early.keySet(), late.keySet())) {
            Expected e = early.get(id);
            Expected l = late.get(id);
            if (e == null || l == null || e.hop() != l.hop()) {
                unsure.add(id);
            }
        }
        assertThat(unsure.size()).as("contacts decided by the time the request took").isLessThanOrEqualTo(3);
        JsonObject answer = r.json();
        assertThat(answer.getJsonObject("subject").getLong("id")).isEqualTo(subject);
        Set<UUID> got = new HashSet<>();
        JsonArray contacts = answer.getJsonArray("contacts");
        double slack = Duration.between(before, after).toMillis() / 1000.0 + 1;
        int lastHop = 1;
        double lastOverlap = Double.MAX_VALUE;
        for (int i = 0; i < contacts.size(); i++) {
            JsonObject c = contacts.getJsonObject(i);
            UUID id = UUID.fromString(c.getString("visitId"));
            got.add(id);
            if (c.getInteger("hop") != lastHop) {
                assertThat(c.getInteger("hop")).isGreaterThan(lastHop);
                lastHop = c.getInteger("hop");
                lastOverlap = Double.MAX_VALUE;
            }
            assertThat(c.getDouble("overlapSeconds")).as("ranked by overlap").isLessThanOrEqualTo(lastOverlap + 1);
            lastOverlap = c.getDouble("overlapSeconds");
            Stay stay = stays.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            assertThat(c.getBoolean("inferredExit")).isEqualTo(stay.inferred());
            assertThat(c.getBoolean("open")).isEqualTo(stay.out() == null);
            assertThat(c.getLong("siteId")).isEqualTo(stay.site());
            Person person = people.stream().filter(p -> p.id() == stay.person()).findFirst().orElseThrow();
            assertThat(c.getJsonObject("visitor").getString("phone")).isEqualTo(person.phone());
            assertThat(c.getJsonObject("visitor").getString("name")).isEqualTo(person.name());
            if (unsure.contains(id)) {
                continue;
            }
            Expected e = late.get(id);
            assertThat(e).as("contact %s not expected", id).isNotNull();
            assertThat(c.getInteger("hop")).isEqualTo(e.hop());
            assertThat(c.getDouble("overlapSeconds")).isCloseTo(e.seconds(), org.assertj.core.data.Offset.offset(slack));
            assertThat(c.getDouble("overlapMinutes")).isLessThanOrEqualTo(c.getDouble("overlapSeconds") / 60.0 + 0.01);
        }
        Set<UUID> expected = new HashSet<>(late.keySet());
        expected.removeAll(unsure);
        got.removeAll(unsure);
        assertThat(got).isEqualTo(expected);
        // The subject's own stays in the window, at the sites the caller may see.
        Set<UUID> ownExpected = new HashSet<>();
        for (Stay s : stays) {
            if (s.person() == subject && sites.contains(s.site()) && s.in().isBefore(to) && s.end(after).isAfter(from)) {
                ownExpected.add(s.id());
            }
        }
        Set<UUID> own = new HashSet<>();
        answer.getJsonArray("visits").forEach(v -> own.add(UUID.fromString(((JsonObject) v).getString("visitId"))));
        assertThat(own).isEqualTo(ownExpected);
    }

    static byte[] postBytes(Api caller, String path, JsonObject body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                    .header("Authorization", "Bearer " + caller.token()).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.encode())).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    static JsonObject window(JsonObject body, Instant from, Instant to) {
        return body.put("from", from.atOffset(ZoneOffset.ofHours(7)).toString()).put("to", to.toString());
    }

    @Test
    @DisplayName("A phone shared by a family traces every visitor of that phone; none of them is the other's contact")
    void sharedPhone() {
        long site = admin.createSite("market");
        String phone = "0987 123 4" + (10 + new Random(SEED).nextInt(90));
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        record Step(String name, String phone, int in, int out) {
        }
        for (Step s : List.of(new Step("Trần Thị Mẹ", phone, 180, 120), new Step("Trần Thị Bà", phone, 130, 40),
                new Step("Lê Văn Hàng Xóm", "0987 765 431", 150, 30))) {
            for (String dir : List.of("in", "out")) {
                Api.Response r = admin.checkIn(new JsonObject().put("siteId", site).put("direction", dir)
                        .put("occurredAt", t.minusSeconds(60L * (dir.equals("in") ? s.in() : s.out())).toString())
                        .put("visitor", Api.visitor(s.name(), s.phone())));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
        }
        JsonObject trace = admin.post("/api/v1/traces", new JsonObject().put("phone", phone).put("minOverlapMinutes", 1)
                .put("from", t.minusSeconds(6 * 3600).toString()).put("to", t.toString())).json();
        List<String> traced = trace.getJsonArray("visits").stream()
                .map(v -> ((JsonObject) v).getJsonObject("visitor").getString("name")).sorted().toList();
        assertThat(traced).as(trace.encodePrettily()).containsExactly("Trần Thị Bà", "Trần Thị Mẹ");
        assertThat(trace.getJsonArray("people")).hasSize(2);
        List<String> contacts = trace.getJsonArray("contacts").stream()
                .map(c -> ((JsonObject) c).getJsonObject("visitor").getString("name")).distinct().toList();
        assertThat(contacts).containsExactly("Lê Văn Hàng Xóm");
    }

    @Test
    @DisplayName("One hop, 15 minutes: the contacts and their overlaps match the brute force")
    void oneHop() {
        Instant from = now.minus(Duration.ofDays(11));
        Instant to = now.plusSeconds(60);
        for (int i = 0; i < 6; i++) {
            Person p = people.get(i * 7);
            check(admin, window(new JsonObject().put("phone", p.phone()), from, to), p.id(), from, to, Set.of(siteA, siteB));
        }
    }

    @Test
    @DisplayName("Two hops with buffers and no minimum: the contacts match the brute force; touching stays are no contacts")
    void twoHopsWithBuffers() {
        Instant from = now.minus(Duration.ofDays(4));
        Instant to = now.minus(Duration.ofDays(1));
        // Subjects with a stay in the window (random data may leave someone without one: that is a 404).
        List<Person> subjects = people.stream().filter(p -> stays.stream().anyMatch(st -> st.person() == p.id()
                && st.in().isBefore(to) && (st.out() == null || st.out().isAfter(from)))).limit(3).toList();
        assertThat(subjects).hasSize(3);
        for (Person p : subjects) {
            check(admin, window(new JsonObject().put("idNumber", p.idNumber())
                            .put("minOverlapMinutes", 0).put("hops", 2).put("arrivalBufferMinutes", 10)
                            .put("departureBufferMinutes", 25), from, to), p.id(), from, to, Set.of(siteA, siteB));
        }
        Person zero = people.get(0);
        Instant wide = now.minus(Duration.ofDays(11));
        JsonObject body = window(new JsonObject().put("phone", zero.phone()).put("minOverlapMinutes", 0), wide, now);
        check(admin, body.copy(), zero.id(), wide, now, Set.of(siteA, siteB));
        check(admin, body.copy().put("hops", 2).put("minOverlapMinutes", 30), zero.id(), wide, now, Set.of(siteA, siteB));
    }

    @Test
    @DisplayName("Stays that only touch overlap by 0 and are no contacts; 30 seconds shared is one with no minimum; a buffer widens")
    void touching() {
        Person lone = people.get(PEOPLE - 1);
        Instant from = now.minus(Duration.ofDays(11));
        JsonObject body = window(new JsonObject().put("phone", lone.phone()).put("minOverlapMinutes", 0), from, now);
        check(admin, body.copy(), lone.id(), from, now, Set.of(siteA, siteB));
        assertThat(contactIds(body.copy())).contains(halfMinute.id().toString())
                .doesNotContain(touchBefore.id().toString(), touchAfter.id().toString());
        JsonObject half = admin.post("/api/v1/traces", body.copy()).json().getJsonArray("contacts").stream()
                .map(o -> (JsonObject) o).filter(c -> c.getString("visitId").equals(halfMinute.id().toString()))
                .findFirst().orElseThrow();
        assertThat(half.getLong("overlapSeconds")).isEqualTo(30);
        assertThat(half.getBoolean("inferredExit")).isTrue();
        assertThat(contactIds(body.copy().put("minOverlapMinutes", 1))).doesNotContain(halfMinute.id().toString());
        assertThat(contactIds(body.copy().put("departureBufferMinutes", 1))).contains(touchAfter.id().toString())
                .doesNotContain(touchBefore.id().toString());
        assertThat(contactIds(body.copy().put("arrivalBufferMinutes", 1))).contains(touchBefore.id().toString());
    }

    static List<String> contactIds(JsonObject body) {
        return admin.post("/api/v1/traces", body).json().getJsonArray("contacts").stream()
                .map(o -> ((JsonObject) o).getString("visitId")).toList();
    }

    @Test
    @DisplayName("The merged look-up for many spans gives the same answers as the per-span one")
    void mergedLookUp() {
        int before = TraceService.mergeAbove;
        TraceService.mergeAbove = 0;
        try {
            oneHop();
            twoHopsWithBuffers();
            touching();
        } finally {
            TraceService.mergeAbove = before;
        }
    }

    @Test
    @DisplayName("A trace from a visit covers that stay; open stays count up to now and are flagged open")
    void fromVisit() {
        Stay open = stays.get(stays.size() - 1);
        JsonObject answer = admin.post("/api/v1/traces", new JsonObject().put("visitId", open.id().toString())
                .put("minOverlapMinutes", 5).put("hops", 2)).json();
        assertThat(answer.getJsonArray("visits")).hasSize(1);
        assertThat(answer.getJsonArray("visits").getJsonObject(0).getBoolean("open")).isTrue();
        // The other recent open stays at the same site overlap it up to now.
        for (Stay s : stays.subList(stays.size() - 5, stays.size() - 1)) {
            assertThat(answer.getJsonArray("contacts").stream().map(o -> ((JsonObject) o).getString("visitId")))
                    .contains(s.id().toString());
        }
        Instant from = open.in();
        check(admin, window(new JsonObject().put("visitId", open.id().toString()).put("minOverlapMinutes", 5)
                .put("hops", 2), from, now.plusSeconds(300)), open.person(), from, now.plusSeconds(300), Set.of(siteA, siteB));
    }

    @Test
    @DisplayName("A manager traces within their own sites only; a guard may not trace; an officer traces in their area")
    void scope() {
        Api manager = admin.userFor("manager", List.of(siteA));
        Instant from = now.minus(Duration.ofDays(11));
        for (int i = 0; i < 3; i++) {
            Person p = people.get(i * 5 + 2);
            JsonObject body = window(new JsonObject().put("phone", p.phone()).put("hops", 2).put("minOverlapMinutes", 10),
                    from, now);
            check(manager, body, p.id(), from, now, Set.of(siteA));
            assertThat(manager.post("/api/v1/traces", body).json().getBoolean("limitedToYourSites")).isTrue();
        }
        Api officer = admin.userFor("officer", List.of());
        Person p = people.get(9);
        check(officer, window(new JsonObject().put("phone", p.phone()), from, now), p.id(), from, now, Set.of(siteA, siteB));
        Api guard = admin.userFor("guard", List.of(siteA));
        assertThat(guard.post("/api/v1/traces", new JsonObject().put("phone", p.phone())).status()).isEqualTo(403);
        long elsewhere = admin.createSite("school");
        Api stranger = admin.userFor("manager", List.of(elsewhere));
        Api.Response none = stranger.post("/api/v1/traces", new JsonObject().put("phone", p.phone()));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("Bad trace requests are clear problems: two subjects, a bad phone, a backwards window, an unknown person")
    void badRequests() {
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("phone", "0912345678").put("idNumber", "079123456789"))
                .status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/traces", new JsonObject()).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("phone", "12")).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("phone", "0912345678").put("hops", 3)).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("phone", "0912345678").put("extra", 1)).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("phone", "0912345678")
                .put("from", "2021-08-02T00:00:00+07:00").put("to", "2021-08-01T00:00:00+07:00")).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/traces", new JsonObject().put("phone", "0986 000 001")).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("Every trace and call list is audited with who, what filter and how many rows; the call list has full phones")
    void auditAndCallList() throws Exception {
        Person p = people.get(4);
        Instant from = now.minus(Duration.ofDays(11));
        JsonObject body = window(new JsonObject().put("phone", p.phone()).put("minOverlapMinutes", 1), from, now);
        Api manager = admin.userFor("manager", List.of(siteA, siteB));
        long userId = manager.get("/api/v1/auth/me").json().getLong("id");
        JsonObject answer = manager.post("/api/v1/traces", body).json();
        int contacts = answer.getJsonArray("contacts").size();
        assertThat(contacts).isPositive();
        Api.Response csv = manager.post("/api/v1/traces/call-list", body);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("STT / No.,Mức / Level,Họ tên / Name,Điện thoại / Phone");
        assertThat(lines).hasSize(contacts + 1);
        JsonObject top = answer.getJsonArray("contacts").getJsonObject(0);
        String national = "0" + top.getJsonObject("visitor").getString("phone").substring(3);
        assertThat(lines[1]).contains(top.getJsonObject("visitor").getString("name"))
                .contains(national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7));
        var rows = server.server().pool().preparedQuery("select action, detail, row_count from audit_log"
                + " where user_id = $1 order by id").execute(Tuple.of(userId)).await(10, TimeUnit.SECONDS);
        List<String> actions = new ArrayList<>();
        rows.forEach(r -> {
            actions.add(r.getString("action"));
            assertThat(r.getInteger("row_count")).isEqualTo(contacts);
            JsonObject detail = (JsonObject) r.getValue("detail");
            assertThat(detail.getString("by")).isEqualTo("phone");
            assertThat(detail.getInteger("minOverlapMinutes")).isEqualTo(1);
            assertThat(detail.encode()).doesNotContain(p.phone().substring(3));
        });
        assertThat(actions).containsExactly("trace", "trace_call_list");
        byte[] xlsx = postBytes(manager, "/api/v1/traces/call-list?format=xlsx", body);
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }
}
