package vn.kiosk.server.visitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The server's secrets: from the environment ({@code KIOSK_KEY_<NAME>}, base64)
 * or generated at first start into {@code <data dir>/keys} with owner-only
 * permissions. Never in the repository.
 */
public final class Keys {
    public static final String DATA = "data";          // AES-256-GCM for phone and ID numbers
    public static final String LOOKUP = "lookup";      // HMAC-SHA256 for searchable hashes
    public static final String CONFIRMATION = "confirmation";
    public static final String POSTER = "poster";
    public static final String SESSION = "session";      // HMAC for ten-minute check-in sessions

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, String> env;

    public Keys(Path dataDir, Map<String, String> env) {
        this.dir = dataDir.resolve("keys");
        this.env = env;
    }

    /** A 32-byte secret, created on first use. */
    public byte[] secret(String name) throws IOException {
        String fromEnv = env.get("KIOSK_KEY_" + name.toUpperCase());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Base64.getDecoder().decode(fromEnv.trim());
        }
        return Base64.getDecoder().decode(text(name + ".key", () -> Base64.getEncoder().encodeToString(random(32))));
    }

    /** The data key in force before the last rotation, when one is still kept. */
    public byte[] previousData() throws IOException {
        String fromEnv = env.get("KIOSK_KEY_DATA_PREVIOUS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Base64.getDecoder().decode(fromEnv.trim());
        }
        Path path = dir.resolve("data.previous.key");
        return Files.exists(path) ? Base64.getDecoder().decode(Files.readString(path).trim()) : null;
    }

    /**
     * Starts a data-key rotation: the current key becomes the previous one and a
     * new key takes its place. Servers started afterwards seal with the new key,
     * read with both, and re-encrypt what is left under the old one.
     */
    public synchronized void rotateData() throws IOException {
        Path current = dir.resolve(DATA + ".key");
        Path previous = dir.resolve("data.previous.key");
        if (Files.exists(previous)) {
            throw new IOException("A rotation is still in progress: " + previous + " exists. Let a server finish"
                    + " re-encrypting (it logs when done), delete that file, then rotate again.");
        }
        if (!Files.exists(current)) {
            throw new IOException("No data key at " + current);
        }
        Files.move(current, previous);
        secret(DATA);
    }

    /** A text key file (e.g. an encoded key pair), created on first use by {@code create}. */
    public synchronized String text(String file, java.util.function.Supplier<String> create) throws IOException {
        Path path = dir.resolve(file);
        if (Files.exists(path)) {
            return Files.readString(path).trim();
        }
        Files.createDirectories(dir);
        trySetPermissions(dir, "rwx------");
        String value = create.get();
        Path tmp = dir.resolve(file + ".tmp");
        Files.writeString(tmp, value + "\n");
        trySetPermissions(tmp, "rw-------");
        Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return value;
    }

    public static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void trySetPermissions(Path p, String perms) throws IOException {
        // Only POSIX file systems have owner-only modes; elsewhere the folder's own ACLs apply.
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }
}
