package vn.kiosk.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.MovableClock;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.Smsc;
import vn.kiosk.server.support.TestServer;

class SmsRestartTest {
    @Test
    @DisplayName("The server stopped while a submit_sm waits for its answer, with messages queued: after the restart"
            + " each message reaches the SMSC exactly once, and the interrupted one is never sent again")
    void exactlyOnceAcrossRestart() throws Exception {
        MovableClock clock = new MovableClock();
        clock.setTo(MovableClock.lastTimeOfDay(SmsReminderTest.VN, 10, 0));
        Path dir = Files.createTempDirectory("kiosk-sms-restart-");
        List<String> phones = new ArrayList<>();
        try (Smsc smsc = Smsc.start()) {
            Map<String, String> env = new HashMap<>(smsc.env());
            TestServer first = TestServer.start(dir, env, clock);
            try {
                Api admin = first.admin();
                long site = admin.createSite("market");
                List<String> passes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String phone = Phones.next();
                    phones.add(phone);
                    passes.add(admin.checkIn(new JsonObject().put("siteId", site)
                            .put("visitor", Api.visitor("Khách " + i, phone))
                            .put("bluezone", new JsonObject().put("status", "not_installed"))).json().getString("pass"));
                }
                smsc.holdNext();
                assertThat(optIn(first, passes.get(0))).isEqualTo(200);
                assertThat(smsc.awaitHeld(20)).as("the first submit_sm reached the SMSC").isTrue();
                for (String pass : passes.subList(1, 4)) {
                    assertThat(optIn(first, pass)).isEqualTo(200);
                }
            } finally {
                first.close(); // the answer to the held submit_sm never came
            }
            System.out.println("stopped with " + smsc.submits().size() + " submit_sm received, one unanswered");

            java.time.Instant restarted = clock.instant();
            try (TestServer second = TestServer.start(dir, env, clock)) {
                for (String phone : phones.subList(1, 4)) {
                    SmsReminderTest.waitFor("the reminder to " + phone.substring(0, 3),
                            () -> smsc.messagesTo(SmsReminderTest.dest(phone)).size() == 1);
                }
                SmsReminderTest.waitFor("an empty queue, every receipt in", () -> states(second).stream()
                        .noneMatch(st -> st.equals("queued") || st.equals("sent")));
                second.server().sms().orElseThrow().plan().await(10, TimeUnit.SECONDS);
                List<String> states = states(second);
                System.out.println("after the restart: " + states + ", " + smsc.submits().size() + " submit_sm received");
                assertThat(states).containsExactlyInAnyOrder("sending", "delivered", "delivered", "delivered");
                Row interrupted = second.server().pool().query("select sending_at, error from sms_outbox"
                        + " where state = 'sending'").execute().await().iterator().next();
                assertThat(interrupted.getOffsetDateTime("sending_at").toInstant())
                        .as("taken before the restart, never again").isBefore(restarted);
                assertThat(interrupted.getString("error")).startsWith("outcome unknown");
            }
            String interrupted = SmsReminderTest.dest(phones.get(0));
            assertThat(smsc.submits().stream().filter(s -> s.dest().equals(interrupted)).count())
                    .as("the interrupted message was not sent again").isEqualTo(1);
            for (String phone : phones.subList(1, 4)) {
                List<Smsc.Submit> got = smsc.submits().stream().filter(s -> s.dest().equals(SmsReminderTest.dest(phone)))
                        .toList();
                assertThat(got).hasSize(smsc.messagesTo(SmsReminderTest.dest(phone)).get(0).parts());
            }
        }
    }

    private static int optIn(TestServer server, String pass) {
        return server.api().post("/api/v1/sms/consent", new JsonObject().put("pass", pass).put("optIn", true)).status();
    }

    private static List<String> states(TestServer server) {
        List<String> out = new ArrayList<>();
        for (Row r : server.server().pool().query("select state from sms_outbox order by id").execute().await()) {
            out.add(r.getString("state"));
        }
        return out;
    }
}
