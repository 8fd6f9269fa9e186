package vn.kiosk.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeywordsTest {
    @Test
    @DisplayName("Opt-out replies are recognised whatever their case, diacritics, spacing and punctuation")
    void optOut() {
        for (String reply : new String[] {"TU CHOI", "Từ chối", "tu choi.", "TỪ CHỐI nhận tin", "tuchoi", "Huỷ", "hủy",
                "HUY", "stop", "Stop please", "  ngừng ", "NGUNG"}) {
            assertThat(Keywords.optsOut(reply)).as(reply).isTrue();
        }
        for (String reply : new String[] {"", "Cảm ơn", "ok", "stopover", "Tu", "Dũng", "HUYEN"}) {
            assertThat(Keywords.optsOut(reply)).as(reply).isFalse();
        }
    }
}
