package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenPropertiesTest {
    static final Instant NOW = SiteTokenTest.NOW;
    static final KeyPair KEYS = Ed25519Keys.generate();
    static final String KIOSK = SiteToken.forKiosk(42, SiteTokenTest.SECRET, NOW);
    static final String POSTER = SiteToken.forPoster(7, 3, SiteTokenTest.POSTER_KEY);
    static final String PASS = VisitorPass.issue(new PassClaims(123, "Phạm Thị Hồng Nhung", 1_627_804_800L),
            KEYS.getPrivate());
    static final String CONFIRMATION = Confirmation.issue(Confirmation.claims("visit-8f3a", 17, "A1B2C3", NOW),
            ConfirmationTest.KEY);
    static final String REPLACEMENTS = "0123456789.-_=+/ AZaz\u00e9\u0000";

    @Test
    @DisplayName("Changing any one character of a kiosk token makes it fail verification")
    void kioskTokenTampering() {
        for (String t : Fuzz.everyEdit(KIOSK, REPLACEMENTS)) {
            assertThatThrownBy(() -> SiteToken.verifyKiosk(t, SiteTokenTest.SECRET, NOW, 2)).as(t)
                    .isInstanceOf(TokenException.class);
        }
    }

    @Test
    @DisplayName("Changing any one character of a poster token makes it fail verification")
    void posterTokenTampering() {
        for (String t : Fuzz.everyEdit(POSTER, REPLACEMENTS)) {
            assertThatThrownBy(() -> SiteToken.verifyPoster(t, SiteTokenTest.POSTER_KEY)).as(t)
                    .isInstanceOf(TokenException.class);
        }
    }

    @Test
    @DisplayName("Changing any one character of a visitor pass makes it fail verification")
    void passTampering() {
        for (String t : Fuzz.everyEdit(PASS, REPLACEMENTS)) {
            assertThatThrownBy(() -> VisitorPass.verify(t, KEYS.getPublic())).as(t).isInstanceOf(TokenException.class);
        }
    }

    @Test
    @DisplayName("Changing any one character of a confirmation makes it fail verification")
    void confirmationTampering() {
        for (String t : Fuzz.everyEdit(CONFIRMATION, REPLACEMENTS)) {
            assertThatThrownBy(() -> Confirmation.verify(t, ConfirmationTest.KEY, NOW)).as(t)
                    .isInstanceOf(TokenException.class);
        }
    }

    @Test
    @DisplayName("Arbitrary text only ever fails with TokenException")
    void garbageOnlyThrowsTokenException() throws Exception {
        for (String text : Fuzz.texts("kpvc1.0123456789AZaz_-=+ ", 200, KIOSK, POSTER, PASS, CONFIRMATION)) {
            tokenExceptionOrSuccess(() -> SiteToken.parse(text));
            tokenExceptionOrSuccess(() -> SiteToken.verifyKiosk(text, SiteTokenTest.SECRET, NOW, 2));
            tokenExceptionOrSuccess(() -> SiteToken.verifyPoster(text, SiteTokenTest.POSTER_KEY));
            tokenExceptionOrSuccess(() -> VisitorPass.verify(text, KEYS.getPublic()));
            tokenExceptionOrSuccess(() -> Confirmation.verify(text, ConfirmationTest.KEY, NOW));
        }
    }

    interface Check {
        void run() throws Exception;
    }

    private static void tokenExceptionOrSuccess(Check check) throws Exception {
        try {
            check.run();
        } catch (TokenException expected) {
            // the only failure callers have to handle; anything else fails the test
        }
    }
}
