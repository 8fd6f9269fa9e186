package vn.kiosk.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.db.DbTarget;
import vn.kiosk.server.db.EmbeddedDatabase;
import vn.kiosk.server.support.TestServer;

/** Migrations go forward on start; a schema from a newer Kiosk is refused. */
class UpgradeTest {
    static final String FUTURE_ROW = "insert into flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) select max(installed_rank) + 1, '999', 'from the future',"
            + " 'SQL', 'V999__from_the_future.sql', 0, 'postgres', 1, true from flyway_schema_history";

    private static String sql(Path dataDir, String... statements) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = DriverManager.getConnection(db.target().jdbcUrl(), "postgres", db.target().password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            try (ResultSet rs = s.executeQuery("select max(version::int) from flyway_schema_history where success")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    @DisplayName("A data dir at an old schema (V4, with a site) is migrated forward on start and its data is served")
    void olderSchemaIsMigrated() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-old-");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            db.target().tablesUpTo(MigrationVersion.fromVersion("4")).migrate();
        }
        assertThat(sql(dir, "insert into sites (name, kind, province, district)"
                + " values ('Chợ Đông Hà', 'market', 'Quảng Trị', 'Thành phố Đông Hà')")).isEqualTo("4");
        try (TestServer server = TestServer.start(dir, Map.of())) {
            assertThat(server.admin().get("/api/v1/sites").body()).contains("Chợ Đông Hà");
        }
        assertThat(Integer.parseInt(sql(dir))).isGreaterThan(4);
    }

    @Test
    @DisplayName("A database migrated by a newer Kiosk is refused at start with the version named, and left untouched")
    void newerSchemaIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-newer-");
        TestServer.start(dir, Map.of()).close();
        sql(dir, "create table kiosk_from_the_future (id bigint primary key)", FUTURE_ROW);
        assertThatThrownBy(() -> TestServer.start(dir, Map.of()))
                .isInstanceOf(DbTarget.NewerSchemaException.class)
                .hasMessageStartingWith("The database was written by a newer Kiosk (schema V999; this Kiosk knows up to V")
                .hasMessageContaining("run that version or newer");
        assertThat(sql(dir)).isEqualTo("999");
    }
}
