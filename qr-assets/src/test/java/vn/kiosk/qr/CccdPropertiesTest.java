package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CccdPropertiesTest {

    @Test
    @DisplayName("Arbitrary text only ever fails with CccdException naming a known field")
    void arbitraryTextOnlyThrowsCccdException() {
        for (String raw : Fuzz.texts("0123456789|NamữNữ ", 1200, CccdTest.GOOD)) {
            try {
                Cccd.parse(raw, CccdTest.TODAY);
            } catch (CccdException e) {
                assertThat(e.field()).isIn("id", "oldId", "name", "birthDate", "sex", "address", "issueDate", "format");
            }
        }
    }
}
