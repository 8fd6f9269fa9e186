package vn.kiosk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * {@code /metrics} tells an outsider how busy every entrance is and how the server is built: it is served to
 * the monitoring system only, with its token on the public port, or on a port of its own on loopback.
 */
class MetricsAccessTest {

    @Test
    @DisplayName("/metrics on the public port: refused without the metrics token, with a wrong one or a staff sign-in; served with it")
    void tokenOnThePublicPort() {
        TestServer server = TestServer.shared();
        for (Api caller : new Api[] {server.api(), server.api().as("not-the-metrics-token"), server.admin()}) {
            Api.Response r = caller.get("/metrics");
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().getString("type")).endsWith("/metrics-token");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(r.body()).doesNotContain("kiosk_").doesNotContain("jvm_");
        }
        assertThat(server.metrics()).contains("kiosk_sse_connections").contains("jvm_memory_used_bytes");
    }

    @Test
    @DisplayName("KIOSK_METRICS_PORT serves /metrics on loopback only, without a token, and nothing else")
    void portOfItsOwn() throws Exception {
        try (TestServer server = TestServer.start(Files.createTempDirectory("kiosk-metrics-"),
                Map.of(Config.METRICS_PORT, "0"))) {
            int port = server.server().metricsPort();
            assertThat(port).isPositive().isNotEqualTo(server.server().port());
            Api local = new Api("http://127.0.0.1:" + port);
            Api.Response metrics = local.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("kiosk_sse_connections").contains("jvm_memory_used_bytes");
            assertThat(local.get("/api/v1/sites").status()).isEqualTo(404);
            assertThat(local.get("/").status()).isEqualTo(404);
            assertThat(server.api().get("/metrics").status()).as("the public port still asks for the token")
                    .isEqualTo(401);

            Optional<InetAddress> lan = lanAddress();
            assumeTrue(lan.isPresent(), "this machine has no address but loopback");
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(lan.get(), port), 2000);
                }
            }).as("not reachable on " + lan.get()).isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> lanAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
