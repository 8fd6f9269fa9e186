package vn.kiosk.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL started from the data dir, durable like a production server: the
 * library's defaults (fsync off, synchronous_commit off) are overridden. Only
 * its superuser gets in, with the password in {@link #PASSWORD_FILE} (see
 * {@link EmbeddedAuth}). A lock file keeps a second server off the same data dir.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String PASSWORD_FILE = "postgres.password";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres, String password) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        return start(dataDir, true);
    }

    /**
     * {@code stopAtExit}: stop PostgreSQL from a JVM shutdown hook of its own. A server process passes false
     * and stops it last from its own hook: the two hooks would otherwise run at once, and PostgreSQL would be
     * gone while the server still drains the check-ins in flight.
     */
    public static EmbeddedDatabase start(Path dataDir, boolean stopAtExit) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve("kiosk.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by another server in this same JVM
        }
        if (lock == null) {
            channel.close();
            throw new DataDirInUseException("Another Kiosk server is already using the data dir " + dataDir
                    + ". Stop it first, or give this one its own KIOSK_DATA_DIR.");
        }
        try {
            Path pgData = dataDir.resolve("postgres");
            stopOrphan(pgData);
            String password = password(dataDir, pgData);
            return new EmbeddedDatabase(channel, lock, start(dataDir, pgData, password, stopAtExit), password);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** The superuser's password: the data dir's, or a new one for a cluster that has none yet. */
    private static String password(Path dataDir, Path pgData) throws IOException {
        if (Files.exists(pgData.resolve("PG_VERSION")) && EmbeddedAuth.locked(pgData)
                && EmbeddedAuth.password(dataDir).isEmpty()) {
            throw new IOException("The embedded PostgreSQL in " + pgData + " asks for a password, but "
                    + dataDir.resolve(PASSWORD_FILE) + " is missing. Put the file back (from where the data dir was"
                    + " copied from), or to set a new one: stop Kiosk, replace scram-sha-256 by trust in "
                    + pgData.resolve("pg_hba.conf") + " and start Kiosk once.");
        }
        return EmbeddedAuth.passwordOrNew(dataDir);
    }

    /**
     * A new cluster is made asking for the password from its first start. One an earlier release made, which
     * trusts every local connection, starts once as it is and is then given the password and locked.
     */
    private static EmbeddedPostgres start(Path dataDir, Path pgData, String password, boolean stopAtExit)
            throws IOException {
        boolean made = Files.exists(pgData.resolve("PG_VERSION"));
        boolean locked = made && EmbeddedAuth.locked(pgData);
        log.info("Starting embedded PostgreSQL in {}", pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("password_encryption", EmbeddedAuth.METHOD)
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(stopAtExit);
        if (!made) {
            // The library passes these "locale" settings to initdb as --name=value, after its own -A trust.
            builder.setLocaleConfig("auth", EmbeddedAuth.METHOD)
                    .setLocaleConfig("pwfile", dataDir.resolve(PASSWORD_FILE).toString());
        }
        if (!made || locked) {
            // Every start puts the file back as it must be, so an edit cannot quietly open the database again.
            builder.setDataDirectoryCustomizer(dir -> EmbeddedAuth.writeHba(dir.toPath()));
        }
        EmbeddedPostgres pg = builder.start();
        if (made && !locked) {
            try {
                EmbeddedAuth.lock(pg.getPort(), pgData, password);
            } catch (java.sql.SQLException | InterruptedException e) {
                pg.close();
                throw new IOException("Could not give the embedded PostgreSQL in " + pgData + " a password", e);
            }
            log.warn("The embedded PostgreSQL in {} let every local connection in as its superuser (as releases"
                    + " up to v0.1.0 set it up): it now asks for the password in {}", pgData,
                    dataDir.resolve(PASSWORD_FILE));
        }
        return pg;
    }

    /**
     * A server that crashed (kill -9, power loss of the JVM only) leaves its
     * PostgreSQL running. We hold the data dir's lock, so a postmaster still
     * serving it is such an orphan: ask it to stop (fast shutdown, which
     * keeps every committed transaction) before starting our own.
     */
    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on this data dir by a server that did not stop cleanly", pid);
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Could not stop the PostgreSQL left running on " + pgData + " (pid " + pid + ")", e);
        }
    }

    public DbTarget target() {
        return new DbTarget("localhost", postgres.getPort(), "postgres", "postgres", password);
    }

    /**
     * The embedded database of a server running on {@code dataDir} (a command beside it, a test): its
     * superuser's password, or any for a server of an earlier release, which does not ask for one.
     */
    public static DbTarget running(Path dataDir, int port) throws IOException {
        return new DbTarget("localhost", port, "postgres", "postgres",
                EmbeddedAuth.password(dataDir).orElse("postgres"));
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    public static final class DataDirInUseException extends IOException {
        public DataDirInUseException(String message) {
            super(message);
        }
    }
}
