package vn.kiosk.qr;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteTokenTest {
    static final byte[] SECRET = "kiosk-secret-for-docs-0001".getBytes(US_ASCII);
    static final byte[] POSTER_KEY = "poster-key-for-docs-0001".getBytes(US_ASCII);
    static final Instant NOW = Instant.parse("2021-08-01T08:00:00Z");
    static final long NOW_STEP = 1627804800L / 30;

    @Test
    @DisplayName("kiosk and poster tokens match the test vectors in TOKENS.md")
    void knownAnswers() {
        assertThat(SiteToken.forKiosk(42, SECRET, NOW)).isEqualTo("k1.42.54260160.NdRX2ZZAEE5b5VrienkPqw");
        assertThat(SiteToken.forKiosk(42, SECRET, NOW.plusSeconds(29))).isEqualTo(
                "k1.42.54260160.NdRX2ZZAEE5b5VrienkPqw");
        assertThat(SiteToken.forPoster(7, 3, POSTER_KEY)).isEqualTo("p1.7.3.GwaC7psyr0PuD1JaXE8X8g");
    }

    @Test
    @DisplayName("parse reads the structure without any key")
    void parseReadsClaims() throws TokenException {
        assertThat(SiteToken.parse(SiteToken.forKiosk(42, SECRET, NOW)))
                .isEqualTo(new SiteToken.Claims(SiteToken.Kind.KIOSK, 42, NOW_STEP));
        assertThat(SiteToken.parse(SiteToken.forPoster(7, 3, POSTER_KEY)))
                .isEqualTo(new SiteToken.Claims(SiteToken.Kind.POSTER, 7, 3));
    }

    @Test
    @DisplayName("a kiosk token is accepted from window steps behind to one step ahead, and refused outside")
    void windowEdges() throws TokenException {
        int window = 2;
        Instant oldest = NOW.minusSeconds(30L * window);
        assertThat(SiteToken.verifyKiosk(SiteToken.forKiosk(1, SECRET, oldest), SECRET, NOW, window).id())
                .isEqualTo(1);
        assertThat(SiteToken.verifyKiosk(SiteToken.forKiosk(1, SECRET, NOW.plusSeconds(30)), SECRET, NOW, window)
                .stepOrGeneration()).isEqualTo(NOW_STEP + 1);

        String tooOld = SiteToken.forKiosk(1, SECRET, oldest.minusSeconds(30));
        assertThatThrownBy(() -> SiteToken.verifyKiosk(tooOld, SECRET, NOW, window))
                .isInstanceOf(TokenException.class).hasMessageContaining("expired");
        String tooNew = SiteToken.forKiosk(1, SECRET, NOW.plusSeconds(60));
        assertThatThrownBy(() -> SiteToken.verifyKiosk(tooNew, SECRET, NOW, window))
                .isInstanceOf(TokenException.class).hasMessageContaining("future");
    }

    @Test
    @DisplayName("expiresAt is the first instant at which the token is refused")
    void expiresAtMatchesVerification() throws TokenException {
        String token = SiteToken.forKiosk(5, SECRET, NOW);
        Instant expiresAt = SiteToken.expiresAt(NOW_STEP, 2);
        assertThat(expiresAt).isEqualTo(Instant.ofEpochSecond((NOW_STEP + 3) * 30));
        SiteToken.verifyKiosk(token, SECRET, expiresAt.minusSeconds(1), 2);
        assertThatThrownBy(() -> SiteToken.verifyKiosk(token, SECRET, expiresAt, 2))
                .isInstanceOf(TokenException.class).hasMessageContaining("expired");
    }

    @Test
    @DisplayName("a wrong key is refused without revealing anything")
    void wrongKeyRefused() {
        byte[] other = "another-kiosk-secret-0002".getBytes(US_ASCII);
        assertThatThrownBy(() -> SiteToken.verifyKiosk(SiteToken.forKiosk(42, SECRET, NOW), other, NOW, 2))
                .isInstanceOf(TokenException.class).hasMessage("site token signature is invalid");
        assertThatThrownBy(() -> SiteToken.verifyPoster(SiteToken.forPoster(7, 3, POSTER_KEY), other))
                .isInstanceOf(TokenException.class).hasMessage("site token signature is invalid");
    }

    @Test
    @DisplayName("kiosk and poster tokens cannot stand in for each other")
    void kindsAreSeparate() {
        assertThatThrownBy(() -> SiteToken.verifyPoster(SiteToken.forKiosk(7, SECRET, NOW), SECRET))
                .isInstanceOf(TokenException.class).hasMessageContaining("not a poster token");
        assertThatThrownBy(() -> SiteToken.verifyKiosk(SiteToken.forPoster(7, 3, SECRET), SECRET, NOW, 2))
                .isInstanceOf(TokenException.class).hasMessageContaining("not a kiosk token");
    }

    @Test
    @DisplayName("poster tokens verify and carry their generation")
    void posterVerifies() throws TokenException {
        SiteToken.Claims claims = SiteToken.verifyPoster(SiteToken.forPoster(9, 12, POSTER_KEY), POSTER_KEY);
        assertThat(claims).isEqualTo(new SiteToken.Claims(SiteToken.Kind.POSTER, 9, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "k1", "k1.42.54260160", "k1.42.54260160.NdRX2ZZAEE5b5VrienkPqw.x", "x1.42.54260160.NdRX2ZZAEE5b5VrienkPqw",
        "K1.42.54260160.NdRX2ZZAEE5b5VrienkPqw", "k1.+42.54260160.NdRX2ZZAEE5b5VrienkPq",
        "k1.042.54260160.NdRX2ZZAEE5b5VrienkPqw", "k1.-42.54260160.NdRX2ZZAEE5b5VrienkPqw",
        "k1.4 2.54260160.NdRX2ZZAEE5b5VrienkPqw", "k1.42.54260160.NdRX2ZZAEE5b5VrienkPq",
        "k1.42.54260160.NdRX2ZZAEE5b5VrienkPqw=", "k1.42.54260160.NdRX2ZZAEE5b5Vrienk+qw",
        "k1.42..NdRX2ZZAEE5b5VrienkPqw", "k1.1234567890123456789.1.NdRX2ZZAEE5b5VrienkPqw",
        "k1.٤٢.54260160.NdRX2ZZAEE5b5VrienkPqw", "p1.7.2147483648.GwaC7psyr0PuD1JaXE8X8g",
        "k1.42.54260160.NdRX2ZZAEE5b5VrienkPqx"
    })
    @DisplayName("parse refuses malformed tokens with a TokenException")
    void parseRefusesMalformed(String token) {
        assertThatThrownBy(() -> SiteToken.parse(token)).isInstanceOf(TokenException.class);
    }

    @Test
    @DisplayName("null is refused like any malformed token")
    void nullRefused() {
        assertThatThrownBy(() -> SiteToken.parse(null)).isInstanceOf(TokenException.class);
    }

    @Test
    @DisplayName("keys shorter than 16 bytes and negative windows are programming errors")
    void argumentChecks() {
        assertThatThrownBy(() -> SiteToken.forKiosk(1, new byte[8], NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteToken.verifyKiosk("k1.1.1.NdRX2ZZAEE5b5VrienkPqw", SECRET, NOW, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
