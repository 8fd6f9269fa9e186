package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTokenTest {
    static final byte[] KEY = "session-key-for-tests-0001".getBytes();
    static final Instant NOW = Instant.parse("2021-08-01T08:00:00Z");
    static final String TOKEN = SessionToken.issue(new SessionToken.Claims(7, 42, false, NOW.getEpochSecond() + 600), KEY);

    @Test
    @DisplayName("A session token verifies until its expiry and carries site and kiosk")
    void roundTrip() throws Exception {
        SessionToken.Claims c = SessionToken.verify(TOKEN, KEY, NOW.plusSeconds(599));
        assertThat(c.siteId()).isEqualTo(7);
        assertThat(c.kioskId()).isEqualTo(42);
        assertThat(c.poster()).isFalse();
        assertThatThrownBy(() -> SessionToken.verify(TOKEN, KEY, NOW.plusSeconds(600))).isInstanceOf(TokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    @DisplayName("Changing any character, or another key, makes it fail")
    void tampering() {
        for (String t : Fuzz.everyEdit(TOKEN, "0123456789.skpAZaz_-")) {
            assertThatThrownBy(() -> SessionToken.verify(t, KEY, NOW)).as(t).isInstanceOf(TokenException.class);
        }
        assertThatThrownBy(() -> SessionToken.verify(TOKEN, "another-key-of-16-bytes!!".getBytes(), NOW))
                .isInstanceOf(TokenException.class);
    }
}
