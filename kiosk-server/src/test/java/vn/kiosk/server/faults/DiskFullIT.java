package vn.kiosk.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.AcknowledgedLoad;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.FaultScale;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TestServer;

/**
 * The data dir lives on a small file system that fills up under load: the
 * server refuses check-ins with a 503 disk-full problem, says so in one log
 * line now and then, never acknowledges what it did not store, and takes
 * check-ins again as soon as space is freed, without a restart.
 */
class DiskFullIT {

    @Test
    @DisplayName("A full disk under load: 503 disk-full and one clear log line, nothing acknowledged that is not stored, recovery when space returns")
    void diskFull() throws Exception {
        int fullSeconds = FaultScale.pick(6, 30);
        Path mount = Files.createTempDirectory("kiosk-diskfull-");
        String mounted = run("mount", "-t", "tmpfs", "-o", "size=200m,mode=0755", "tmpfs", mount.toString());
        assumeTrue(mounted == null, "Mounting a small tmpfs needs root with mount permission (CI runs as root on a fresh"
                + " machine); here it failed: " + mounted);
        // The server's own log goes next to the mount point (ServerProcess), so it can still be written.
        Path log = mount.resolveSibling(mount.getFileName() + ".log");
        try {
            AcknowledgedLoad load;
            long heldSeconds;
            try (ServerProcess server = ServerProcess.start(mount, Map.of())) {
                Api admin = server.api().login("admin", TestServer.ADMIN_PASSWORD);
                long site = admin.createSite("market");
                long probeSite = admin.createSite("market"); // probes apart: some may land in pages with room left
                load = new AcknowledgedLoad(admin, site, 8);
                awaitAcknowledged(load, 100, "the load is under way");

                // A fresh WAL segment (16 MB, written out when created) first: PostgreSQL stops with a PANIC when
                // it cannot create a WAL file, but only refuses the statement (53100) when a table cannot grow.
                try (Connection c = embedded(mount); Statement s = c.createStatement()) {
                    s.execute("select pg_switch_wal()");
                }
                Thread.sleep(500); // the load's next commits create the new segment
                Path filler = mount.resolve("filler");
                long filled = fill(filler);
                int acknowledgedAtFull = load.acknowledgedCount();
                System.out.printf("disk full (%s): filled the data dir's file system with %d MB under load, after %d "
                        + "acknowledged; kept it full %d s%n", FaultScale.label(), filled >> 20, acknowledgedAtFull,
                        fullSeconds);

                // Kept full for fullSeconds, and on until a probe is refused: what fits in pages and WAL already
                // allocated is still taken, and on a slow machine the load may take a while to use it up.
                int refused = 0;
                long started = System.currentTimeMillis();
                long end = started + fullSeconds * 1000L;
                long latest = started + 90_000L;
                while (System.currentTimeMillis() < end || (refused == 0 && System.currentTimeMillis() < latest)) {
                    Api.Response r = admin.checkIn(new JsonObject().put("siteId", probeSite)
                            .put("visitor", Api.visitor("Người thử", "0917000" + String.format("%03d", refused))));
                    if (r.status() == 503) {
                        refused++;
                        assertThat(r.json().getString("type")).endsWith("/disk-full");
                        assertThat(r.header("Retry-After")).isNotNull();
                    }
                    Thread.sleep(250);
                }
                int acknowledgedWhileFull = load.acknowledgedCount() - acknowledgedAtFull;
                heldSeconds = (System.currentTimeMillis() - started) / 1000;
                assertThat(refused).as("check-ins refused while the disk is full").isPositive();

                Files.delete(filler);
                System.out.println("disk full: freed the space");
                awaitAcknowledged(load, load.acknowledgedCount() + 100, "check-ins resume without a restart");
                load.stop();
                System.out.printf("disk full: %d probe check-ins refused with 503 disk-full in %d s; %d of the load's "
                        + "acknowledged while the disk was full (pages with room left)%n", refused, heldSeconds,
                        acknowledgedWhileFull);
                load.verify(admin, "disk full");
            }

            List<String> lines = Files.readAllLines(log);
            long diskLines = lines.stream().filter(l -> l.contains("disk is full")).count();
            long stackLines = lines.stream().filter(l -> l.startsWith("\tat ")).count();
            System.out.printf("disk full: %d log lines say the disk is full, %d stack trace lines%n", diskLines, stackLines);
            assertThat(diskLines).isBetween(1L, 2L + heldSeconds / 10);
            assertThat(stackLines).as("no stack trace flood").isZero();

            // Nothing corrupt: the database starts again from the same data dir and the log reads back the same.
            try (ServerProcess again = ServerProcess.start(mount, Map.of())) {
                load.verify(again.api().login("admin", TestServer.ADMIN_PASSWORD), "disk full, after a restart");
            }
        } finally {
            if (run("umount", "-l", mount.toString()) == null) {
                Files.deleteIfExists(mount);
            }
        }
    }

    /** Writes zeros until the file system says it is full; returns how many bytes fit. */
    private static long fill(Path file) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        // top up the last partial megabyte byte by byte in bigger steps down to a page
        for (int size = 1 << 19; size >= 4096; size >>= 1) {
            try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
                out.write(new byte[size]);
                written += size;
            } catch (IOException e) {
                // this step did not fit; try a smaller one
            }
        }
        return written;
    }

    /** The embedded PostgreSQL of the server on this data dir, by the port in its postmaster.pid. */
    private static Connection embedded(Path dataDir) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        int port = Integer.parseInt(pid.get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
                vn.kiosk.server.db.EmbeddedDatabase.running(dataDir, port).password());
    }

    private static void awaitAcknowledged(AcknowledgedLoad load, int count, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (load.acknowledgedCount() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(load.acknowledgedCount()).as(what).isGreaterThanOrEqualTo(count);
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? null : out.isBlank() ? "exit " + p.exitValue() : out.trim();
    }
}
