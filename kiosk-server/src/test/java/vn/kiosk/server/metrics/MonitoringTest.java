package vn.kiosk.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.http.Problems;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.SseClient;
import vn.kiosk.server.support.TestServer;

/** /metrics speaks one convention and has what the dashboard draws; failed requests are logged with their id. */
class MonitoringTest {
    static TestServer server;
    static Api admin;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        admin = server.admin();
    }

    @Test
    @DisplayName("Check-ins by method and result, latency per route, batch sizes, SSE, kiosks, pool: all kiosk_*, none vertx_*")
    void metricNames() throws Exception {
        long site = admin.createSite("office");
        assertThat(admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Lê Văn Tám", "0905 123 456")))
                .status()).isEqualTo(201);
        assertThat(admin.checkIn(new JsonObject().put("siteId", 987_654_321L).put("visitor", Api.visitor("Ai đó", null)))
                .status()).isEqualTo(404);
        String metrics;
        try (SseClient sse = new SseClient(server.baseUrl() + "/api/v1/sites/" + site + "/events", admin.token())) {
            assertThat(sse.awaitConnected()).isEqualTo(200);
            metrics = server.metrics();
        }
        assertThat(metrics)
                .containsPattern("kiosk_checkins_total\\{method=\"manual\",result=\"recorded\"} [1-9]")
                .containsPattern("kiosk_checkins_total\\{method=\"unknown\",result=\"refused\"} [1-9]")
                .contains("kiosk_http_server_response_time_seconds_bucket{code=\"201\",method=\"POST\",route=\"/api/v1/checkins\",le=\"0.01\"}")
                .contains("kiosk_http_server_requests_total{")
                .contains("kiosk_write_batch_size_count")
                .containsPattern("kiosk_sse_connections [1-9]")
                .contains("kiosk_kiosks_online").contains("kiosk_kiosks_paired")
                .contains("kiosk_pool_in_use{pool_name=\"kiosk\",pool_type=\"sql\"}")
                .contains("kiosk_pool_queue_pending{pool_name=\"kiosk\",pool_type=\"sql\"}")
                .contains("kiosk_db_pool_max ")
                .contains("jvm_memory_used_bytes");
        List<String> names = Arrays.stream(metrics.split("\n")).filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]")[0]).distinct().toList();
        assertThat(names).allMatch(n -> n.startsWith("kiosk_") || n.startsWith("jvm_") || n.startsWith("process_")
                || n.startsWith("system_"), "one naming convention");
        assertThat(metrics).as("no phone number or visitor name in any label").doesNotContain("905123456").doesNotContain("Tám");
    }

    @Test
    @DisplayName("Every kiosk_* series the Grafana dashboard queries exists in /metrics")
    void dashboardMatchesMetrics() throws Exception {
        admin.checkIn(new JsonObject().put("siteId", admin.createSite("market")).put("visitor", Api.visitor("Khách", null)));
        String metrics = server.metrics();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../packaging/grafana-kiosk.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("kiosk_[a-z_]+").matcher(dashboard);
        java.util.Set<String> used = new java.util.TreeSet<>();
        while (m.find()) {
            used.add(m.group());
        }
        assertThat(used).hasSizeGreaterThan(8);
        assertThat(used).allSatisfy(name -> assertThat(metrics).as(name).contains(name));
    }

    @Test
    @DisplayName("A failed request is logged with its request id, the one the answer carries")
    void failedRequestsNameTheirId() {
        Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        problems.addAppender(captured);
        try {
            Api.Response r = admin.postRaw("/api/v1/sites", "application/json", "{not json".getBytes());
            assertThat(r.status()).isEqualTo(400);
            String id = r.header("X-Request-Id");
            assertThat(id).isNotBlank();
            assertThat(captured.list).anySatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("requestId", id));
        } finally {
            problems.detachAppender(captured);
        }
    }
}
