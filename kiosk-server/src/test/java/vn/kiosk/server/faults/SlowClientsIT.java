package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.AcknowledgedLoad;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.FaultScale;
import vn.kiosk.server.support.ProcessStats;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TestServer;

/**
 * Thousands of idle connections, open SSE streams and slowloris requests
 * (headers or body trickled a byte a second) against the server process,
 * while a normal client keeps checking visitors in.
 */
class SlowClientsIT {
    private static final int HEADER_TIMEOUT = 5;
    private static final int BODY_TIMEOUT = 6;

    /** One raw connection, read and written without blocking. */
    private static final class Conn {
        final String kind;
        final SocketChannel channel;
        final long openedNanos = System.nanoTime();
        final StringBuilder received = new StringBuilder();
        long closedNanos;

        Conn(String kind, int port, String first) throws IOException {
            this.kind = kind;
            this.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            write(first);
        }

        void write(String s) {
            try {
                ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
                while (b.hasRemaining() && channel.write(b) > 0) {
                    // the kernel buffer takes a few bytes at once
                }
            } catch (IOException e) {
                markClosed();
            }
        }

        /** Reads what arrived; notes the moment the server closed the connection. */
        boolean open() {
            if (closedNanos != 0) {
                return false;
            }
            ByteBuffer b = ByteBuffer.allocate(8192);
            try {
                int n;
                while ((n = channel.read(b)) > 0) {
                    if (received.length() < 4096) {
                        received.append(new String(b.array(), 0, n, StandardCharsets.ISO_8859_1));
                    }
                    b.clear();
                }
                if (n < 0) {
                    markClosed();
                }
            } catch (IOException e) {
                markClosed();
            }
            return closedNanos == 0;
        }

        double openSeconds() {
            return (closedNanos - openedNanos) / 1e9;
        }

        private void markClosed() {
            if (closedNanos == 0) {
                closedNanos = System.nanoTime();
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a closed socket
            }
        }
    }

