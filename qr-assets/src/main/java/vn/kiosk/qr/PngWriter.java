package vn.kiosk.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** A minimal 1-bit grayscale PNG encoder: far fewer allocations than ImageIO for two-colour codes. */
final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    interface Pixels {
        boolean isBlack(int x, int y);
    }

    private PngWriter() {
    }

    static byte[] blackOnWhite(int side, Pixels pixels) {
        int rowBytes = 1 + (side + 7) / 8;
        byte[] raw = new byte[rowBytes * side];
        for (int y = 0; y < side; y++) {
            int rowStart = y * rowBytes;
            for (int x = 0; x < side; x++) {
                if (!pixels.isBlack(x, y)) {
                    raw[rowStart + 1 + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
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
            byte[] compressed = new byte[raw.length + 64];
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
