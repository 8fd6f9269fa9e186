package vn.kiosk.qr;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfirmationTest {
    static final byte[] KEY = "confirmation-key-for-tests-01".getBytes(US_ASCII);
    static final Instant NOW = Instant.parse("2021-08-01T08:00:00Z");

    @Test
    @DisplayName("an installed answer round-trips with its Bluezone ID")
    void installedRoundTrip() throws TokenException {
        ConfirmationClaims claims = Confirmation.claims("visit-8f3a", 17, "A1B2C3", NOW);
        String text = Confirmation.issue(claims, KEY);
        assertThat(text).matches("c1\\.visit-8f3a\\.17\\.1\\.A1B2C3\\.1627805100\\.[A-Za-z0-9_-]{22}");
        assertThat(Confirmation.verify(text, KEY, NOW)).isEqualTo(claims);
    }

    @Test
    @DisplayName("a not-installed answer carries an empty Bluezone ID field")
    void notInstalledRoundTrip() throws TokenException {
        ConfirmationClaims claims = new ConfirmationClaims("V1", 3, false, null, NOW.getEpochSecond() + 60);
        String text = Confirmation.issue(claims, KEY);
        assertThat(text).startsWith("c1.V1.3.0..");
        assertThat(Confirmation.verify(text, KEY, NOW)).isEqualTo(claims);
    }

    @Test
    @DisplayName("installed by the visitor's word without the ID: flag d and an empty ID field")
    void declaredWithoutIdRoundTrip() throws TokenException {
        ConfirmationClaims claims = new ConfirmationClaims("V1", 3, true, null, NOW.getEpochSecond() + 60);
        String text = Confirmation.issue(claims, KEY);
        assertThat(text).startsWith("c1.V1.3.d..");
        assertThat(Confirmation.verify(text, KEY, NOW)).isEqualTo(claims);
        assertThat(claims.declaredOnly()).isTrue();
        assertThat(Confirmation.verify(Confirmation.issue(Confirmation.claims("V1", 3, "ABCD", NOW), KEY), KEY, NOW)
                .declaredOnly()).isFalse();
    }

    @Test
    @DisplayName("a confirmation is valid for five minutes and refused as expired from then on")
    void expiry() throws TokenException {
        String text = Confirmation.issue(Confirmation.claims("v", 1, null, NOW), KEY);
        Confirmation.verify(text, KEY, NOW.plus(Confirmation.VALIDITY).minusSeconds(1));
        assertThatThrownBy(() -> Confirmation.verify(text, KEY, NOW.plus(Confirmation.VALIDITY)))
                .isInstanceOf(TokenException.class).hasMessageContaining("expired");
    }

    @Test
    @DisplayName("a wrong key is refused")
    void wrongKey() {
        String text = Confirmation.issue(Confirmation.claims("v", 1, "ABCD", NOW), KEY);
        byte[] other = "other-confirmation-key-000001".getBytes(US_ASCII);
        assertThatThrownBy(() -> Confirmation.verify(text, other, NOW))
                .isInstanceOf(TokenException.class).hasMessage("confirmation signature is invalid");
    }

    @Test
    @DisplayName("claims outside the documented shapes are programming errors at issue")
    void claimsValidated() {
        assertThatThrownBy(() -> new ConfirmationClaims("a.b", 1, false, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfirmationClaims("x".repeat(65), 1, false, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfirmationClaims("v", 1, true, "ABC", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfirmationClaims("v", 1, true, "ABCDEFGHIJKLM", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfirmationClaims("v", 1, false, "ABCD", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("texts that break the format are refused even with a valid-looking signature field")
    void malformedRefused() {
        String mac = "A".repeat(22);
        for (String bad : new String[] {"c1.v.1.1..9." + mac, "c1.v.1.0.ABCD.9." + mac, "c1.v.1.2..9." + mac, "c1.v.1.d.ABCD.9." + mac, "c1.v.1.D..9." + mac,
            "c1..1.0..9." + mac, "c1.v_x.1.0..9." + mac, "c1.v.01.0..9." + mac, "c2.v.1.0..9." + mac,
            "c1.v.1.0..9", "c1.v.1.1.AB!D.9." + mac}) {
            assertThatThrownBy(() -> Confirmation.verify(bad, KEY, NOW)).isInstanceOf(TokenException.class);
        }
    }

    @Test
    @DisplayName("Bluezone statuses have lowercase wire names and bilingual labels")
    void statuses() {
        assertThat(BluezoneStatus.QR_CONFIRMED.wire()).isEqualTo("qr_confirmed");
        assertThat(BluezoneStatus.INSTALLED_ON_SITE.wire()).isEqualTo("installed_on_site");
        for (BluezoneStatus status : BluezoneStatus.values()) {
            assertThat(BluezoneStatus.fromWire(status.wire())).isSameAs(status);
            assertThat(java.text.Normalizer.isNormalized(status.labelVi(), java.text.Normalizer.Form.NFC)).isTrue();
            assertThat(status.labelEn()).isNotBlank();
        }
        assertThat(BluezoneStatus.NO_SMARTPHONE.labelVi()).isEqualTo("Không có điện thoại thông minh");
        assertThatThrownBy(() -> BluezoneStatus.fromWire("QR_CONFIRMED")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BluezoneStatus.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
