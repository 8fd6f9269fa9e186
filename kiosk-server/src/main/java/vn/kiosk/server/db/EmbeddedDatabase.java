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
 * library's defaults (fsync off, synchronous_commit off) are overridden. A
 * lock file keeps a second server off the same data dir.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
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
            log.info("Starting embedded PostgreSQL in {}", pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(channel, lock, pg);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public DbTarget target() {
        return new DbTarget("localhost", postgres.getPort(), "postgres", "postgres", "postgres");
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
