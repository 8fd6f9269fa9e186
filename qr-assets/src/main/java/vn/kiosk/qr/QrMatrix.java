package vn.kiosk.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * ZXing's QR encoder at error correction Q with a faster mask choice. ZXing builds the symbol eight times to score
 * its eight masks, which is most of its cost. Here ZXing builds it once with mask 0; the other masks follow by XOR
 * with a per-version map of the modules where two masks differ (data modules and format bits, independent of the
 * data). Masks are scored by the same penalty rules ZXing uses, so the modules are exactly ZXing's (see tests).
 */
final class QrMatrix {
    static final int MASK_COUNT = 8;
    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.Q;
    private static final Map<EncodeHintType, Object> MASK_ZERO =
            Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.QR_MASK_PATTERN, 0);
    private static final AtomicReferenceArray<byte[][][]> MASK_DIFFERENCES = new AtomicReferenceArray<>(41);

    private QrMatrix() {
    }

    /** Modules as [y][x], 1 for dark, without the quiet zone. */
    static byte[][] encode(String text) throws WriterException {
        QRCode code = Encoder.encode(text, LEVEL, MASK_ZERO);
        byte[][] modules = code.getMatrix().getArray();
        byte[][][] differences = differences(code.getVersion().getVersionNumber());
        int size = modules.length;
        byte[][] candidate = new byte[size][size];
        int bestMask = 0;
        int bestPenalty = MaskPenalty.of(modules);
        for (int mask = 1; mask < MASK_COUNT; mask++) {
            xor(modules, differences[mask], candidate);
            int penalty = MaskPenalty.of(candidate);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                bestMask = mask;
            }
        }
        if (bestMask != 0) {
            xor(modules, differences[bestMask], modules);
        }
        return modules;
    }

    /** The symbol with each of the eight masks, the best by penalty first (the order ZXing would prefer them). */
    static java.util.List<byte[][]> byPenalty(String text) throws WriterException {
        QRCode code = Encoder.encode(text, LEVEL, MASK_ZERO);
        byte[][] modules = code.getMatrix().getArray();
        byte[][][] differences = differences(code.getVersion().getVersionNumber());
        java.util.List<byte[][]> all = new java.util.ArrayList<>(MASK_COUNT);
        java.util.List<Integer> penalties = new java.util.ArrayList<>(MASK_COUNT);
        for (int mask = 0; mask < MASK_COUNT; mask++) {
            byte[][] candidate = new byte[modules.length][modules.length];
            if (mask == 0) {
                xor(modules, new byte[modules.length][modules.length], candidate);
            } else {
                xor(modules, differences[mask], candidate);
            }
            all.add(candidate);
            penalties.add(MaskPenalty.of(candidate));
        }
        java.util.List<Integer> order = new java.util.ArrayList<>(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7));
        order.sort(java.util.Comparator.comparing(penalties::get)); // stable: ties keep the lower mask, as ZXing
        return order.stream().map(all::get).toList();
    }

    /** For each mask m, the modules where the symbol with mask m differs from the one with mask 0. */
    static byte[][][] differences(int version) {
        byte[][][] cached = MASK_DIFFERENCES.get(version);
        if (cached != null) {
            return cached;
        }
        byte[][] maskZero = reference(version, 0);
        byte[][][] computed = new byte[MASK_COUNT][][];
        for (int mask = 1; mask < MASK_COUNT; mask++) {
            computed[mask] = new byte[maskZero.length][maskZero.length];
            xor(maskZero, reference(version, mask), computed[mask]);
        }
        MASK_DIFFERENCES.compareAndSet(version, null, computed);
        return MASK_DIFFERENCES.get(version);
    }

    private static byte[][] reference(int version, int mask) {
        try {
            Map<EncodeHintType, Object> hints =
                    Map.of(EncodeHintType.QR_VERSION, version, EncodeHintType.QR_MASK_PATTERN, mask);
            return Encoder.encode("0", LEVEL, hints).getMatrix().getArray();
        } catch (WriterException e) {
            throw new IllegalStateException("ZXing cannot build version " + version, e);
        }
    }

    private static void xor(byte[][] a, byte[][] b, byte[][] target) {
        for (int y = 0; y < a.length; y++) {
            byte[] rowA = a[y];
            byte[] rowB = b[y];
            byte[] out = target[y];
            for (int x = 0; x < rowA.length; x++) {
                out[x] = (byte) (rowA[x] ^ rowB[x]);
            }
        }
    }
}
