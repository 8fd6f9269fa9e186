package vn.kiosk.server.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL's only way in: its superuser with a random password kept in the data dir, readable
 * by the server's own account only, and {@code scram-sha-256} on every line of {@code pg_hba.conf}. Without it,
 * any account on the machine could connect as the superuser, read or rewrite the entry log and drop its audit
 * trigger.
 */
final class EmbeddedAuth {
    static final String METHOD = "scram-sha-256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Local connections only: the embedded server listens on localhost and its socket. */
    private static final List<String> HBA = List.of(
            "# Written by Kiosk at every start: the superuser's password is in <data dir>/"
                    + EmbeddedDatabase.PASSWORD_FILE + ". Edits here are overwritten.",
            "local   all           all                    " + METHOD,
            "host    all           all     127.0.0.1/32   " + METHOD,
            "host    all           all     ::1/128        " + METHOD,
            "local   replication   all                    " + METHOD,
            "host    replication   all     127.0.0.1/32   " + METHOD,
            "host    replication   all     ::1/128        " + METHOD);

    private EmbeddedAuth() {
    }

    static Optional<String> password(Path dataDir) throws IOException {
        Path file = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
                : Optional.empty();
    }

    /** The password of the data dir, made now if there is none; the file is owner-only from its first byte. */
    static String passwordOrNew(Path dataDir) throws IOException {
        Optional<String> existing = password(dataDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Path file = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, ownerOnly());
        Files.writeString(tmp, password + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /** Whether every local and host line already asks for the password. */
    static boolean locked(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        boolean any = false;
        for (String line : Files.readAllLines(hba)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            int method = f[0].equals("local") ? 3 : 4;
            if (f.length <= method || !f[method].equals(METHOD)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static void writeHba(Path pgData) {
        try {
            Path hba = pgData.resolve("pg_hba.conf");
            Path tmp = pgData.resolve("pg_hba.conf.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, ownerOnly());
            Files.write(tmp, HBA);
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write " + pgData.resolve("pg_hba.conf"), e);
        }
    }

    /**
     * Gives the superuser of a still trusting server its password (the client computes the SCRAM verifier, so
     * the password itself never reaches the server or its log), then makes every line ask for it, and waits
     * until the server does.
     */
    static void lock(int port, Path pgData, String password) throws SQLException, InterruptedException {
        try (Connection c = withoutPassword(port)) {
            c.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), METHOD);
            writeHba(pgData);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
        }
        for (int i = 0; i < 200; i++) { // the reload is a signal: the postmaster rereads the file soon after
            try (Connection c = withoutPassword(port)) {
                Thread.sleep(25);
            } catch (SQLException refused) {
                return;
            }
        }
        throw new SQLException("The embedded PostgreSQL still lets the superuser in without a password after "
                + pgData.resolve("pg_hba.conf") + " was rewritten");
    }

    private static Connection withoutPassword(int port) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", p);
    }

    private static FileAttribute<?>[] ownerOnly() {
        return Path.of(".").getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
