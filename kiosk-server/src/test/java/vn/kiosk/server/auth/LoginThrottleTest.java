package vn.kiosk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.http.ApiException;

class LoginThrottleTest {
    static final Instant T0 = Instant.parse("2021-08-01T08:00:00Z");
    final LoginThrottle throttle = new LoginThrottle();

    private static int retryAfter(Runnable attempt) {
        try {
            attempt.run();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(429);
            return e.retryAfterSeconds();
        }
        return 0;
    }

    private void fail(String account, String address, String device, Instant at) {
        throttle.check(account, address, device, at);
        throttle.failed(account, address, device, at);
    }

    @Test
    @DisplayName("A known device signs in however many strangers fail against its account")
    void knownDeviceIsNeverSlowedByOthers() {
        for (int i = 0; i < 100; i++) {
            int n = i;
            retryAfter(() -> fail("admin", "10.0.0." + n, null, T0.plusSeconds(n)));
        }
        assertThatCode(() -> throttle.check("admin", "10.9.9.9", "device-mac", T0.plusSeconds(99))).doesNotThrowAnyException();
        assertThat(retryAfter(() -> throttle.check("admin", "10.9.9.8", null, T0.plusSeconds(99))))
                .as("an unknown device waits").isBetween(1, 30);
    }

    @Test
    @DisplayName("An account attacked from unknown devices is slowed to one attempt in 30 s for them, not closed")
    void attackedAccountIsSlowedNotClosed() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            fail("an", "10.1.0." + i, null, T0);
        }
        assertThatCode(() -> throttle.check("an", "10.2.0.1", null, T0)).doesNotThrowAnyException();
        assertThat(retryAfter(() -> throttle.check("an", "10.2.0.2", null, T0.plusSeconds(10)))).isEqualTo(20);
        assertThatCode(() -> throttle.check("an", "10.2.0.2", null, T0.plusSeconds(30))).doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("other-account", "10.2.0.2", null, T0.plusSeconds(31)))
                .doesNotThrowAnyException();
        // a new window: fast again
        assertThatCode(() -> throttle.check("an", "10.2.0.3", null, T0.plus(LoginThrottle.WINDOW)))
                .doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("an", "10.2.0.3", null, T0.plus(LoginThrottle.WINDOW).plusSeconds(1)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("An address with 30 failures over any accounts waits for the window to end")
    void addressIsBlocked() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            fail("user" + i, "10.3.0.1", null, T0.plusSeconds(i));
        }
        assertThat(retryAfter(() -> throttle.check("fresh", "10.3.0.1", null, T0.plusSeconds(60))))
                .isEqualTo((int) LoginThrottle.WINDOW.toSeconds() - 60);
        assertThatCode(() -> throttle.check("fresh", "10.3.0.2", null, T0.plusSeconds(60))).doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("fresh", "10.3.0.1", "device-mac", T0.plusSeconds(60)))
                .as("a known device behind the same address").doesNotThrowAnyException();
    }

    @Test
    @DisplayName("A known device's own failures count against it: after 10 it is treated as unknown")
    void knownDeviceFailuresCount() {
        for (int i = 0; i < LoginThrottle.DEVICE_FAILURES; i++) {
            fail("binh", "10.4.0.1", "stolen-cookie-mac", T0);
        }
        assertThatCode(() -> fail("binh", "10.4.0.1", "stolen-cookie-mac", T0)).doesNotThrowAnyException();
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            retryAfter(() -> fail("binh", "10.4.0.1", "stolen-cookie-mac", T0.plusSeconds(1)));
        }
        assertThatThrownBy(() -> throttle.check("binh", "10.4.0.1", "stolen-cookie-mac", T0.plusSeconds(2)))
                .isInstanceOf(ApiException.class);
        assertThatCode(() -> throttle.check("binh", "10.4.0.9", "another-device", T0.plusSeconds(2)))
                .doesNotThrowAnyException();
    }
}
