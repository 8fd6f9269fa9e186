package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CccdPropertiesTest {
    private static final String GOOD = CccdTest.GOOD;

    @Property
    @Label("arbitrary text only ever fails with CccdException")
    void arbitraryTextOnlyThrowsCccdException(@ForAll("cardLike") String raw) {
        try {
            Cccd.parse(raw, CccdTest.TODAY);
        } catch (CccdException e) {
            assertThat(e.field()).isIn("id", "oldId", "name", "birthDate", "sex", "address", "issueDate", "format");
        }
    }

    @Provide
    Arbitrary<String> cardLike() {
        Arbitrary<String> fieldish = Arbitraries.strings().withChars("0123456789|NamữNữ ").ofMaxLength(80);
        Arbitrary<String> mutated = Arbitraries.integers().between(0, GOOD.length() - 1).flatMap(i ->
                Arbitraries.chars().map(c -> GOOD.substring(0, i) + c + GOOD.substring(i + 1)));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(1200), fieldish, mutated);
    }
}
