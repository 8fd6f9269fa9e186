package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {
    static final KeyPair KEYS = Ed25519Keys.generate();
    static final LocalDate TODAY = LocalDate.of(2021, 8, 1);

    @Test
    @DisplayName("NFC, spaces of any kind collapsed to one, trimmed")
    void normalForm() {
        assertThat(PersonName.normalize("  Nguye\u0302\u0303n \t Va\u0306n\u00A0\u3000An\n")).isEqualTo("Nguyễn Văn An");
        assertThat(PersonName.normalize("محمد علي")).isEqualTo("محمد علي");
        assertThat(PersonName.normalize("สมชาย ใจดี")).isEqualTo("สมชาย ใจดี");
        assertThat(PersonName.normalize("Ж" + "ё".repeat(99))).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "An\u2028Bình", "An\u2029", "Lê \uE000", "Trần \u0378", "An\u0000", "An\u0007",
        "\u202EnA", "An \u2066B\u2069", "\u200FLê", "Lê\u200B", "An\uFEFF", "An\uFFFD", "An\uD800", "\u0301An",
        "Z\u0351\u0352\u0357\u035Balgo"})
    @DisplayName("control, format, bidi, private-use, unassigned, separator characters and zalgo are refused")
    void refused(String name) {
        assertThatThrownBy(() -> PersonName.normalize(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the limit is 100 UTF-16 units, as in the pass format: 50 emoji fit, 51 do not")
    void lengthInUtf16() {
        assertThat(PersonName.clean("😀".repeat(50))).isPresent();
        assertThat(PersonName.clean("😀".repeat(51))).isEmpty();
        assertThat(PersonName.clean("a".repeat(101))).isEmpty();
    }

    @Test
    @DisplayName("three combining marks on one letter are enough for real scripts; four are not")
    void marks() {
        assertThat(PersonName.clean("Z\u0351\u0352\u0357algo")).isPresent();
        assertThat(PersonName.clean("བསྒྲུབས")).isPresent(); // Tibetan stacks three marks
        assertThat(PersonName.clean("Z\u0351\u0352\u0357\u035Balgo")).isEmpty();
    }

    @Test
    @DisplayName("whatever the definition accepts the pass signer signs, the verifier reads back and a CCCD card"
            + " carries; whatever it refuses neither takes")
    void oneDefinitionForEveryPath() throws Exception {
        Random random = new Random(20211014L);
        int[] pool = {'A', 'ệ', ' ', '\t', 0x0301, 0x0351, 0x2028, 0x2029, 0xE000, 0x0378, 0x202E, 0x200B, 0x05D0,
            0x0627, 0x1F600, 0x0000, 0x0E35, 0x00A0};
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(60); n > 0; n--) {
                b.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String raw = b.toString();
            var clean = PersonName.clean(raw);
            boolean signs;
            try {
                PassClaims claims = new PassClaims(1, raw, 1);
                assertThat(VisitorPass.verify(VisitorPass.issue(claims, KEYS.getPrivate()), KEYS.getPublic()))
                        .isEqualTo(claims);
                assertThat(claims.displayName()).isEqualTo(clean.orElseThrow());
                signs = true;
            } catch (IllegalArgumentException e) {
                signs = false;
            }
            assertThat(signs).as(raw).isEqualTo(clean.isPresent());
            boolean onCard = !raw.contains("|") && clean.isPresent();
            if (!raw.contains("|")) {
                String card = "045190271828||" + raw + "|01011990|Nam|Quảng Trị|01012021";
                try {
                    assertThat(Cccd.parse(card, TODAY).fullName()).isEqualTo(clean.orElseThrow());
                } catch (CccdException e) {
                    assertThat(onCard).as(raw).isFalse();
                }
            }
        }
        assertThat(List.of(PassClaims.MAX_NAME_LENGTH, Cccd.MAX_NAME_LENGTH)).containsOnly(PersonName.MAX_LENGTH);
    }
}
