package vn.kiosk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the database's failures become for the client: a retryable 503, or a plain 500. */
class ProblemsTest {

    private static PgException pg(String sqlState) {
        return new PgException("message quoting a row", "ERROR", sqlState, null);
    }

    @Test
    @DisplayName("A full disk is 503 disk-full with Retry-After; an unreachable, reset or restarting database is 503 unavailable")
    void databaseFailures() {
        ApiException full = Problems.toProblem(500, pg("53100"));
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.type()).isEqualTo("disk-full");
        assertThat(full.retryAfterSeconds()).isEqualTo(30);
        assertThat(full.getMessage()).doesNotContain("row");

        for (Throwable t : new Throwable[] {pg("57P01"), pg("57P03"), pg("08006"), new ConnectException("refused"),
                new SocketException("Connection reset"), new IOException("Connection reset by peer"),
                new RuntimeException("wrapped", new IOException("Connection reset by peer")),
                new io.vertx.core.VertxException("Connection is not active now, current status: CLOSED")}) {
            ApiException p = Problems.toProblem(500, t);
            assertThat(p.status()).as(t.toString()).isEqualTo(503);
            assertThat(p.type()).isEqualTo("unavailable");
            assertThat(p.retryAfterSeconds()).isNotNull();
        }
    }

    @Test
    @DisplayName("Other database errors and file errors stay 500: a retry would not help")
    void otherFailures() {
        for (Throwable t : new Throwable[] {pg("42P01"), pg("XX000"), new java.nio.file.NoSuchFileException("x"),
                new IllegalStateException("bug")}) {
            assertThat(Problems.toProblem(500, t).status()).as(t.toString()).isEqualTo(500);
        }
    }
}
