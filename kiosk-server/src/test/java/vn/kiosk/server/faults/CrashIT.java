package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.AcknowledgedLoad;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.FaultScale;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TestServer;

/** The server process stops under load, hard or gracefully: every acknowledged check-in is in the log once. */
class CrashIT {

    @Test
    @DisplayName("After kill -9 under load and a restart, acknowledged check-ins are all stored once and retries add no duplicates")
    void killNineUnderLoad() throws Exception {
        stopUnderLoad("kill -9", ServerProcess::kill);
    }

    @Test
    @DisplayName("SIGTERM under load drains in-flight check-ins: all acknowledged ones are stored once")
    void sigtermUnderLoad() throws Exception {
        stopUnderLoad("SIGTERM", ServerProcess::terminate);
    }

    interface Stop {
        void apply(ServerProcess p) throws Exception;
    }

    private static void stopUnderLoad(String label, Stop stop) throws Exception {
        int before = FaultScale.pick(40, 5000); // acknowledged check-ins before the stop
        Path dir = Files.createTempDirectory("kiosk-crash-");
        long site;
        AcknowledgedLoad load;
        try (ServerProcess first = ServerProcess.start(dir, Map.of())) {
            Api admin = first.api().login("admin", TestServer.ADMIN_PASSWORD);
            site = admin.createSite("bus_station");
            load = new AcknowledgedLoad(admin, site, 16);
            // Fail only once the load is well under way, however slow the machine is today.
            long deadline = System.currentTimeMillis() + FaultScale.pick(60_000, 180_000);
            while (load.acknowledgedCount() < before && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            stop.apply(first);
            load.stop();
        }
        System.out.printf("%s: injected after %d sent, %d acknowledged; answers by status (0: none) %s%n", label,
                load.sentCount(), load.acknowledgedCount(), load.statuses());
        assertThat(load.acknowledgedCount()).isGreaterThanOrEqualTo(before);
        if (label.equals("SIGTERM")) {
            // Draining: what reached the server is answered, with the database still there; what came
            // after the port closed gets no answer (0) and is retried. No 5xx from a half-stopped server.
            assertThat(load.statuses().keySet()).as("statuses during a SIGTERM stop").allMatch(s -> s == 0 || s < 500);
        }
        try (ServerProcess again = ServerProcess.start(dir, Map.of())) {
            load.verify(again.api().login("admin", TestServer.ADMIN_PASSWORD), label);
        }
    }
}
