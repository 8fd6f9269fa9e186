package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TokenPropertiesTest {
    static final Instant NOW = SiteTokenTest.NOW;
    static final KeyPair KEYS = Ed25519Keys.generate();
    static final String KIOSK = SiteToken.forKiosk(42, SiteTokenTest.SECRET, NOW);
    static final String POSTER = SiteToken.forPoster(7, 3, SiteTokenTest.POSTER_KEY);
    static final String PASS = VisitorPass.issue(new PassClaims(123, "Phạm Thị Hồng Nhung", 1_627_804_800L),
            KEYS.getPrivate());
    static final String CONFIRMATION = Confirmation.issue(Confirmation.claims("visit-8f3a", 17, "A1B2C3", NOW),
            ConfirmationTest.KEY);

    record Edit(int index, char replacement) {
    }

    @Property
    @Label("changing any one character of a kiosk token makes it fail verification")
    void kioskTokenTampering(@ForAll("kioskEdits") Edit edit) {
        String tampered = apply(KIOSK, edit);
        assertThatThrownBy(() -> SiteToken.verifyKiosk(tampered, SiteTokenTest.SECRET, NOW, 2))
                .isInstanceOf(TokenException.class);
    }

    @Property
    @Label("changing any one character of a poster token makes it fail verification")
    void posterTokenTampering(@ForAll("posterEdits") Edit edit) {
        String tampered = apply(POSTER, edit);
        assertThatThrownBy(() -> SiteToken.verifyPoster(tampered, SiteTokenTest.POSTER_KEY))
                .isInstanceOf(TokenException.class);
    }

    @Property
    @Label("changing any one character of a visitor pass makes it fail verification")
    void passTampering(@ForAll("passEdits") Edit edit) {
        String tampered = apply(PASS, edit);
        assertThatThrownBy(() -> VisitorPass.verify(tampered, KEYS.getPublic())).isInstanceOf(TokenException.class);
    }

    @Property
    @Label("changing any one character of a confirmation makes it fail verification")
    void confirmationTampering(@ForAll("confirmationEdits") Edit edit) {
        String tampered = apply(CONFIRMATION, edit);
        assertThatThrownBy(() -> Confirmation.verify(tampered, ConfirmationTest.KEY, NOW))
                .isInstanceOf(TokenException.class);
    }

    @Property
    @Label("arbitrary text only ever fails with TokenException")
    void garbageOnlyThrowsTokenException(@ForAll("garbage") String text) {
        assertThatCode(() -> expectTokenExceptionOrSuccess(() -> SiteToken.parse(text))).doesNotThrowAnyException();
        assertThatCode(() -> expectTokenExceptionOrSuccess(
                () -> SiteToken.verifyKiosk(text, SiteTokenTest.SECRET, NOW, 2))).doesNotThrowAnyException();
        assertThatCode(() -> expectTokenExceptionOrSuccess(
                () -> SiteToken.verifyPoster(text, SiteTokenTest.POSTER_KEY))).doesNotThrowAnyException();
        assertThatCode(() -> expectTokenExceptionOrSuccess(() -> VisitorPass.verify(text, KEYS.getPublic())))
                .doesNotThrowAnyException();
        assertThatCode(() -> expectTokenExceptionOrSuccess(
                () -> Confirmation.verify(text, ConfirmationTest.KEY, NOW))).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<Edit> kioskEdits() {
        return edits(KIOSK);
    }

    @Provide
    Arbitrary<Edit> posterEdits() {
        return edits(POSTER);
    }

    @Provide
    Arbitrary<Edit> passEdits() {
        return edits(PASS);
    }

    @Provide
    Arbitrary<Edit> confirmationEdits() {
        return edits(CONFIRMATION);
    }

    /** Unicode noise plus texts made of token characters, which get past the first checks far more often. */
    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> tokenLike = Arbitraries.strings().withChars("kpvc1.0123456789AZaz_-=+ ").ofMaxLength(140);
        Arbitrary<String> mutated = Arbitraries.of(KIOSK, POSTER, PASS, CONFIRMATION)
                .flatMap(token -> edits(token).map(edit -> apply(token, edit)));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), tokenLike, mutated);
    }

    private static Arbitrary<Edit> edits(String token) {
        Arbitrary<Character> replacements = Arbitraries.oneOf(
                Arbitraries.chars().with("0123456789.-_=+/ ").range('A', 'Z').range('a', 'z'),
                Arbitraries.chars());
        return Combinators.combine(Arbitraries.integers().between(0, token.length() - 1), replacements)
                .as(Edit::new)
                .filter(edit -> token.charAt(edit.index()) != edit.replacement());
    }

    private static String apply(String token, Edit edit) {
        return token.substring(0, edit.index()) + edit.replacement() + token.substring(edit.index() + 1);
    }

    interface Check {
        void run() throws Exception;
    }

    private static void expectTokenExceptionOrSuccess(Check check) throws Exception {
        try {
            check.run();
        } catch (TokenException expected) {
            // the only failure callers have to handle
        }
    }
}
