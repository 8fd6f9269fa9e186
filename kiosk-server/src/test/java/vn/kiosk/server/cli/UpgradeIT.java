package vn.kiosk.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.db.EmbeddedDatabase;
import vn.kiosk.server.ops.Jar;
import vn.kiosk.server.support.ServerProcess;

/** What the operator sees when an older jar meets a newer database. */
class UpgradeIT {

    @Test
    @DisplayName("The jar on a newer schema exits with one clear sentence and no stack trace; restoring its backup is refused")
    void newerSchemaIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-newer-");
        try (ServerProcess server = ServerProcess.start(dir, Map.of())) {
            int port = OpsDatabase.runningPort(dir.resolve("postgres"));
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", EmbeddedDatabase.running(dir, port).password()); Statement s = c.createStatement()) {
                s.execute("create table kiosk_from_the_future (id bigint primary key)");
                s.execute(UpgradeTest.FUTURE_ROW);
            }
        }
        Jar start = Jar.run(dir, Map.of("KIOSK_HTTP_PORT", "0", "KIOSK_DEMO", "false"));
        assertThat(start.exitCode()).isEqualTo(4);
        assertThat(start.output()).contains("Kiosk could not start: The database was written by a newer Kiosk (schema V999;"
                + " this Kiosk knows up to V").contains("run that version or newer");
        assertThat(start.output()).doesNotContain("\tat ").doesNotContain("Exception");

        Path backup = dir.resolveSibling(dir.getFileName() + ".zip");
        assertThat(Jar.run(dir, Map.of(), "backup", backup.toString()).exitCode()).isZero();
        Jar restore = Jar.run(Files.createTempDirectory("kiosk-older-"), Map.of(), "restore", backup.toString());
        assertThat(restore.exitCode()).isEqualTo(65);
        assertThat(restore.output()).contains("The backup was written by a newer Kiosk (schema V999");
    }
}
