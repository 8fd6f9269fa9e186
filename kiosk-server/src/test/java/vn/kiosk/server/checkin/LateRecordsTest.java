package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.SseClient;
import vn.kiosk.server.support.TestServer;

/**
 * Records that arrive late (an offline kiosk syncing hours later, with its own occurredAt) apply to the stay their
 * time falls in, never to the visitor's current stay: stays of one visitor at one site never overlap, who is inside
 * stays right, and so does the count of people inside.
 */
class LateRecordsTest {
    static TestServer server;
    static Api admin;
    static Api guard;
    static long site;
    static Instant now;
    static int phones;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("hospital");
        guard = admin.userFor("guard", List.of(site));
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static String ago(int minutes) {
        return now.minusSeconds(60L * minutes).atOffset(ZoneOffset.UTC).toString();
    }

    static String phone() {
        return String.format("0918 44%d %03d", (int) (now.getEpochSecond() % 10), phones++);
    }

    /** The visitor's name: a number as long as a phone's would be refused as one (name-looks-like-card). */
    static String name(String phone) {
        String digits = phone.replace(" ", "");
        return "Bệnh nhân " + digits.substring(digits.length() - 4);
    }

    static Api.Response record(String phone, String direction, int minutesAgo) {
        Api.Response r = guard.checkIn(new JsonObject().put("siteId", site).put("direction", direction)
                .put("occurredAt", ago(minutesAgo)).put("visitor", Api.visitor(name(phone), phone)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    /** The visitor's stays here, oldest first; checked never to overlap. */
    static List<JsonObject> stays(String phone) {
        JsonArray items = guard.get("/api/v1/sites/" + site + "/visits?limit=500&from=" + ago(24 * 60) + "&q="
                + phone.replace(" ", "")).items();
        List<JsonObject> out = new ArrayList<>();
        items.forEach(o -> out.add((JsonObject) o));
        out.sort(Comparator.comparing(v -> OffsetDateTime.parse(v.getString("enteredAt"))));
        for (int i = 1; i < out.size(); i++) {
            String end = out.get(i - 1).getString("exitedAt");
            assertThat(end).as("only the last stay may be open: " + out).isNotNull();
            assertThat(OffsetDateTime.parse(end)).as("stays overlap: " + out)
                    .isBeforeOrEqualTo(OffsetDateTime.parse(out.get(i).getString("enteredAt")));
        }
        return out;
    }

    static Instant time(JsonObject visit, String field) {
        return OffsetDateTime.parse(visit.getString(field)).toInstant();
    }

    /** Who is inside, as the list and as the in-memory count, which must agree with each other. */
    static JsonArray inside() {
        JsonObject list = guard.get("/api/v1/sites/" + site + "/occupancy").json();
        int counted = guard.get("/api/v1/sites/" + site + "/occupancy?visitors=false").json().getInteger("inside");
        assertThat(counted).as("the in-memory count against the list " + list).isEqualTo(list.getJsonArray("visitors").size());
        return list.getJsonArray("visitors");
    }

    static String insideVisit(String phone) {
        for (Object o : inside()) {
            JsonObject v = (JsonObject) o;
            if (v.getJsonObject("visitor").getString("name").equals(name(phone))) {
                return v.getString("visitId");
            }
        }
        return null;
    }

    @Test
    @DisplayName("A late out closes the stay it belongs to: the real exit replaces the one inferred from the next entry")
    void lateOutClosesItsOwnStay() {
        String p = phone();
        String first = record(p, "in", 180).json().getString("visitId");
        String current = record(p, "in", 60).json().getString("visitId"); // no exit seen: the first ends here, inferred
        Api.Response late = record(p, "out", 120);
        assertThat(late.json().getString("direction")).isEqualTo("out");
        assertThat(late.json().getString("visitId")).isEqualTo(first);
        List<JsonObject> stays = stays(p);
        assertThat(stays).hasSize(2);
        assertThat(stays.get(0).getString("id")).isEqualTo(first);
        assertThat(time(stays.get(0), "exitedAt")).isEqualTo(now.minusSeconds(120 * 60));
        assertThat(stays.get(0).getBoolean("exitInferred")).isFalse();
        assertThat(stays.get(1).getString("id")).isEqualTo(current);
        assertThat(stays.get(1).getString("exitedAt")).as("the current stay stays open").isNull();
        assertThat(insideVisit(p)).isEqualTo(current);
    }

    @Test
    @DisplayName("A late out with no stay of its time on record is kept as its own exit; the current stay stays open")
    void lateOutWithoutItsStay() {
        String p = phone();
        String current = record(p, "in", 60).json().getString("visitId");
        Api.Response late = record(p, "out", 120);
        assertThat(late.json().getString("visitId")).isNotEqualTo(current);
        List<JsonObject> stays = stays(p);
        assertThat(stays).hasSize(2);
        assertThat(stays.get(0).getBoolean("entryMissing")).isTrue();
        assertThat(time(stays.get(0), "exitedAt")).isEqualTo(now.minusSeconds(120 * 60));
        assertThat(stays.get(1).getString("id")).isEqualTo(current);
        assertThat(stays.get(1).getString("exitedAt")).isNull();
        assertThat(insideVisit(p)).isEqualTo(current);
    }

    @Test
    @DisplayName("A late in before the current stay is a stay of its own, ended by the next entry; presence and the count"
            + " do not move, and its event says so")
    void lateInBeforeTheCurrentStay() throws Exception {
        String p = phone();
        String current = record(p, "in", 60).json().getString("visitId");
        int before = inside().size();
        try (SseClient sse = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", guard.token())) {
            assertThat(sse.awaitConnected()).isEqualTo(200);
            Api.Response late = record(p, "in", 180);
            assertThat(late.json().getString("direction")).isEqualTo("in");
            SseClient.Event e = sse.next(5000);
            assertThat(e).isNotNull();
            assertThat(e.data().getString("visitId")).isEqualTo(late.json().getString("visitId"));
            assertThat(e.data().getInteger("presence")).isZero();
            assertThat(e.data().getBoolean("past")).isTrue();
            assertThat(e.data().getInteger("inside")).isEqualTo(before);
        }
        List<JsonObject> stays = stays(p);
        assertThat(stays).hasSize(2);
        assertThat(time(stays.get(0), "enteredAt")).isEqualTo(now.minusSeconds(180 * 60));
        assertThat(time(stays.get(0), "exitedAt")).isEqualTo(now.minusSeconds(60 * 60));
        assertThat(stays.get(0).getBoolean("exitInferred")).isTrue();
        assertThat(insideVisit(p)).isEqualTo(current);
        assertThat(inside().size()).isEqualTo(before);
    }

    @Test
    @DisplayName("A late in completes the exit recorded without it: one stay, not inside")
    void lateInCompletesAnExitWithoutEntry() {
        String p = phone();
        String exit = record(p, "out", 60).json().getString("visitId");
        Api.Response late = record(p, "in", 120);
        assertThat(late.json().getString("visitId")).isEqualTo(exit);
        List<JsonObject> stays = stays(p);
        assertThat(stays).hasSize(1);
        assertThat(stays.get(0).getBoolean("entryMissing")).isFalse();
        assertThat(time(stays.get(0), "enteredAt")).isEqualTo(now.minusSeconds(120 * 60));
        assertThat(time(stays.get(0), "exitedAt")).isEqualTo(now.minusSeconds(60 * 60));
        assertThat(stays.get(0).getBoolean("exitInferred")).isFalse();
        assertThat(insideVisit(p)).isNull();
    }

    @Test
    @DisplayName("A late in or out within a recorded stay changes no stay and does not put them inside")
    void lateInWithinARecordedStay() {
        String p = phone();
        String stay = record(p, "in", 180).json().getString("visitId");
        record(p, "out", 60);
        assertThat(record(p, "in", 120).json().getString("visitId")).isEqualTo(stay);
        assertThat(record(p, "out", 90).json().getString("visitId")).as("a second exit of that stay").isEqualTo(stay);
        List<JsonObject> stays = stays(p);
        assertThat(stays).hasSize(1);
        assertThat(time(stays.get(0), "enteredAt")).isEqualTo(now.minusSeconds(180 * 60));
        assertThat(time(stays.get(0), "exitedAt")).isEqualTo(now.minusSeconds(60 * 60));
        assertThat(insideVisit(p)).isNull();
    }

    @Test
    @DisplayName("A late out replaces the exit the overdue job inferred when its time falls within the stay")
    void lateOutAfterTheOverdueJob() throws Exception {
        long short_ = admin.createSite("office");
        admin.patch("/api/v1/sites/" + short_, new JsonObject().put("maxStayMinutes", 90));
        Api g = admin.userFor("guard", List.of(short_));
        String p = phone();
        String stay = g.checkIn(new JsonObject().put("siteId", short_).put("direction", "in").put("occurredAt", ago(150))
                .put("visitor", Api.visitor(name(p), p))).json().getString("visitId");
        server.server().housekeeping().closeOverdue().await(10, TimeUnit.SECONDS);
        Api.Response late = g.checkIn(new JsonObject().put("siteId", short_).put("direction", "out")
                .put("occurredAt", ago(100)).put("visitor", Api.visitor(name(p), p)));
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.json().getString("visitId")).isEqualTo(stay);
        JsonArray items = g.get("/api/v1/sites/" + short_ + "/visits?q=" + p.replace(" ", "")).items();
        assertThat(items).hasSize(1);
        assertThat(time(items.getJsonObject(0), "exitedAt")).isEqualTo(now.minusSeconds(100 * 60));
        assertThat(items.getJsonObject(0).getBoolean("exitInferred")).isFalse();
    }
}
