package vn.kiosk.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL holds the entry log: another local user of the machine must not get in as its
 * superuser, over TCP or its Unix socket, while the server's own connection keeps working across restarts and
 * on data dirs an earlier release left trusting every local connection.
 */
class EmbeddedPasswordTest {
    private static final Path PSQL = Path.of("/usr/bin/psql");

    @Test
    @DisplayName("A fresh embedded PostgreSQL refuses the superuser without its password, by JDBC and by psql over TCP and the socket")
    void freshRefusesWithoutPassword() throws Exception {
        Path dataDir = Files.createTempDirectory("kiosk-pg-fresh-");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertLockedDown(db, dataDir);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertThat(query(db.target(), "select 1")).as("a restart connects with the same password").isEqualTo("1");
            assertLockedDown(db, dataDir);
        }
    }

    @Test
    @DisplayName("A data dir made trusting every local connection (as releases up to v0.1.0 did) is converted on start, keeps its data, and restarts")
    void oldTrustDirIsConverted() throws Exception {
        Path dataDir = Files.createTempDirectory("kiosk-pg-trust-");
        // What an earlier release did: zonky's defaults, initdb -A trust, no password anywhere.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (note text); insert into kept values ('sổ ra vào')");
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertThat(query(db.target(), "select note from kept")).isEqualTo("sổ ra vào");
            assertLockedDown(db, dataDir);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertThat(query(db.target(), "select note from kept")).as("it restarts converted").isEqualTo("sổ ra vào");
            assertLockedDown(db, dataDir);
        }
    }

    private static void assertLockedDown(EmbeddedDatabase db, Path dataDir) throws Exception {
        int port = db.target().port();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).as("JDBC with no password")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).as("JDBC with a guessed password")
                .isInstanceOf(SQLException.class);
        String socketDir = query(db.target(), "show unix_socket_directories").split(",")[0].trim();
        for (String host : List.of("127.0.0.1", "::1", socketDir)) {
            Psql r = psql(host, port);
            assertThat(r.exit).as("psql as postgres without a password via " + host + ": " + r.output).isNotZero();
            assertThat(r.output).as(host).containsAnyOf("password", "no pg_hba.conf entry");
        }
        List<String> methods = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                String[] f = l.split("\\s+");
                methods.add(f[f[0].equals("local") ? 3 : 4]);
            }
        }
        assertThat(methods).as("every local and host line of pg_hba.conf").isNotEmpty().containsOnly("scram-sha-256");
        Path file = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(db.target().password()).isEqualTo(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
    }

    private record Psql(int exit, String output) {
    }

    private static Psql psql(String host, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PSQL.toString(), "-X", "-w", "-h", host, "-p", String.valueOf(port),
                "-U", "postgres", "-d", "postgres", "-c", "select 1").redirectErrorStream(true);
        pb.environment().remove("PGPASSWORD");
        pb.environment().put("PGPASSFILE", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Psql(p.exitValue(), out);
    }

    private static String query(DbTarget t, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", t.user());
        p.setProperty("password", t.password());
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
