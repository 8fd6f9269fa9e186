package vn.kiosk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MigrationLedgerTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LEDGER = Path.of("src/test/resources/db/migration-ledger.txt");

    @Test
    @DisplayName("Migrations only ever go up: each new one is numbered above every one committed before it")
    void newMigrationsGoAboveTheOldOnes() throws IOException {
        List<Integer> ledger = Files.readAllLines(LEDGER).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(Integer::valueOf).toList();
        List<Integer> present;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            present = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .map(n -> Integer.valueOf(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
        assertThat(ledger).as("src/test/resources/db/migration-ledger.txt, in the order committed").isSorted().doesNotHaveDuplicates();
        assertThat(present).as("the migrations in db/migration (append a new one to the ledger)")
                .containsExactlyElementsOf(ledger);
    }
}
