package vn.kiosk.server.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.kiosk.server.db.DbTarget;
import vn.kiosk.server.support.TestServer;

/**
 * What a test server's database holds, read straight from PostgreSQL: "stored nothing" is checked
 * on the tables themselves, not on what some list endpoint happens to show.
 */
final class Records implements AutoCloseable {
    /**
     * Every table a request can write; what the background jobs change on their own is left out: the overdue
     * stays job (Housekeeping) ends stays (a visit's exit, its presence row) whenever a site's closing time or
     * maximum stay passes, which a long walk meets at some hours of the day. A request that ends a stay writes
     * its event, which is compared whole.
     */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("visits", "to_jsonb(t) - 'exited_at' - 'exit_inferred'"),
            Map.entry("visit_events", "to_jsonb(t)"),
            Map.entry("visitors", "to_jsonb(t)"),
            Map.entry("presence", "to_jsonb(t)"),
            Map.entry("audit_log", "to_jsonb(t)"),
            Map.entry("sessions", "to_jsonb(t)"),
            Map.entry("event_tickets", "to_jsonb(t)"),
            Map.entry("users", "to_jsonb(t)"),
            Map.entry("user_sites", "to_jsonb(t)"),
            Map.entry("sites", "to_jsonb(t)"),
            Map.entry("kiosks", "to_jsonb(t) - 'silent_alerted_for'"),
            Map.entry("poster_campaigns", "to_jsonb(t)"),
            Map.entry("sms_consents", "to_jsonb(t)"),
            Map.entry("sms_outbox", "to_jsonb(t)"),
            Map.entry("install_targets", "to_jsonb(t)"),
            Map.entry("privacy_requests", "to_jsonb(t)"),
            Map.entry("legal_holds", "to_jsonb(t)"),
            Map.entry("privacy_notices", "to_jsonb(t)"));
    static final List<String> VISIT_TABLES = List.of("visits", "visit_events", "visitors", "presence");

    private final Connection connection;

    Records(TestServer server) {
        DbTarget db = server.server().database();
        try {
            connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database", e);
        }
    }

    /** table → a digest of its rows (order-free), for every table a request may write (presence: see TABLES). */
    Map<String, String> fingerprint() {
        return fingerprint(TABLES.keySet().stream().filter(k -> !k.equals("presence")).toList());
    }

    Map<String, String> fingerprint(Iterable<String> tables) {
        Map<String, String> out = new TreeMap<>();
        for (String table : tables) {
            out.put(table, one("select count(*) || ':' || coalesce(md5(string_agg(h, '' order by h)), '') from"
                    + " (select md5((" + TABLES.get(table) + ")::text) h from " + table + " t) d"));
        }
        return out;
    }

    /** The fingerprint once it stops changing: an accepted export writes its audit row after its last byte. */
    Map<String, String> settled() throws InterruptedException {
        Map<String, String> last = fingerprint();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(100);
            Map<String, String> now = fingerprint();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    static List<String> changed(Map<String, String> a, Map<String, String> b) {
        return a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).toList();
    }

    String one(String sql, Object... args) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String sql, Object... args) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
