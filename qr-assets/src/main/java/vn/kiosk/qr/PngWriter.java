package vn.kiosk.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** A minimal 1-bit grayscale PNG encoder: far fewer allocations than ImageIO for two-colour codes. */
final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngWriter() {
    }

    /**
     * A square PNG of {@code side} pixels from a module matrix: each module becomes {@code scale} x {@code scale}
     * pixels starting at ({@code offset}, {@code offset}); everything else is white.
     */
    static byte[] blackOnWhite(int side, byte[][] modules, int scale, int offset) {
        int rowBytes = 1 + (side + 7) / 8;
        byte[] white = new byte[rowBytes];
        Arrays.fill(white, 1, rowBytes, (byte) 0xFF);
        byte[] raw = new byte[rowBytes * side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(white, 0, raw, y * rowBytes, rowBytes);
        }
        byte[] line = new byte[rowBytes];
        for (int row = 0; row < modules.length; row++) {
            System.arraycopy(white, 0, line, 0, rowBytes);
            byte[] cells = modules[row];
            for (int column = 0; column < cells.length; column++) {
                if (cells[column] == 1) {
                    int from = offset + column * scale;
                    for (int x = from; x < from + scale; x++) {
                        line[1 + (x >> 3)] &= (byte) ~(0x80 >>> (x & 7));
                    }
                }
            }
            int firstY = offset + row * scale;
            for (int y = firstY; y < firstY + scale; y++) {
                System.arraycopy(line, 0, raw, y * rowBytes, rowBytes);
            }
        }
        return encode(side, raw);
    }

    /** {@code raw}: for each row, filter byte 0 then 1-bit grayscale pixels (1 is white). */
    private static byte[] encode(int side, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + raw.length / 8);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, side);
        putInt(header, 4, side);
        header[8] = 1;
        chunk(out, "IHDR", header, header.length);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] compressed = new byte[raw.length / 4 + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            chunk(out, "IDAT", compressed, length);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] lengthBytes = new byte[4];
        putInt(lengthBytes, 0, length);
        out.writeBytes(lengthBytes);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.writeBytes(crcBytes);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
