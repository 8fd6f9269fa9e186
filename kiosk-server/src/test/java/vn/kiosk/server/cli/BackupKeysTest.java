package vn.kiosk.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackupKeysTest {
    @Test
    @DisplayName("Keys given in the environment go into the backup as the files they would have been; they win over stale files")
    void environmentKeys() throws Exception {
        Path dataDir = Files.createTempDirectory("kiosk-keys-");
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys/lookup.key"), "ZmlsZQ==\n");
        Files.writeString(dataDir.resolve("keys/session.key"), "c3RhbGU=\n");
        Files.writeString(dataDir.resolve("keys/pass-ed25519.key"), "pair\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            var names = Backup.keys(dataDir, Map.of("KIOSK_KEY_SESSION", "ZW52", "KIOSK_KEY_DATA_PREVIOUS", "b2xk"), zip);
            assertThat(names).containsExactlyInAnyOrder("session.key", "data.previous.key", "lookup.key", "pass-ed25519.key");
        }
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
            }
        }
        assertThat(entries).containsEntry("keys/session.key", "ZW52").containsEntry("keys/data.previous.key", "b2xk")
                .containsEntry("keys/lookup.key", "ZmlsZQ==").hasSize(4);
    }
}
