package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QrMatrixTest {
    private static final String ALPHABET = "abcXYZ0189.-_/:?=&ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ|";

    @Test
    @DisplayName("the fast mask choice gives exactly ZXing's modules for texts of every size")
    void sameModulesAsZxing() throws WriterException {
        Random random = new Random(20210801);
        for (int i = 0; i < 400; i++) {
            int length = 1 + random.nextInt(i < 300 ? 120 : 500);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < length; c++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            QRCode zxing = Encoder.encode(text.toString(), ErrorCorrectionLevel.Q,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            assertThat(QrMatrix.encode(text.toString()))
                    .as("text of %d chars, version %d", length, zxing.getVersion().getVersionNumber())
                    .isDeepEqualTo(zxing.getMatrix().getArray());
        }
    }

    @Test
    @DisplayName("every mask derived by XOR equals ZXing's symbol built with that mask")
    void derivedMasksMatchZxing() throws WriterException {
        String text = QrCodesTest.SITE_URL;
        byte[][] maskZero = build(text, 0);
        int version = Encoder.encode(text, ErrorCorrectionLevel.Q, Map.of()).getVersion().getVersionNumber();
        byte[][][] differences = QrMatrix.differences(version);
        for (int mask = 1; mask < QrMatrix.MASK_COUNT; mask++) {
            byte[][] derived = new byte[maskZero.length][maskZero.length];
            for (int y = 0; y < maskZero.length; y++) {
                for (int x = 0; x < maskZero.length; x++) {
                    derived[y][x] = (byte) (maskZero[y][x] ^ differences[mask][y][x]);
                }
            }
            assertThat(derived).as("mask %d", mask).isDeepEqualTo(build(text, mask));
        }
    }

    private static byte[][] build(String text, int mask) throws WriterException {
        return Encoder.encode(text, ErrorCorrectionLevel.Q,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.QR_MASK_PATTERN, mask))
                .getMatrix().getArray();
    }
}
