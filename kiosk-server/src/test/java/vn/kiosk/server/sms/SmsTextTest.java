package vn.kiosk.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsTextTest {
    @Test
    @DisplayName("Up to 70 UCS-2 characters go as one message without a header")
    void single() {
        String text = "Nguyễn Thị Hồng Nhung đã khai báo ra/vào tại Bệnh viện Đa khoa Quảng Trị".substring(0, 70);
        List<byte[]> parts = SmsText.parts(text, 7);
        assertThat(parts).hasSize(1);
        assertThat(new String(parts.get(0), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    @DisplayName("A longer text goes in parts of 67 characters, each with a numbered concatenation header")
    void long_() {
        String text = "ă".repeat(71 + 67);
        List<byte[]> parts = SmsText.parts(text, 200);
        assertThat(parts).hasSize(3);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            byte[] p = parts.get(i);
            assertThat(p.length).isLessThanOrEqualTo(140);
            assertThat(new byte[] {p[0], p[1], p[2], p[3], p[4], p[5]})
                    .containsExactly(5, 0, 3, (byte) 200, 3, i + 1);
            joined.append(new String(p, 6, p.length - 6, StandardCharsets.UTF_16BE));
        }
        assertThat(joined.toString()).isEqualTo(text);
        assertThat(parts.get(0).length).isEqualTo(6 + 134);
    }

    @Test
    @DisplayName("A character outside the BMP is never cut between two parts; text is sent as NFC")
    void surrogates() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        List<byte[]> parts = SmsText.parts(text, 1);
        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(1), 6, parts.get(1).length - 6, StandardCharsets.UTF_16BE)).startsWith("😀");
        String decomposed = "Vie\u0302\u0323t Nam"; // "Việt Nam" as NFD
        assertThat(new String(SmsText.parts(decomposed, 1).get(0), StandardCharsets.UTF_16BE)).isEqualTo("Việt Nam");
    }

    @Test
    @DisplayName("A reply is read by its data_coding: UCS-2, or the default alphabet as plain letters")
    void decode() {
        assertThat(SmsText.decode("Từ chối".getBytes(StandardCharsets.UTF_16BE), (byte) 8, false)).isEqualTo("Từ chối");
        assertThat(SmsText.decode("STOP".getBytes(StandardCharsets.US_ASCII), (byte) 0, false)).isEqualTo("STOP");
    }
}
