package vn.kiosk.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate PostgreSQL 15 server (Debian's, run as the postgres user, which it
 * insists on) for tests that stop and start the database under the server.
 */
public final class PgCluster implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;

    private PgCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PgCluster create() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is missing: apt-get install -y postgresql-15");
        }
        Path dir = Files.createTempDirectory("kiosk-pg15-");
        run("chown", "postgres", dir.toString());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "--auth=trust", "-U",
                "postgres", "--encoding=UTF8", "--no-instructions");
        PgCluster cluster = new PgCluster(dir, port);
        cluster.start();
        return cluster;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "postgresql://postgres:unused@127.0.0.1:" + port + "/postgres";
    }

    public void start() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1", "start");
    }

    /** Fast shutdown: clients are disconnected at once. */
    public void stop() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (IllegalStateException e) {
            // already stopped
        }
    }

    private static void asPostgres(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        run(cmd.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
