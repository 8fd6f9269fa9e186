package vn.kiosk.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.kiosk.server.config.Config;

/**
 * {@code restore <file.zip>}: into an empty data dir or an empty database
 * only. The schema is migrated to the backup's version, the daily partitions
 * its rows need are created, every table is loaded in one transaction and
 * counted against the manifest, the sequences are moved past the restored
 * ids, and the keys are put back. The next start migrates onwards as usual.
 */
final class Restore {
    private Restore() {
    }

    static int run(Config config, Map<String, String> env, Path file, PrintStream out) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new Commands.OpsException(file + " does not exist", 66);
        }
        long t0 = System.nanoTime();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonObject manifest = manifest(zip, file);
            String version = manifest.getString("schemaVersion");
            checkKeys(zip, manifest, config.dataDir().resolve("keys"));
            try (OpsDatabase db = OpsDatabase.open(config, false)) {
                out.println("Restoring " + file + " (schema V" + version + ", written " + manifest.getString("createdAt")
                        + ") into " + db.description());
                try (Connection c = db.connect()) {
                    refuseUnlessEmpty(c, db.description(), version);
                }
                var flyway = db.target().flyway();
                MigrationVersion known = Arrays.stream(flyway.load().info().all()).map(i -> i.getVersion())
                        .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(null);
                if (known == null || MigrationVersion.fromVersion(version).compareTo(known) > 0) {
                    throw new Commands.OpsException("The backup was written by a newer Kiosk (schema V" + version
                            + "; this one knows up to V" + known + "): restore it with that version or newer", 65);
                }
                db.target().tablesUpTo(MigrationVersion.fromVersion(version)).migrate();
                long rows;
                try (Connection c = db.connect()) {
                    rows = load(c, zip, manifest, out);
                }
                List<String> keys = writeKeys(zip, manifest, config.dataDir().resolve("keys"));
                out.printf(Locale.ROOT, "Restored %d tables, %d rows and %d keys in %.1f s. Start the server: it migrates"
                                + " to its own schema version if newer.%n", manifest.getJsonArray("tables").size(), rows,
                        keys.size(), (System.nanoTime() - t0) / 1e9);
                writeTls(zip, manifest, config.dataDir().resolve("tls"), out);
                if (!manifest.getJsonArray("keys").isEmpty() && config.dbUrl().isPresent()) {
                    out.println("The keys are in " + config.dataDir().resolve("keys")
                            + ": give every instance a copy (or the same KIOSK_KEY_* values).");
                }
            }
        }
        return 0;
    }

    static JsonObject manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(Backup.MANIFEST);
        if (entry == null) {
            throw new Commands.OpsException(file + " is not a Kiosk backup (no " + Backup.MANIFEST + " inside)", 65);
        }
        JsonObject m;
        try (InputStream in = zip.getInputStream(entry)) {
            m = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (!Backup.FORMAT.equals(m.getString("format"))) {
            throw new Commands.OpsException(file + " is a backup of format " + m.getString("format")
                    + ", which this Kiosk cannot read", 65);
        }
        return m;
    }

    private static void refuseUnlessEmpty(Connection c, String where, String version) throws SQLException {
        List<String> full = Catalog.nonEmpty(c, Catalog.tables(c));
        if (!full.isEmpty()) {
            throw new Commands.OpsException("Refusing to restore over existing data: " + where + " already holds rows in "
                    + String.join(", ", full.subList(0, Math.min(5, full.size()))) + (full.size() > 5 ? ", …" : "")
                    + ". Restore into a new, empty data dir (KIOSK_DATA_DIR) or an empty database, and do not start"
                    + " the server on it before restoring.", 73);
        }
        var current = Catalog.schemaVersion(c);
        if (current.isPresent() && MigrationVersion.fromVersion(current.get())
                .compareTo(MigrationVersion.fromVersion(version)) > 0) {
            throw new Commands.OpsException("The empty database already has schema V" + current.get()
                    + ", newer than the backup's V" + version + "; restore into a fresh one", 73);
        }
    }

    /** Key files already in the data dir must be the ones of the backup: never overwrite a key. */
    private static void checkKeys(ZipFile zip, JsonObject manifest, Path dir) throws IOException {
        for (Object name : manifest.getJsonArray("keys")) {
            Path existing = dir.resolve((String) name);
            if (Files.exists(existing) && !Arrays.equals(Files.readAllBytes(existing), entry(zip, "keys/" + name))) {
                throw new Commands.OpsException("Refusing to restore over existing data: " + existing
                        + " holds another key than the backup. Restore into a new, empty data dir.", 73);
            }
        }
    }

    private static List<String> writeKeys(ZipFile zip, JsonObject manifest, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        if (manifest.getJsonArray("keys").isEmpty()) {
            return written;
        }
        Files.createDirectories(dir);
        Certificates.ownerOnly(dir, "rwx------");
        for (Object name : manifest.getJsonArray("keys")) {
            Path f = dir.resolve((String) name).normalize();
            if (!f.getParent().equals(dir.normalize())) {
                throw new Commands.OpsException("The backup names a key outside the keys folder: " + name, 65);
            }
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.write(tmp, entry(zip, "keys/" + name));
            Certificates.ownerOnly(tmp, "rw-------");
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written.add((String) name);
        }
        return written;
    }

    /**
     * Puts back the local authority and certificates of make-certs (backups of v0.1.0 have none), so that
     * the tablets keep trusting the server; a file already there, e.g. from make-certs run first, is kept.
     */
    private static void writeTls(ZipFile zip, JsonObject manifest, Path dir, PrintStream out) throws IOException {
        JsonArray names = manifest.getJsonArray("tls", new JsonArray());
        if (names.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        Certificates.ownerOnly(dir, "rwx------");
        for (Object name : names) {
            Path f = dir.resolve((String) name).normalize();
            if (!f.getParent().equals(dir.normalize())) {
                throw new Commands.OpsException("The backup names a TLS file outside the tls folder: " + name, 65);
            }
            if (Files.exists(f)) {
                out.println("Kept " + f + " (already there; the backup's copy was not restored)");
                continue;
            }
            Files.write(f, entry(zip, "tls/" + name));
            Certificates.ownerOnly(f, "rw-------");
        }
        out.println("Restored the TLS files (the tablets' local authority) into " + dir
                + "; on a new address run make-certs again: it keeps the authority.");
    }

    private static byte[] entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new Commands.OpsException("The backup is incomplete: " + name + " is missing", 65);
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** Rows a migration wrote into the new schema (the default privacy notice): the backup holds them too. */
    private static boolean seeded(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); var r = s.executeQuery("select exists (select 1 from " + table + ")")) {
            return r.next() && r.getBoolean(1);
        }
    }

    /**
     * Loads a seeded table through a scratch copy, keeping the rows already there: a seeded row is the one the
     * backup holds (such tables are append-only, so it was never changed), and the table may refuse to be emptied.
     */
    private static long merge(Connection c, CopyManager copy, String table, String columns, InputStream in)
            throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table kiosk_restore_rows (like " + table + ") on commit drop");
            long rows = copy.copyIn("copy kiosk_restore_rows (" + columns + ") from stdin", in);
            s.execute("insert into " + table + " (" + columns + ") select " + columns
                    + " from kiosk_restore_rows on conflict do nothing");
            s.execute("drop table kiosk_restore_rows");
            return rows;
        }
    }

    /** Everything in one transaction: a restore that fails leaves the database empty, ready for another try. */
    static long load(Connection c, ZipFile zip, JsonObject manifest, PrintStream out) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            // Triggers and foreign-key checks off while loading rows that were consistent when written;
            // only a superuser may, and the load order keeps references valid without it.
            s.execute("set session_replication_role = replica");
        } catch (SQLException e) {
            out.println("Note: not a superuser, so triggers run while loading (" + e.getSQLState() + ")");
        }
        c.setAutoCommit(false);
        try {
            ensurePartitions(c, manifest.getJsonObject("partitionDays", new JsonObject()));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long total = 0;
            for (Object o : manifest.getJsonArray("tables")) {
                JsonObject t = (JsonObject) o;
                String columns = String.join(", ", t.getJsonArray("columns").stream().map(x -> Catalog.quote((String) x)).toList());
                long rows;
                ZipEntry entry = zip.getEntry(t.getString("file"));
                if (entry == null) {
                    throw new Commands.OpsException("The backup is incomplete: " + t.getString("file") + " is missing", 65);
                }
                String table = Catalog.quote(t.getString("name"));
                try (InputStream in = zip.getInputStream(entry)) {
                    rows = seeded(c, table) ? merge(c, copy, table, columns, in)
                            : copy.copyIn("copy " + table + " (" + columns + ") from stdin", in);
                }
                if (rows != t.getLong("rows")) {
                    throw new Commands.OpsException("The backup is damaged: " + t.getString("name") + " has " + rows
                            + " rows, the manifest says " + t.getLong("rows"), 65);
                }
                total += rows;
            }
            resetSequences(c, manifest.getJsonArray("sequences", new JsonArray()));
            c.commit();
            return total;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** kiosk_ensure_partitions once per run of consecutive days. */
    private static void ensurePartitions(Connection c, JsonObject partitionDays) throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>();
        partitionDays.forEach(e -> ((JsonArray) e.getValue()).forEach(d -> days.add(LocalDate.parse((String) d))));
        try (PreparedStatement ps = c.prepareStatement("select kiosk_ensure_partitions(?::date, ?)")) {
            LocalDate start = null;
            LocalDate prev = null;
            for (LocalDate d : days) {
                if (start != null && !d.equals(prev.plusDays(1))) {
                    ensure(ps, start, prev);
                    start = null;
                }
                if (start == null) {
                    start = d;
                }
                prev = d;
            }
            if (start != null) {
                ensure(ps, start, prev);
            }
        }
    }

    private static void ensure(PreparedStatement ps, LocalDate from, LocalDate to) throws SQLException {
        ps.setString(1, from.toString());
        ps.setInt(2, (int) (to.toEpochDay() - from.toEpochDay() + 1));
        ps.execute();
    }

    private static void resetSequences(Connection c, JsonArray sequences) throws SQLException {
        for (Object o : sequences) {
            JsonObject s = (JsonObject) o;
            String table = Catalog.quote(s.getString("table"));
            String column = Catalog.quote(s.getString("column"));
            // Past both the recorded value and the largest restored id: no id is ever handed out twice.
            try (PreparedStatement ps = c.prepareStatement("select setval(pg_get_serial_sequence(?, ?),"
                    + " greatest(?, (select coalesce(max(" + column + "), 0) from " + table + "), 1),"
                    + " ? or exists (select 1 from " + table + "))")) {
                ps.setString(1, table);
                ps.setString(2, s.getString("column"));
                ps.setLong(3, s.getLong("value"));
                ps.setBoolean(4, s.getBoolean("called"));
                ps.execute();
            }
        }
    }
}
