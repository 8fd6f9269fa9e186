package vn.kiosk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.config.Config;

class TrustedProxiesTest {
    @Test
    @DisplayName("Addresses and CIDR ranges, IPv4 and IPv6, match exactly what they cover")
    void ranges() {
        TrustedProxies p = TrustedProxies.parse(List.of("10.0.0.5", "192.168.8.0/21", "fd00::/8", "::1"));
        assertThat(p.trusts("10.0.0.5")).isTrue();
        assertThat(p.trusts("10.0.0.6")).isFalse();
        assertThat(p.trusts("192.168.15.255")).isTrue();
        assertThat(p.trusts("192.168.16.0")).isFalse();
        assertThat(p.trusts("fd12:3456::1")).isTrue();
        assertThat(p.trusts("fe80::1")).isFalse();
        assertThat(p.trusts("::1")).isTrue();
        assertThat(p.trusts("::ffff:10.0.0.5")).as("IPv4-mapped").isTrue();
        assertThat(p.trusts("example.com")).isFalse();
    }

    @Test
    @DisplayName("A name or a bad prefix is refused with the setting named")
    void badEntries() {
        assertThatThrownBy(() -> Config.from(Map.of(Config.TRUSTED_PROXIES, "proxy.local")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessage("KIOSK_TRUSTED_PROXIES: 'proxy.local' is not an IP address or CIDR range (names are not resolved)");
        assertThatThrownBy(() -> Config.from(Map.of(Config.TRUSTED_PROXIES, "10.0.0.0/33")))
                .hasMessage("KIOSK_TRUSTED_PROXIES: '10.0.0.0/33' has a bad prefix length");
    }
}
