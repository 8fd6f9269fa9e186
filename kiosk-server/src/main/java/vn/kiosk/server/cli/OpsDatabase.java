package vn.kiosk.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.db.DbTarget;
import vn.kiosk.server.db.EmbeddedDatabase;

/**
 * The database a command works on: the external one of {@code KIOSK_DB_URL};
 * the embedded one of a running server (found through its
 * {@code postmaster.pid}); or the embedded one started here, and stopped
 * again when the command is done, while no server uses the data dir.
 */
final class OpsDatabase implements AutoCloseable {
    private final DbTarget target;
    private final EmbeddedDatabase startedHere;
    private final String description;

    private OpsDatabase(DbTarget target, EmbeddedDatabase startedHere, String description) {
        this.target = target;
        this.startedHere = startedHere;
        this.description = description;
    }

    /** {@code mayUseRunning}: a backup reads beside a running server; a restore must have the data dir to itself. */
    static OpsDatabase open(Config config, boolean mayUseRunning) throws IOException {
        if (config.dbUrl().isPresent()) {
            return new OpsDatabase(DbTarget.of(config.dbUrl().get()), null, config.dbUrl().get().toString());
        }
        try {
            EmbeddedDatabase db = EmbeddedDatabase.start(config.dataDir());
            return new OpsDatabase(db.target(), db, "the embedded database in " + config.dataDir());
        } catch (EmbeddedDatabase.DataDirInUseException e) {
            if (!mayUseRunning) {
                throw new Commands.OpsException("A Kiosk server is running on the data dir " + config.dataDir()
                        + "; stop it first (systemctl stop kiosk).", 3);
            }
            int port = runningPort(config.dataDir().resolve("postgres"));
            return new OpsDatabase(EmbeddedDatabase.running(config.dataDir(), port), null,
                    "the embedded database of the running server (port " + port + ")");
        }
    }

    /** The port of the postmaster serving {@code pgData}, from the fourth line of postmaster.pid. */
    static int runningPort(Path pgData) throws IOException {
        Path pid = pgData.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            throw new Commands.OpsException("The data dir is in use but its PostgreSQL is not running yet ("
                    + pid + " is missing); try again in a moment.", 3);
        }
        List<String> lines = Files.readAllLines(pid);
        try {
            long processId = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false)) {
                return Integer.parseInt(lines.get(3).trim());
            }
        } catch (RuntimeException e) {
            // unreadable: fall through
        }
        throw new Commands.OpsException("Could not find the running embedded PostgreSQL from " + pid, 3);
    }

    DbTarget target() {
        return target;
    }

    String description() {
        return description;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", target.user());
        p.setProperty("password", target.password());
        p.setProperty("ApplicationName", "kiosk-ops");
        p.setProperty("connectTimeout", "10");
        Connection c = DriverManager.getConnection(target.jdbcUrl(), p);
        try (Statement s = c.createStatement()) {
            // COPY text depends on these; the same on both ends makes the dump exact and portable.
            s.execute("set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres';"
                    + " set extra_float_digits = 3; set bytea_output = 'hex'; set statement_timeout = 0;"
                    + " set idle_in_transaction_session_timeout = 0");
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
