package vn.kiosk.server.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a backup must hold, read from PostgreSQL's catalog rather than listed
 * by hand, so a table added by a later migration is backed up without
 * anyone remembering to: the application's tables (partitions through their
 * parent), their columns, a load order that puts referenced tables first,
 * and the identity sequences.
 */
final class Catalog {
    static final String HISTORY = "flyway_schema_history";
    private static final Pattern RANGE_KEY = Pattern.compile("RANGE \\((\\w+)\\)");

    record Table(String name, List<String> columns, Optional<String> partitionKey) {
    }

    record Identity(String table, String column, String sequence) {
    }

    private Catalog() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static boolean hasHistory(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, HISTORY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The version of the last successful migration, if the schema has one. */
    static Optional<String> schemaVersion(Connection c) throws SQLException {
        if (!hasHistory(c)) {
            return Optional.empty();
        }
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select version from " + HISTORY
                + " where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** The application's tables, referenced tables first. */
    static List<Table> tables(Connection c) throws SQLException {
        Map<String, Table> byName = new TreeMap<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname, c.relkind = 'p' as partitioned,
                       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,
                       array(select a.attname::text from pg_attribute a
                              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                              order by a.attnum) as columns
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                   and c.relname <> '""" + HISTORY + "'")) {
            while (rs.next()) {
                Optional<String> key = Optional.empty();
                if (rs.getBoolean("partitioned")) {
                    Matcher m = RANGE_KEY.matcher(rs.getString("partkey"));
                    if (!m.find()) {
                        throw new SQLException("Table " + rs.getString(1) + " is partitioned by "
                                + rs.getString("partkey") + ", which this backup does not know");
                    }
                    key = Optional.of(m.group(1));
                }
                byName.put(rs.getString(1), new Table(rs.getString(1), List.of((String[]) rs.getArray("columns").getArray()), key));
            }
        }
        Map<String, Set<String>> references = new TreeMap<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select child.relname, parent.relname
                  from pg_constraint k
                  join pg_class child on child.oid = k.conrelid
                  join pg_class parent on parent.oid = k.confrelid
                  join pg_namespace n on n.oid = child.relnamespace
                 where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid""")) {
            while (rs.next()) {
                references.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName.keySet(), references, ordered, new LinkedHashSet<>());
        }
        List<Table> out = new ArrayList<>();
        ordered.forEach(n -> out.add(byName.get(n)));
        return out;
    }

    private static void visit(String name, Set<String> known, Map<String, Set<String>> references, Set<String> ordered,
                              Set<String> path) {
        if (ordered.contains(name) || !known.contains(name) || !path.add(name)) {
            return; // done, not ours, or a cycle (then the order among those few is arbitrary)
        }
        for (String parent : references.getOrDefault(name, Set.of())) {
            visit(parent, known, references, ordered, path);
        }
        ordered.add(name);
    }

    /** Identity and serial columns with their sequences. */
    static List<Identity> identities(Connection c) throws SQLException {
        List<Identity> out = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname, a.attname, pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)
                  from pg_attribute a
                  join pg_class c on c.oid = a.attrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                   and a.attnum > 0 and not a.attisdropped
                   and pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null
                 order by 1, 2""")) {
            while (rs.next()) {
                out.add(new Identity(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** Tables that hold at least one row, by name. */
    static List<String> nonEmpty(Connection c, List<Table> tables) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select exists (select 1 from " + quote(t.name()) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    out.add(t.name());
                }
            }
        }
        return out;
    }

    static Map<String, Long> counts(Connection c, List<Table> tables) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Table t : tables) {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + quote(t.name()))) {
                rs.next();
                out.put(t.name(), rs.getLong(1));
            }
        }
        return out;
    }
}
