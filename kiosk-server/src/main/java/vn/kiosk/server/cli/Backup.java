package vn.kiosk.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.kiosk.server.config.Config;

/**
 * {@code backup <file.zip>}: every application table as COPY text from one
 * REPEATABLE READ snapshot (so visits, events and visitors agree with each
 * other even while check-ins go on), the keys, and a manifest saying what is
 * inside: schema version, tables in load order with their columns and row
 * counts, the days the partitioned tables cover, the identity sequences.
 */
final class Backup {
    static final String FORMAT = "kiosk-backup/1";
    static final String MANIFEST = "manifest.json";
    /** {@code KIOSK_KEY_<NAME>} → the file that key would have been in the data dir. */
    static final Map<String, String> ENV_KEYS = Map.of("DATA", "data.key", "LOOKUP", "lookup.key",
            "CONFIRMATION", "confirmation.key", "POSTER", "poster.key", "SESSION", "session.key",
            "DATA_PREVIOUS", "data.previous.key");

    private Backup() {
    }

    static int run(Config config, Map<String, String> env, Path file, PrintStream out) throws Exception {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new Commands.OpsException(target + " already exists; give the backup a new name (e.g. kiosk-$(date +%F).zip)", 64);
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        long t0 = System.nanoTime();
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        JsonObject manifest;
        try (OpsDatabase db = OpsDatabase.open(config, true)) {
            out.println("Backing up " + db.description());
            try (OutputStream fileOut = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(fileOut);
                 Connection c = db.connect()) {
                Certificates.ownerOnly(tmp, "rw-------"); // it holds the keys
                manifest = dump(c, zip);
                manifest.put("database", config.dbUrl().map(Object::toString).orElse("embedded"));
                manifest.put("keys", keys(config.dataDir(), env, zip));
                manifest.put("tls", tls(config.dataDir(), zip));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifest.encodePrettily().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        long rows = 0;
        for (Object t : manifest.getJsonArray("tables")) {
            rows += ((JsonObject) t).getLong("rows");
        }
        out.printf(Locale.ROOT, "Wrote %s: schema V%s, %d tables, %d rows, %d keys, %d bytes in %.1f s%n", target,
                manifest.getString("schemaVersion"), manifest.getJsonArray("tables").size(), rows,
                manifest.getJsonArray("keys").size(), Files.size(target), (System.nanoTime() - t0) / 1e9);
        out.println("It holds the keys to the personal data: keep it as safe as the server itself.");
        return 0;
    }

    /** The tables, from one snapshot. */
    static JsonObject dump(Connection c, ZipOutputStream zip) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
        try {
            String version = Catalog.schemaVersion(c).orElseThrow(() -> new Commands.OpsException(
                    "The database has no Kiosk schema yet: start the server on it once, or there is nothing to back up", 1));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            JsonArray tables = new JsonArray();
            JsonObject days = new JsonObject();
            for (Catalog.Table t : Catalog.tables(c)) {
                String entry = "tables/" + t.name() + ".copy";
                zip.putNextEntry(new ZipEntry(entry));
                String columns = String.join(", ", t.columns().stream().map(Catalog::quote).toList());
                long rows = copy.copyOut("copy (select " + columns + " from " + Catalog.quote(t.name()) + ") to stdout",
                        new FilterOutputStream(zip) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void close() {
                                // the zip entry stays open; closeEntry ends it
                            }
                        });
                zip.closeEntry();
                tables.add(new JsonObject().put("name", t.name()).put("file", entry)
                        .put("columns", new JsonArray(new ArrayList<Object>(t.columns()))).put("rows", rows));
                if (t.partitionKey().isPresent()) {
                    days.put(t.name(), days(c, t));
                }
            }
            JsonArray sequences = new JsonArray();
            for (Catalog.Identity id : Catalog.identities(c)) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select last_value, is_called from " + id.sequence())) {
                    rs.next();
                    sequences.add(new JsonObject().put("table", id.table()).put("column", id.column())
                            .put("value", rs.getLong(1)).put("called", rs.getBoolean(2)));
                }
            }
            String pgVersion;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
                rs.next();
                pgVersion = rs.getString(1);
            }
            c.commit();
            return new JsonObject().put("format", FORMAT).put("createdAt", Instant.now().toString())
                    .put("kioskVersion", kioskVersion()).put("postgresVersion", pgVersion)
                    .put("schemaVersion", version).put("tables", tables).put("partitionDays", days)
                    .put("sequences", sequences);
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static JsonArray days(Connection c, Catalog.Table t) throws SQLException {
        JsonArray out = new JsonArray();
        String key = Catalog.quote(t.partitionKey().get());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select distinct (" + key
                + " at time zone 'UTC')::date::text from " + Catalog.quote(t.name()) + " order by 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The key files of the data dir, and keys given in the environment as the files they would have been. */
    static JsonArray keys(Path dataDir, Map<String, String> env, ZipOutputStream zip) throws IOException {
        JsonArray names = new JsonArray();
        Path dir = dataDir.resolve("keys");
        List<String> fromEnv = new ArrayList<>();
        for (var k : new java.util.TreeMap<>(ENV_KEYS).entrySet()) {
            String v = env.get("KIOSK_KEY_" + k.getKey());
            if (v != null && !v.isBlank()) {
                Base64.getDecoder().decode(v.trim()); // check-config says which one is wrong
                put(zip, "keys/" + k.getValue(), (v.trim() + "\n").getBytes(StandardCharsets.US_ASCII));
                names.add(k.getValue());
                fromEnv.add(k.getValue());
            }
        }
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".tmp") && !fromEnv.contains(name)) {
                        put(zip, "keys/" + name, Files.readAllBytes(f));
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /** What make-certs wrote: the local authority (which every tablet trusts) and the server certificate. */
    static JsonArray tls(Path dataDir, ZipOutputStream zip) throws IOException {
        JsonArray names = new JsonArray();
        Path dir = dataDir.resolve("tls");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    put(zip, "tls/" + f.getFileName(), Files.readAllBytes(f));
                    names.add(f.getFileName().toString());
                }
            }
        }
        return names;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String kioskVersion() {
        String v = Backup.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
