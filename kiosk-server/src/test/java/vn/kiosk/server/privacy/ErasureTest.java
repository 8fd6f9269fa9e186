package vn.kiosk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** Deleting a person on request: their personal data goes, every anonymous figure stays; a legal hold stops it. */
class ErasureTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
    }

    @Test
    @DisplayName("Deletion removes name, numbers, hashes, ciphertexts and Bluezone ID; reports and stored daily figures of past and current days do not change")
    void deletionKeepsEveryDailyFigure() throws Exception {
        String province = Privacies.unique("Tỉnh Xoá");
        long a = admin.createSite("market", province, "Huyện Một");
        long b = admin.createSite("hospital", province, "Huyện Một");
        long c = admin.createSite("office", province, "Huyện Hai");
        Privacies.sql(server, "update sites set created_at = now() - interval '30 days' where id = any($1)",
                Tuple.tuple().addArrayOfLong(new Long[] {a, b, c}));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.atZone(VN).toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        LocalDate old = today.minusDays(10);
        // today's stays lie in the last ten hours, well inside the longest stay: no inferred exit moves them
        Instant midnight = today.atStartOfDay(VN).toInstant();
        if (midnight.isBefore(now.minus(Duration.ofHours(10)))) {
            midnight = now.minus(Duration.ofHours(10));
        }
        Duration sinceMidnight = Duration.between(midnight, now);
        Instant y9 = yesterday.atTime(9, 0).atZone(VN).toInstant();

        String phoneX = Privacies.phone();
        String phoneY = Privacies.phone();
        JsonObject x = checkIn(a, "in", new JsonObject().put("name", "Nguyễn Thị Xuân").put("phone", phoneX)
                .put("idNumber", "001099012345"), "X1Y2Z3", y9);
        String pass = x.getString("pass");
        long xId = x.getJsonObject("visitor").getLong("id");
        List<String> xVisits = new ArrayList<>(List.of(x.getString("visitId")));
        checkIn(a, "out", Api.visitor("Nguyễn Thị Xuân", phoneX), null, y9.plus(Duration.ofMinutes(90)));
        JsonObject y = checkIn(a, "in", Api.visitor("Trần Văn Yên", phoneY), null, y9.plus(Duration.ofMinutes(30)));
        checkIn(a, "out", Api.visitor("Trần Văn Yên", phoneY), null, y9.plus(Duration.ofMinutes(120)));
        long yId = y.getJsonObject("visitor").getLong("id");
        // today: X in and out at A, in at C (still inside); Y inside A
        xVisits.add(checkIn(a, "in", Api.visitor("Nguyễn Thị Xuân", phoneX), "X1Y2Z3", at(midnight, sinceMidnight, 1))
                .getString("visitId"));
        checkIn(a, "in", Api.visitor("Trần Văn Yên", phoneY), null, at(midnight, sinceMidnight, 2));
        checkIn(a, "out", Api.visitor("Nguyễn Thị Xuân", phoneX), null, at(midnight, sinceMidnight, 3));
        xVisits.add(checkIn(c, "in", Api.visitor("Nguyễn Thị Xuân", phoneX), "X1Y2Z3", at(midnight, sinceMidnight, 4))
                .getString("visitId"));
        // ten days ago, further back than an offline replay can reach: straight into the table
        UUID oldX = UUID.randomUUID();
        Instant o9 = old.atTime(9, 0).atZone(VN).toInstant();
        Privacies.sql(server, "insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_method, bluezone,"
                + " bluezone_id) values ($1, $2, $3, $4, $5, 'manual', 'declared', 'X1Y2Z3'),"
                + " ($6, $2, $7, $4, $5, 'manual', 'not_installed', null)", Tuple.tuple().addUUID(oldX).addLong(b)
                .addLong(xId).addOffsetDateTime(o9.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(o9.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).addUUID(UUID.randomUUID())
                .addLong(yId));
        xVisits.add(oldX.toString());

        server.fillMissingFigures();
        server.figuresRound();
        Map<String, Object> before = figures(province, List.of(old, yesterday, today), a, b, c);
        assertThat(before.toString()).contains("entries");
        int insideC = admin.get("/api/v1/sites/" + c + "/occupancy").json().getInteger("inside");

        Api.Response filed = Privacies.fileMine(server, pass, "deletion");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonObject request = filed.json();
        assertThat(Duration.between(Instant.parse(request.getString("receivedAt")),
                Instant.parse(request.getString("dueAt")))).isEqualTo(Duration.ofHours(72));
        Api.Response done = admin.patch("/api/v1/privacy/requests/" + request.getLong("id"),
                new JsonObject().put("state", "done").put("outcome", "Đã xoá theo yêu cầu của khách"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().getString("state")).isEqualTo("done");
        assertThat(done.json().getBoolean("subjectErased")).isTrue();

        server.figuresRound();
        assertThat(figures(province, List.of(old, yesterday, today), a, b, c)).isEqualTo(before);
        assertThat(admin.get("/api/v1/sites/" + c + "/occupancy").json().getInteger("inside")).isEqualTo(insideC);

        // Nothing of the person is left: not their row, not their numbers, not their Bluezone ID or name in events.
        assertThat(Privacies.sql(server, "select count(*) from visitors where id = $1", Tuple.of(xId))
                .iterator().next().getLong(0)).isZero();
        Tuple ids = Tuple.tuple().addArrayOfUUID(xVisits.stream().map(UUID::fromString).toArray(UUID[]::new));
        for (Row r : Privacies.sql(server, "select v.bluezone_id, v.bluezone, r.name, r.name_folded, r.phone_hash,"
                + " r.phone_enc, r.phone_masked, r.id_hash, r.id_enc, r.id_masked from visits v join visitors r"
                + " on r.id = v.visitor_id where v.id = any($1)", ids)) {
            assertThat(r.getString("bluezone_id")).isNull();
            assertThat(r.getString("bluezone")).isNotNull(); // the status is a count, it stays
            assertThat(r.getString("name")).isEmpty();
            assertThat(r.getString("name_folded")).isEmpty();
            for (String col : List.of("phone_hash", "phone_enc", "phone_masked", "id_hash", "id_enc", "id_masked")) {
                assertThat(r.getValue(col)).as(col).isNull();
            }
        }
        assertThat(Privacies.sql(server, "select count(*) from visits where id = any($1)", ids).iterator().next()
                .getLong(0)).isEqualTo(xVisits.size());
        for (Row r : Privacies.sql(server, "select display_name, phone_masked from visit_events where visit_id = any($1)",
                ids)) {
            assertThat(r.getString("display_name")).isEmpty();
            assertThat(r.getString("phone_masked")).isNull();
        }
        assertThat(Privacies.sql(server, "select count(*) from visitors where name = 'Nguyễn Thị Xuân'", Tuple.tuple())
                .iterator().next().getLong(0)).isZero();
        Api.Response mine = server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass));
        assertThat(mine.status()).as(mine.body()).isEqualTo(404);
        assertThat(mine.json().getString("type")).endsWith("/no-data");
        assertThat(admin.get("/api/v1/sites/" + a + "/visits?q=" + URLEncoder.encode(phoneX, StandardCharsets.UTF_8)
                + "&from=" + URLEncoder.encode(yesterday.atStartOfDay(VN).toOffsetDateTime().toString(), StandardCharsets.UTF_8))
                .items()).isEmpty();
        // The steps are in the audit log, with counts and ids only.
        List<String> audit = new ArrayList<>();
        for (Row r : Privacies.sql(server, "select action, detail::text from audit_log where detail->>'requestId' = $1",
                Tuple.of(String.valueOf(request.getLong("id"))))) {
            audit.add(r.getString(0) + " " + r.getString(1));
        }
        assertThat(audit).anyMatch(s -> s.startsWith("privacy.request_filed"))
                .anyMatch(s -> s.startsWith("privacy.request_state") && s.contains("\"erased\""))
                .noneMatch(s -> s.contains(phoneX.substring(3)) || s.contains("Xuân"));
    }

    @Test
    @DisplayName("A legal hold (on the person, or on their site and period) blocks deletion with its reference; released, deletion goes ahead")
    void aLegalHoldBlocksDeletion() {
        long site = admin.createSite("hospital");
        Api manager = admin.userFor("manager", List.of(site));
        String phone = Privacies.phone();
        String pass = Privacies.firstVisit(admin, site, "Lê Thị Hoa", phone, null).getString("pass");
        long requestId = Privacies.fileMine(server, pass, "deletion").json().getLong("id");
        LocalDate today = LocalDate.now(VN);

        Api.Response hold = manager.post("/api/v1/privacy/holds", new JsonObject().put("siteId", site).put("kind", "trace")
                .put("reference", "TV-17/2026").put("until", today.plusDays(14).toString()).put("phone", phone));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.json().getBoolean("active")).isTrue();
        Api.Response blocked = admin.patch("/api/v1/privacy/requests/" + requestId, new JsonObject().put("state", "done"));
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(409);
        assertThat(blocked.json().getString("type")).endsWith("/legal-hold");
        assertThat(blocked.json().getString("detail")).contains("TV-17/2026").contains(today.plusDays(14).toString());
        assertThat(blocked.json().getString("reference")).isEqualTo("TV-17/2026");
        assertThat(admin.get("/api/v1/privacy/requests").items().stream().map(JsonObject.class::cast)
                .filter(r -> r.getLong("id") == requestId).findFirst().orElseThrow().getString("state")).isEqualTo("received");
        assertThat(server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass)).status()).isEqualTo(200);

        assertThat(manager.post("/api/v1/privacy/holds/" + hold.json().getLong("id") + "/release", null).status())
                .isEqualTo(200);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Api.Response periodHold = manager.post("/api/v1/privacy/holds", new JsonObject().put("siteId", site)
                .put("kind", "authority").put("reference", "CV 123/SYT").put("authority", "Sở Y tế")
                .put("until", today.plusDays(3).toString()).put("from", now.minusDays(1).toString())
                .put("to", now.plusDays(1).toString()));
        assertThat(periodHold.status()).as(periodHold.body()).isEqualTo(201);
        assertThat(admin.patch("/api/v1/privacy/requests/" + requestId, new JsonObject().put("state", "done"))
                .json().getString("detail")).contains("CV 123/SYT");
        manager.post("/api/v1/privacy/holds/" + periodHold.json().getLong("id") + "/release", null);
        Api.Response done = admin.patch("/api/v1/privacy/requests/" + requestId, new JsonObject().put("state", "done"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(server.api().post("/api/v1/my-data", new JsonObject().put("pass", pass)).status()).isEqualTo(404);
    }

    static Instant at(Instant midnight, Duration sinceMidnight, int step) {
        return midnight.plus(sinceMidnight.multipliedBy(step).dividedBy(6));
    }

    static JsonObject checkIn(long site, String direction, JsonObject visitor, String bluezoneId, Instant at) {
        JsonObject bz = bluezoneId == null ? new JsonObject().put("status", "not_installed")
                : new JsonObject().put("status", "declared").put("bluezoneId", bluezoneId);
        Api.Response r = admin.checkIn(new JsonObject().put("siteId", site).put("direction", direction)
                .put("visitor", visitor).put("bluezone", bz).put("occurredAt", at.toString()));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    /** Every report over the sites and days, by site, district and province, and the stored daily rows. */
    static Map<String, Object> figures(String province, List<LocalDate> days, long... sites) {
        Map<String, Object> out = new LinkedHashMap<>();
        String p = URLEncoder.encode(province, StandardCharsets.UTF_8);
        for (LocalDate d : days) {
            for (String by : List.of("site", "district", "province")) {
                Api.Response r = admin.get("/api/v1/reports/daily?date=" + d + "&province=" + p + "&groupBy=" + by);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                out.put(d + " " + by, r.json().getMap());
            }
        }
        Long[] ids = java.util.Arrays.stream(sites).boxed().toArray(Long[]::new);
        List<String> stored = new ArrayList<>();
        for (Row r : Privacies.sql(server, "select site_id, day, entries, exits, unique_visitors, peak_occupancy,"
                + " hourly::text, bluezone::text from daily_site_stats where site_id = any($1) order by 1, 2",
                Tuple.tuple().addArrayOfLong(ids))) {
            stored.add(r.toJson().encode());
        }
        for (Row r : Privacies.sql(server, "select day, kind, district, unique_visitors, site_ids::text"
                + " from daily_area_stats where province = $1 order by 1, 2, 3", Tuple.of(province))) {
            stored.add(r.toJson().encode());
        }
        out.put("stored", stored);
        return out;
    }
}
