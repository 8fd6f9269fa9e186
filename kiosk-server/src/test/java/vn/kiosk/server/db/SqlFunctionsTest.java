package vn.kiosk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.TestServer;

/** Each SQL function has one home: a repeatable migration named after it. */
class SqlFunctionsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path FUNCTIONS = Path.of("src/main/resources/db/functions");

    @Test
    @DisplayName("Every function of the schema is defined by the R__ file of its name, and every R__ file by a function")
    void oneFilePerFunction() throws Exception {
        Set<String> files;
        try (Stream<Path> list = Files.list(FUNCTIONS)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("R__"))
                    .map(n -> n.substring(3, n.length() - ".sql".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        var db = TestServer.shared().server().database();
        Set<String> functions = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet r = c.createStatement().executeQuery("""
                     select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                      where n.nspname = current_schema()
                        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')""")) {
            while (r.next()) {
                functions.add(r.getString(1));
            }
        }
        assertThat(functions).as("functions in the database").containsExactlyElementsOf(files);
    }

    @Test
    @DisplayName("No versioned migration after V42 defines a function: their bodies live in R__ files")
    void versionedMigrationsChangeTablesOnly() throws IOException {
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            for (Path p : list.filter(f -> f.getFileName().toString().matches("V\\d+__.+")).toList()) {
                String name = p.getFileName().toString();
                if (Integer.parseInt(name.substring(1, name.indexOf("__"))) > 42) {
                    assertThat(Files.readString(p).toLowerCase()).as(name).doesNotContain("create function")
                            .doesNotContain("create or replace function");
                }
            }
        }
    }
}
