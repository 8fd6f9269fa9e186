package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CccdTest {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    static final String GOOD =
            "079203001234|272645123|Nguyễn Văn An|15081990|Nam|123 Lê Lợi, Phường 1, Quận 1, TP. Hồ Chí Minh|01072021";

    @Test
    @DisplayName("a card with an old ID parses into its fields")
    void parsesGoodCard() throws CccdException {
        CccdCard card = Cccd.parse(GOOD, TODAY);
        assertThat(card.idNumber()).isEqualTo("079203001234");
        assertThat(card.oldIdNumber()).isEqualTo("272645123");
        assertThat(card.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1990, 8, 15));
        assertThat(card.sex()).isEqualTo("Nam");
        assertThat(card.address()).isEqualTo("123 Lê Lợi, Phường 1, Quận 1, TP. Hồ Chí Minh");
        assertThat(card.issueDate()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(card.provinceName()).isEqualTo("Hồ Chí Minh");
        assertThat(card.toString()).doesNotContain("Nguyễn").doesNotContain("079203001234");
    }

    @Test
    @DisplayName("the old ID may be empty; an NFD name and sex come back NFC; a trailing newline is tolerated")
    void parsesNfdCardWithoutOldId() throws CccdException {
        String raw = Normalizer.normalize(
                "038190004321||  Lê Thị Thuỷ Tiên |29022000|Nữ|Thôn 3, xã Đông Tiến, huyện Triệu Sơn, Thanh Hóa|"
                        + "10052022\r\n", Normalizer.Form.NFD);
        CccdCard card = Cccd.parse(raw, TODAY);
        assertThat(card.oldIdNumber()).isNull();
        assertThat(card.fullName()).isEqualTo("Lê Thị Thuỷ Tiên");
        assertThat(Normalizer.isNormalized(card.fullName(), Normalizer.Form.NFC)).isTrue();
        assertThat(card.sex()).isEqualTo("Nữ");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(card.provinceName()).isEqualTo("Thanh Hóa");
        assertThat(Normalizer.isNormalized(card.address(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    @DisplayName("the province table has the 63 codes of Circular 07/2016/TT-BCA")
    void provinceTable() {
        assertThat(Provinces.count()).isEqualTo(63);
        assertThat(Provinces.nameOf("001")).isEqualTo("Hà Nội");
        assertThat(Provinces.nameOf("042")).isEqualTo("Hà Tĩnh");
        assertThat(Provinces.nameOf("045")).isEqualTo("Quảng Trị");
        assertThat(Provinces.nameOf("096")).isEqualTo("Cà Mau");
        assertThat(Provinces.isCode("003")).isFalse();
        assertThat(Provinces.isCode("097")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "short ID;07920300123|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021;id",
        "non-digit ID;07920300123A|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021;id",
        "unknown province;003203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021;id",
        "province 097;097203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021;id",
        "old ID of 8 digits;079203001234|27264512|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021;oldId",
        "empty name;079203001234|272645123|  |15081990|Nam|Hà Nội|01072021;name",
        "name over 100;079203001234|272645123|" + "A" + ";name",
        "31 February;079203001234|272645123|Nguyễn Văn An|31022020|Nam|Hà Nội|01072021;birthDate",
        "month 13;079203001234|272645123|Nguyễn Văn An|15131990|Nam|Hà Nội|01072021;birthDate",
        "slashes in date;079203001234|272645123|Nguyễn Văn An|15/08/90|Nam|Hà Nội|01072021;birthDate",
        "future birth;079203001234|272645123|Nguyễn Văn An|15082030|Nam|Hà Nội|01072021;birthDate",
        "future issue;079203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|02062024;issueDate",
        "issue before birth;079203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01011990;issueDate",
        "sex in English;079203001234|272645123|Nguyễn Văn An|15081990|Male|Hà Nội|01072021;sex",
        "sex lowercase;079203001234|272645123|Nguyễn Văn An|15081990|nam|Hà Nội|01072021;sex",
        "empty address;079203001234|272645123|Nguyễn Văn An|15081990|Nam||01072021;address",
        "missing field;079203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội;format",
        "extra field;079203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021|x;format",
        "trailing bar;079203001234|272645123|Nguyễn Văn An|15081990|Nam|Hà Nội|01072021|;format",
        "not a card;https://example.vn/check-in;format"
    })
    @DisplayName("bad cards name the bad field and never repeat its data")
    void refusesBadCards(String label, String raw, String field) {
        String text = label.equals("name over 100")
                ? "079203001234|272645123|" + "Ă".repeat(101) + "|15081990|Nam|Hà Nội|01072021" : raw;
        assertThatThrownBy(() -> Cccd.parse(text, TODAY))
                .isInstanceOfSatisfying(CccdException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).doesNotContain("0792", "2726", "Nguyễn", "Hà Nội", "1508", "Ă");
                });
    }

    @Test
    @DisplayName("control characters in the name are refused")
    void controlCharacterInName() {
        assertThatThrownBy(() -> Cccd.parse(GOOD.replace("Văn", "V\u0007n"), TODAY))
                .isInstanceOfSatisfying(CccdException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    @DisplayName("raw text over 1 KB is refused before parsing")
    void oversizedRefused() {
        String raw = GOOD.replace("123 Lê Lợi", "Lê Lợi ".repeat(150));
        assertThatThrownBy(() -> Cccd.parse(raw, TODAY))
                .isInstanceOfSatisfying(CccdException.class, e -> assertThat(e.field()).isEqualTo("format"));
    }

    @Test
    @DisplayName("parse without a date uses today in Vietnam")
    void parsesWithTodaysDate() throws CccdException {
        assertThat(Cccd.parse(GOOD).idNumber()).isEqualTo("079203001234");
    }
}
