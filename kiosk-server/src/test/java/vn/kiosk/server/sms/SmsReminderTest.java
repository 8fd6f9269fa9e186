package vn.kiosk.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.MovableClock;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.Smsc;
import vn.kiosk.server.support.TestServer;

/**
 * SMS reminders against a real SMPP server on loopback: what the SMSC receives is decoded from its UCS-2 bytes and
 * concatenation headers; the server's clock is moved instead of waiting for days or closing times.
 */
class SmsReminderTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String INSTALL = "Bạn chưa cài Bluezone. Hãy cài để phòng, chống COVID-19: https://bluezone.gov.vn"
            + " Nhắn TU CHOI để ngừng nhận tin.\n"
            + "You have not installed Bluezone yet. Please install it: https://bluezone.gov.vn Reply STOP to opt out.";

    static Smsc smsc;
    static TestServer server;
    static final MovableClock clock = new MovableClock();
    static Instant base;
    static Api admin;

    @BeforeAll
    static void start() throws Exception {
        smsc = Smsc.start();
        base = MovableClock.lastTimeOfDay(VN, 10, 0);
        clock.setTo(base);
        Map<String, String> env = new HashMap<>(smsc.env());
        env.put("KIOSK_SMS_INSTALL_EVERY_DAYS", "2");
        server = TestServer.start(Files.createTempDirectory("kiosk-sms-"), env, clock);
        admin = server.admin();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smsc.close();
    }

    @BeforeEach
    void atTen() {
        clock.setTo(base);
    }

    static String dest(String phone) {
        return "84" + phone.substring(1);
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Checks in someone new with the Bluezone answer given; returns the check-in answer. */
    static JsonObject checkIn(long site, String phone, String bluezone) {
        JsonObject bz = new JsonObject().put("status", bluezone);
        if (bluezone.equals("declared")) {
            bz.put("bluezoneId", "AB12CD");
        }
        Api.Response r = admin.checkIn(new JsonObject().put("siteId", site)
                .put("visitor", Api.visitor("Trần Văn Bình", phone)).put("bluezone", bz));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    static Api.Response optIn(String pass, boolean optIn) {
        return server.api().post("/api/v1/sms/consent", new JsonObject().put("pass", pass).put("optIn", optIn));
    }

    static int plan() throws Exception {
        return server.server().sms().orElseThrow().plan().await(10, TimeUnit.SECONDS);
    }

    static List<Row> outbox(String kind, long visitorId) throws Exception {
        var rows = server.server().pool().preparedQuery("select * from sms_outbox where kind = $1 and visitor_id = $2 order by id")
                .execute(Tuple.of(kind, visitorId)).await(10, TimeUnit.SECONDS);
        List<Row> out = new java.util.ArrayList<>();
        rows.forEach(out::add);
        return out;
    }

    @Test
    @DisplayName("Opting in from the phone sends the install reminder: exact Vietnamese text in UCS-2, numbered parts, receipt stored")
    void installReminder() throws Exception {
        long site = admin.createSite("market");
        String phone = Phones.next();
        JsonObject in = checkIn(site, phone, "not_installed");
        long visitor = in.getJsonObject("visitor").getLong("id");
        Api.Response r = optIn(in.getString("pass"), true);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getBoolean("optedIn")).isTrue();
        assertThat(r.json().getString("via")).isEqualTo("self");

        waitFor("the install reminder", () -> smsc.messagesTo(dest(phone)).size() == 1);
        Smsc.Message m = smsc.messagesTo(dest(phone)).get(0);
        assertThat(m.text()).isEqualTo(INSTALL);
        assertThat(m.parts()).isEqualTo((INSTALL.length() + 66) / 67);
        List<Smsc.Submit> parts = smsc.submits().stream().filter(s -> s.dest().equals(dest(phone))).toList();
        int ref = parts.get(0).shortMessage()[3];
        for (int i = 0; i < parts.size(); i++) {
            Smsc.Submit s = parts.get(i);
            assertThat(s.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(s.esmClass() & 0x40).isEqualTo(0x40);
            assertThat(s.registeredDelivery() & 0x03).isEqualTo(1);
            assertThat(s.source()).isEqualTo("KIOSK");
            assertThat(s.shortMessage().length).isLessThanOrEqualTo(140);
            assertThat(new int[] {s.shortMessage()[0], s.shortMessage()[1], s.shortMessage()[2], s.shortMessage()[3],
                    s.shortMessage()[4], s.shortMessage()[5]}).containsExactly(5, 0, 3, ref, parts.size(), i + 1);
        }

        waitFor("the receipts stored against the message", () -> {
            try {
                return outbox("install", visitor).get(0).getString("state").equals("delivered");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Row row = outbox("install", visitor).get(0);
        assertThat(row.getArrayOfStrings("smsc_ids")).containsExactlyElementsOf(m.messageIds());
        assertThat(row.getBuffer("phone_enc")).as("the number is dropped once sent").isNull();
        Api.Response status = server.api().post("/api/v1/sms/consent/status", new JsonObject().put("pass", in.getString("pass")));
        assertThat(status.json().getBoolean("optedIn")).isTrue();
    }

    @Test
    @DisplayName("The install reminder repeats at most every N days, and stops once a later visit says installed")
    void installRepeats() throws Exception {
        long site = admin.createSite("school");
        String phone = Phones.next();
        JsonObject in = checkIn(site, phone, "not_installed");
        assertThat(optIn(in.getString("pass"), true).status()).isEqualTo(200);
        waitFor("the first reminder", () -> smsc.messagesTo(dest(phone)).size() == 1);

        long visitor = in.getJsonObject("visitor").getLong("id");
        clock.setTo(base.plus(Duration.ofDays(1)));
        plan();
        clock.setTo(base.plus(Duration.ofDays(2)).minusSeconds(60));
        plan();
        assertThat(outbox("install", visitor)).hasSize(1);
        clock.setTo(base.plus(Duration.ofDays(2)).plusSeconds(60));
        plan();
        waitFor("the second reminder", () -> smsc.messagesTo(dest(phone)).size() == 2);
        assertThat(smsc.messagesTo(dest(phone)).get(1).text()).isEqualTo(INSTALL);

        admin.checkIn(new JsonObject().put("siteId", site).put("direction", "out").put("pass", in.getString("pass")));
        admin.checkIn(new JsonObject().put("siteId", site).put("pass", in.getString("pass"))
                .put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "XY34ZW")));
        clock.setTo(base.plus(Duration.ofDays(5)));
        plan();
        clock.setTo(base.plus(Duration.ofDays(7)));
        plan();
        assertThat(outbox("install", visitor)).hasSize(2);
        assertThat(smsc.messagesTo(dest(phone))).hasSize(2);
    }

    @Test
    @DisplayName("A reply 'Từ chối' from the visitor's number opts them out: nothing more is sent")
    void replyOptsOut() throws Exception {
        long site = admin.createSite("hospital");
        String phone = Phones.next();
        JsonObject in = checkIn(site, phone, "not_installed");
        assertThat(optIn(in.getString("pass"), true).status()).isEqualTo(200);
        waitFor("the first reminder", () -> smsc.messagesTo(dest(phone)).size() == 1);

        smsc.reply(dest(phone), "Từ chối");
        waitFor("the opt-out", () -> !server.api().post("/api/v1/sms/consent/status",
                new JsonObject().put("pass", in.getString("pass"))).json().getBoolean("optedIn"));
        assertThat(server.api().post("/api/v1/sms/consent/status", new JsonObject().put("pass", in.getString("pass")))
                .json().getString("via")).isEqualTo("reply");

        clock.setTo(base.plus(Duration.ofDays(3)));
        plan();
        assertThat(smsc.messagesTo(dest(phone))).hasSize(1);
        assertThat(outbox("install", in.getJsonObject("visitor").getLong("id"))).hasSize(1);
    }

    @Test
    @DisplayName("Staff opt a visitor in on their visit; the check-out reminder goes shortly before the maximum stay ends")
    void checkoutBeforeMaxStay() throws Exception {
        long site = admin.createSite("hospital");
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("maxStayMinutes", 60));
        Api guard = admin.userFor("guard", List.of(site));
        String phone = Phones.next();
        String leaver = Phones.next();
        JsonObject in = checkIn(site, phone, "declared");
        JsonObject gone = checkIn(site, leaver, "declared");
        for (JsonObject v : List.of(in, gone)) {
            Api.Response r = guard.post("/api/v1/sites/" + site + "/visits/" + v.getString("visitId") + "/sms-consent",
                    new JsonObject().put("optIn", true));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().getString("via")).isEqualTo("staff");
        }
        guard.post("/api/v1/sites/" + site + "/visits/" + gone.getString("visitId") + "/exit", null);

        long visitor = in.getJsonObject("visitor").getLong("id");
        clock.setTo(base.plus(Duration.ofMinutes(40)));
        plan();
        assertThat(outbox("checkout", visitor)).isEmpty();
        clock.setTo(base.plus(Duration.ofMinutes(46)));
        plan();
        waitFor("the check-out reminder", () -> smsc.messagesTo(dest(phone)).size() == 1);
        String due = DateTimeFormatter.ofPattern("HH:mm").format(OffsetDateTime.parse(in.getString("occurredAt"))
                .plusMinutes(60).atZoneSameInstant(VN));
        String name = admin.get("/api/v1/sites/" + site).json().getString("name");
        assertThat(smsc.messagesTo(dest(phone)).get(0).text()).isEqualTo("Bạn vẫn đang ở " + name
                + "? Hãy khai báo ra trước " + due + ". Nhắn TU CHOI để ngừng nhận tin.\nStill at " + name
                + "? Please check out before " + due + ". Reply STOP to opt out.");
        plan();
        assertThat(outbox("checkout", visitor)).as("once per visit").hasSize(1);
        assertThat(smsc.messagesTo(dest(leaver))).as("someone who left is not reminded").isEmpty();
    }

    @Test
    @DisplayName("The check-out reminder goes shortly before the site's closing time")
    void checkoutBeforeClosing() throws Exception {
        long site = admin.createSite("office");
        admin.patch("/api/v1/sites/" + site, new JsonObject()
                .put("openingHours", new JsonObject().put("opens", "07:00").put("closes", "17:30")));
        String phone = Phones.next();
        JsonObject in = checkIn(site, phone, "declared");
        assertThat(optIn(in.getString("pass"), true).status()).isEqualTo(200);
        Instant closing = base.atZone(VN).withHour(17).withMinute(30).toInstant();
        long visitor = in.getJsonObject("visitor").getLong("id");
        clock.setTo(closing.minus(Duration.ofMinutes(20)));
        plan();
        assertThat(outbox("checkout", visitor)).isEmpty();
        clock.setTo(closing.minus(Duration.ofMinutes(10)));
        plan();
        waitFor("the check-out reminder", () -> smsc.messagesTo(dest(phone)).size() == 1);
        assertThat(smsc.messagesTo(dest(phone)).get(0).text()).contains("Hãy khai báo ra trước 17:30.")
                .contains("Please check out before 17:30.");
    }

    @Test
    @DisplayName("Opting out from the phone cancels what is queued; choices are refused clearly and change nothing")
    void optOutAndBadInput() throws Exception {
        long site = admin.createSite("shop");
        String phone = Phones.next();
        JsonObject in = checkIn(site, phone, "not_installed");
        Api.Response out = optIn(in.getString("pass"), false);
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().getBoolean("optedIn")).isFalse();
        plan();
        assertThat(outbox("install", in.getJsonObject("visitor").getLong("id"))).isEmpty();

        Api.Response bad = server.api().post("/api/v1/sms/consent", new JsonObject().put("pass", "v1.1.2.abc.def")
                .put("optIn", true));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().getString("type")).endsWith("invalid-pass");
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        Api.Response notBool = server.api().post("/api/v1/sms/consent", new JsonObject().put("pass", in.getString("pass"))
                .put("optIn", "yes"));
        assertThat(notBool.status()).isEqualTo(400);

        Api.Response nameOnly = admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Lê Thị Hoa", null)));
        Api.Response noPhone = admin.post("/api/v1/sites/" + site + "/visits/" + nameOnly.json().getString("visitId")
                + "/sms-consent", new JsonObject().put("optIn", true));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.json().getString("type")).endsWith("no-phone");
        assertThat(server.api().get("/api/v1/sms").json().getBoolean("enabled")).isTrue();
        assertThat(smsc.messagesTo(dest(phone))).isEmpty();
    }

    @Test
    @DisplayName("The SMSC down, then up again: the server binds again by itself and sends what waited")
    void smscDownThenUp() throws Exception {
        int port = smsc.port();
        int bindsBefore = smsc.binds();
        assertThat(bindsBefore).isGreaterThanOrEqualTo(1);
        smsc.close();
        // (a message submitted while the connection is going would count as "outcome unknown" and never go again)
        waitFor("the server to notice", () -> !server.server().sms().orElseThrow().bound());
        long site = admin.createSite("bus_station");
        String phone = Phones.next();
        JsonObject in = checkIn(site, phone, "not_installed");
        assertThat(optIn(in.getString("pass"), true).status()).isEqualTo(200);
        long visitor = in.getJsonObject("visitor").getLong("id");
        waitFor("the reminder queued", () -> {
            try {
                return outbox("install", visitor).size() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        smsc = Smsc.start(port);
        waitFor("the reminder after the SMSC came back", () -> smsc.messagesTo(dest(phone)).size() == 1);
        assertThat(smsc.binds()).isEqualTo(1);
        assertThat(smsc.messagesTo(dest(phone)).get(0).text()).isEqualTo(INSTALL);
        assertThat(server.metrics()).contains("kiosk_sms_bound 1.0");
    }
}
