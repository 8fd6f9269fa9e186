package vn.kiosk.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.RawStream;
import vn.kiosk.server.support.TestServer;

/**
 * However an event stream ends, it gives back what it held: its keep-alive timer, its event-bus consumer and its
 * place in {@code kiosk_sse_connections}. A server of its own, so no other test's streams move the figures.
 */
class StreamEndTest {
    private static final Path LOG = Path.of("target/test-server.log");
    /** A little over the keep-alive period of a stream: what a leaked timer would write in. */
    private static final long ONE_KEEP_ALIVE_MS = 21_000;
    /** How long a stopping server waits for requests in flight (ApiVerticle.DRAIN_SECONDS). */
    private static final long DRAIN_MS = 10_000;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Files.createTempDirectory("kiosk-streams-"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("A stream closed by the client, reset, or ended by a sign-out, a disabled user or a revoked kiosk gives back its timer and consumer, once")
    void everyEndGivesBack() throws Exception {
        Api admin = server.admin();
        long site = admin.createSite("office");
        String path = "/api/v1/sites/" + site + "/events";
        Api signsOut = admin.userFor("manager", List.of(site));
        Api disabled = admin.userFor("guard", List.of(site));
        JsonObject paired = admin.pairKiosk(site, "entry");
        // One stream opened first and kept, so the site stays watched and the baseline holds its consumers.
        try (RawStream keeper = open(path, admin.token())) {
            double streams0 = gauge("kiosk_sse_connections");
            double handlers0 = gauge("kiosk_eventbus_handlers");
            long logFrom = Files.size(LOG);

            RawStream closes = open(path, admin.token());
            RawStream resets = open(path, admin.token());
            RawStream bySignedOut = open(path, signsOut.token());
            RawStream byDisabled = open(path, disabled.token());
            RawStream byKiosk = open(path, paired.getString("deviceToken"));
            assertThat(gauge("kiosk_sse_connections")).isEqualTo(streams0 + 5);
            assertThat(gauge("kiosk_eventbus_handlers")).isEqualTo(handlers0 + 5);

            closes.close();
            resets.reset();
            assertThat(signsOut.post("/api/v1/auth/logout", null).status()).isIn(200, 204);
            long disabledId = disabled.get("/api/v1/auth/me").json().getLong("id");
            assertThat(admin.patch("/api/v1/users/" + disabledId, new JsonObject().put("disabled", true)).status())
                    .isEqualTo(200);
            assertThat(admin.post("/api/v1/kiosks/" + paired.getLong("kioskId") + "/revoke", null).status())
                    .isEqualTo(200);
            for (RawStream ended : List.of(bySignedOut, byDisabled, byKiosk)) {
                assertThat(ended.awaitEnded(5000)).as("the server ends the stream").isTrue();
            }

            // Soft: a leak shows in every figure at once, the log's stack traces among them.
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(settled("kiosk_sse_connections", streams0)).as("open streams back where they were")
                    .isEqualTo(streams0);
            soft.assertThat(settled("kiosk_eventbus_handlers", handlers0)).as("event-bus consumers back where they were")
                    .isEqualTo(handlers0);

            Thread.sleep(ONE_KEEP_ALIVE_MS);
            admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người đến sau", null)));
            Thread.sleep(500);
            soft.assertThat(keeper.text()).as("the stream still open carries on").contains("Người đến sau");
            for (RawStream ended : List.of(bySignedOut, byDisabled, byKiosk)) {
                soft.assertThat(ended.afterEnd()).as("nothing written after the end of a stream").isEmpty();
                ended.close();
            }
            soft.assertThat(gauge("kiosk_sse_connections")).isEqualTo(streams0);
            soft.assertThat(logSince(logFrom)).as("no stack trace in the log from an ended stream")
                    .doesNotContain("\tat ").doesNotContain("Unhandled exception");
            soft.assertAll();
        }
    }

    @Test
    @DisplayName("A stopping server ends its streams at once, without waiting out the drain and without a stack trace")
    void stoppingEndsStreams() throws Exception {
        TestServer own = TestServer.start(Files.createTempDirectory("kiosk-streams-stop-"), Map.of());
        Api admin = own.admin();
        long site = admin.createSite("office");
        long logFrom = Files.size(LOG);
        try (RawStream a = new RawStream(own.server().port(), "/api/v1/sites/" + site + "/events", admin.token());
             RawStream b = new RawStream(own.server().port(), "/api/v1/sites/" + site + "/events", admin.token())) {
            assertThat(a.awaitStatus()).isEqualTo(200);
            assertThat(b.awaitStatus()).isEqualTo(200);
            long t0 = System.nanoTime();
            own.close();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("stopped without waiting out the 10 s drain")
                    .isLessThan(DRAIN_MS);
            assertThat(a.awaitEnded(1000)).isTrue();
            assertThat(b.awaitEnded(1000)).isTrue();
        }
        assertThat(logSince(logFrom)).as("no stack trace in the log from a stopping server's streams")
                .doesNotContain("\tat ").doesNotContain("Unhandled exception");
    }

    private static RawStream open(String path, String token) throws Exception {
        RawStream s = new RawStream(server.server().port(), path, token);
        assertThat(s.awaitStatus()).isEqualTo(200);
        return s;
    }

    /** The sum of every series of a metric. */
    private static double gauge(String name) {
        double sum = 0;
        for (String line : server.metrics().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The metric once it reached {@code expected}, or its value after five seconds. */
    private static double settled(String name, double expected) throws InterruptedException {
        double v = gauge(name);
        for (int i = 0; i < 50 && v != expected; i++) {
            Thread.sleep(100);
            v = gauge(name);
        }
        return v;
    }

    private static String logSince(long offset) throws Exception {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }
}
