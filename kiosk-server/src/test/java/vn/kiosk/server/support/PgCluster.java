package vn.kiosk.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate PostgreSQL 15 server (Debian's, run as the postgres user, which it
 * insists on) for tests that stop and start the database under the server.
 */
public final class PgCluster implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;

    private PgCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PgCluster create() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is missing: apt-get install -y postgresql-15");
        }
        Path dir = postgresDir("kiosk-pg15-");
        int port = freePort();
        asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "--auth=trust", "-U",
                "postgres", "--encoding=UTF8", "--no-instructions");
        PgCluster cluster = new PgCluster(dir, port);
        cluster.start();
        return cluster;
    }

    public int port() {
        return port;
    }

    /**
     * A hot standby of this cluster on this machine: a base backup with
     * {@code -R} (standby.signal and primary_conninfo), then streaming. initdb's
     * default pg_hba.conf already lets local replication connections in.
     */
    public PgCluster replica() throws Exception {
        Path dir = postgresDir("kiosk-pg15-replica-");
        asPostgres(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "postgres", "-D", dir.resolve("data").toString(), "-R", "-X", "stream", "-c", "fast");
        PgCluster replica = new PgCluster(dir, freePort());
        replica.start();
        return replica;
    }

    public String url() {
        return "postgresql://postgres:unused@127.0.0.1:" + port + "/postgres";
    }

    /** A JDBC connection as the superuser, for checks the API does not offer. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** The first column of the first row, as a long. */
    public long queryLong(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs a statement or a function for its effect. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public void start() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1", "start");
    }

    /** Fast shutdown: clients are disconnected at once. */
    public void stop() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (IllegalStateException e) {
            // already stopped
        }
    }

    /** Runs an SQL script (a plain pg_dump, for instance) with Debian's psql 15, stopping at the first error. */
    public static void psql(int port, Path script) throws Exception {
        if (!Files.isExecutable(BIN.resolve("psql"))) {
            throw new IllegalStateException("psql 15 is missing: apt-get install -y postgresql-15");
        }
        run(BIN.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres", "-d", "postgres", "-f", script.toString());
    }

    private static Path postgresDir(String prefix) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        run("chown", "postgres", dir.toString());
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void asPostgres(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        run(cmd.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