    private static long openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return 1024;
    }

    @Test
    @DisplayName("Idle connections, SSE streams and slowloris requests do not stop check-ins; slow ones are cut on time, memory stays bounded")
    void hostileClients() throws Exception {
        // Both this JVM and the server need a descriptor per connection; Java raises its soft limit to the hard one.
        long fds = openFileLimit();
        double scale = Math.min(1.0, (fds - 500) / (double) FaultScale.pick(2300, 5500));
        if (scale < 1.0) {
            System.out.printf("slow clients: only %d open files allowed (ulimit -n); scaling the connections by %.2f%n",
                    fds, scale);
        }
        int idle = (int) (FaultScale.pick(1500, 3000) * scale);
        int slowHeaders = (int) (FaultScale.pick(300, 1000) * scale);
        int slowBodies = (int) (FaultScale.pick(300, 1000) * scale);
        int streams = (int) (FaultScale.pick(200, 500) * scale);
        Path dir = Files.createTempDirectory("kiosk-slow-");
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        List<Conn> all = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(dir, Map.of(
                Config.HTTP_HEADER_SECONDS, String.valueOf(HEADER_TIMEOUT),
                Config.HTTP_BODY_SECONDS, String.valueOf(BODY_TIMEOUT),
                Config.HTTP_MAX_HEADER_BYTES, "8192"))) {
            int port = Integer.parseInt(server.baseUrl().replaceAll(".*:", ""));
            Api admin = server.api().login("admin", TestServer.ADMIN_PASSWORD);
            long site = admin.createSite("hospital");
            ProcessStats before = ProcessStats.of(server.pid());
            AcknowledgedLoad load = new AcknowledgedLoad(admin, site, 4);
            long loadStart = System.nanoTime();
            Thread.sleep(3000); // the latency of check-ins alone, first
            long stormStart = System.nanoTime();

            // Headers larger than the limit: refused at once with 431, not buffered.
            Conn huge = new Conn("huge", port, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(12_000)
                    + "\r\n\r\n");
            for (int i = 0; i < idle; i++) {
                all.add(new Conn("idle", port, ""));
            }
            for (int i = 0; i < streams; i++) {
                all.add(new Conn("sse", port, "GET /api/v1/sites/" + site + "/events HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + admin.token() + "\r\nAccept: text/event-stream\r\n\r\n"));
            }
            for (int i = 0; i < slowHeaders; i++) {
                all.add(new Conn("slow-headers", port, "POST /api/v1/checkins HTTP/1.1\r\nHost: localhost\r\n"));
            }
            for (int i = 0; i < slowBodies; i++) {
                all.add(new Conn("slow-body", port, "POST /api/v1/checkins HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 900\r\n\r\n{"));
            }
            System.out.printf("slow clients (%s): injected %d idle connections, %d SSE streams, %d trickled headers, "
                    + "%d trickled bodies, one 12 kB header%n", FaultScale.label(), idle, streams, slowHeaders, slowBodies);

            // Trickle a byte a second into every slow request until the server has cut them all.
            String trickle = "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
            ProcessStats during = null;
            long deadline = System.nanoTime() + (BODY_TIMEOUT + 15) * 1_000_000_000L;
            for (int tick = 0; System.nanoTime() < deadline; tick++) {
                boolean slowOpen = false;
                for (Conn c : all) {
                    if (c.open()) {
                        if (c.kind.equals("slow-headers")) {
                            c.write(String.valueOf(trickle.charAt(tick % trickle.length())));
                        } else if (c.kind.equals("slow-body")) {
                            c.write("a");
                        }
                        slowOpen |= !c.kind.equals("sse");
                    }
                }
                huge.open();
                if (tick == 2) {
                    during = ProcessStats.of(server.pid());
                }
                if (!slowOpen && tick > 2) {
                    break;
                }
                Thread.sleep(1000);
            }
            long stormEnd = System.nanoTime();
            int acknowledgedMeanwhile = load.acknowledgedCount();
            load.stop();
            ProcessStats after = ProcessStats.of(server.pid());

            for (String kind : List.of("idle", "slow-headers", "slow-body")) {
                List<Conn> of = all.stream().filter(c -> c.kind.equals(kind)).toList();
                double first = of.stream().filter(c -> c.closedNanos != 0).mapToDouble(Conn::openSeconds).min().orElse(-1);
                double last = of.stream().filter(c -> c.closedNanos != 0).mapToDouble(Conn::openSeconds).max().orElse(-1);
                long stillOpen = of.stream().filter(Conn::open).count();
                System.out.printf("slow clients: %s: %d cut after %.1f–%.1f s, %d still open%n", kind,
                        of.size() - stillOpen, first, last, stillOpen);
                int limit = kind.equals("slow-body") ? BODY_TIMEOUT : HEADER_TIMEOUT;
                assertThat(stillOpen).as(kind + " connections still open").isZero();
                assertThat(first).as("the first " + kind + " connection was cut by the configured timeout")
                        .isGreaterThanOrEqualTo(limit - 0.5);
            }
            List<Conn> sse = all.stream().filter(c -> c.kind.equals("sse")).toList();
            long streamsOpen = sse.stream().filter(Conn::open).count();
            long streamsWithEvents = sse.stream().filter(c -> c.received.toString().startsWith("HTTP/1.1 200")
                    && c.received.toString().contains("event: checkin")).count();
            System.out.printf("slow clients: SSE streams still open %d of %d, %d received check-in events%n",
                    streamsOpen, streams, streamsWithEvents);
            assertThat(streamsOpen).as("SSE streams are the server's to hold open").isEqualTo(streams);
            assertThat(streamsWithEvents).isEqualTo(streams);
            assertThat(huge.received.toString()).startsWith("HTTP/1.1 431");

            System.out.printf("slow clients: server before %s, with the connections open %s, after %s%n",
                    before, during, after);
            System.out.printf("slow clients: check-ins sent %d, acknowledged %d; latency alone %s; while the "
                    + "connections were opened and held %s%n", load.sentCount(), load.acknowledgedCount(),
                    load.latencies(loadStart, stormStart), load.latencies(stormStart, stormEnd));
            assertThat(acknowledgedMeanwhile).as("check-ins served while the connections were held").isPositive();
            assertThat(load.acknowledgedCount()).as("every check-in of the normal client acknowledged")
                    .isEqualTo(load.sentCount());
            // JIT, GC and worker threads start on demand; a thread per connection would add thousands
            assertThat(during.threads()).as("no thread per connection").isLessThan(before.threads() + 40);
            assertThat(during.rssMb() - before.rssMb()).as("memory for the held connections, MB").isLessThan(300);

            double closedMetric = server.metrics().lines()
                    .filter(l -> l.startsWith("kiosk_http_slow_connections_closed_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            System.out.printf("slow clients: kiosk_http_slow_connections_closed_total %.0f%n", closedMetric);
            assertThat(closedMetric).isGreaterThanOrEqualTo(idle + slowHeaders + slowBodies);
            long warnings = Files.readAllLines(log).stream().filter(l -> l.contains("Closed a connection")).count();
            System.out.printf("slow clients: %d log lines about slow connections%n", warnings);
            assertThat(warnings).as("one line per doubling, not one per connection")
                    .isBetween(1L, 2L + (long) (Math.log(slowHeaders + slowBodies + idle) / Math.log(2)));
            load.verify(admin, "slow clients");
        } finally {
            for (Conn c : all) {
                c.channel.close();
            }
        }
    }
}
