package vn.kiosk.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.Smsc;
import vn.kiosk.server.support.TestServer;

class SmsInstancesTest {
    @Test
    @DisplayName("Of two instances on one database only one binds and sends; when it stops, the other takes over")
    void oneSenderAtATime() throws Exception {
        try (Smsc smsc = Smsc.start();
             TestServer db = TestServer.start(Files.createTempDirectory("kiosk-sms-db-"), Map.of())) {
            Map<String, String> env = new HashMap<>(smsc.env());
            env.put(Config.DB_URL, db.dbUrl());
            env.put("KIOSK_SMS_HOURS", "0-24");
            TestServer a = TestServer.start(db.sharingKeys(), env);
            TestServer b = TestServer.start(db.sharingKeys(), env);
            try {
                SmsReminderTest.waitFor("one sender", () -> sending(a) || sending(b));
                TestServer leader = sending(a) ? a : b;
                TestServer other = leader == a ? b : a;
                assertThat(sending(other)).isFalse();
                assertThat(smsc.binds()).isEqualTo(1);

                Api admin = db.admin();
                long site = admin.createSite("market");
                String first = Phones.next();
                optIn(other, admin, site, first);
                SmsReminderTest.waitFor("the reminder, sent by the leader",
                        () -> smsc.messagesTo(SmsReminderTest.dest(first)).size() == 1);

                leader.close();
                SmsReminderTest.waitFor("the other instance to take over", () -> sending(other));
                String second = Phones.next();
                optIn(other, admin, site, second);
                SmsReminderTest.waitFor("the reminder, sent by the new leader",
                        () -> smsc.messagesTo(SmsReminderTest.dest(second)).size() == 1);
                assertThat(smsc.binds()).isEqualTo(2);
                assertThat(smsc.messagesTo(SmsReminderTest.dest(first))).hasSize(1);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static boolean sending(TestServer s) {
        return s.server().sms().orElseThrow().sending();
    }

    private static void optIn(TestServer via, Api admin, long site, String phone) {
        String pass = admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Phan Văn Tài", phone))
                .put("bluezone", new JsonObject().put("status", "not_installed"))).json().getString("pass");
        Api.Response r = via.api().post("/api/v1/sms/consent", new JsonObject().put("pass", pass).put("optIn", true));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
