package vn.kiosk.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * QR rendering (SVG, PNG) and decoding of camera frames, with ZXing. Codes use error correction Q (survives print
 * wear and smudged screens) and a UTF-8 ECI so Vietnamese text decodes the same everywhere.
 */
public final class QrCodes {
    public static final int QUIET_ZONE_MODULES = 4;
    public static final int MAX_IMAGE_SIDE = 4096;
    public static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;

    /** UTF-8 is also the fallback for codes without an ECI, such as the Vietnamese text on CCCD cards. */
    private static final Map<DecodeHintType, Object> DECODE_HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "UTF-8");
    private static final Set<String> DECODABLE_FORMATS = Set.of("png", "jpeg");

    private QrCodes() {
    }

    /** The code's modules as [y][x] without quiet zone; 1 is dark. */
    static byte[][] modules(String text) {
        return modules(text, false);
    }

    /**
     * {@code checked}: for codes that last (posters, PNGs, PDFs), the symbol is one a reader is seen to find; it costs
     * a decode (a few ms), too much for the rotating codes, which are rendered ~1,000 a second and live seconds.
     */
    static byte[][] modules(String text, boolean checked) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR text is empty");
        }
        try {
            byte[][] best = QrMatrix.encode(text);
            if (!checked || readable(best, text)) {
                return best;
            }
            // About 2 % of URLs like a poster's get a mask that ZXing's own reader cannot find in a perfect image
            // (nor in ZXing's rendering of it): the next mask by penalty that it reads is printed instead.
            for (byte[][] candidate : QrMatrix.byPenalty(text)) {
                if (readable(candidate, text)) {
                    return candidate;
                }
            }
            return best;
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /** Whether a reader finds {@code text} in a clean rendering of the modules (10 px a module, quiet zone: at 3 px a reader passes codes it then misses at poster sizes). */
    private static boolean readable(byte[][] matrix, String text) {
        int scale = 10;
        int side = (matrix.length + 2 * QUIET_ZONE_MODULES) * scale;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < matrix.length; y++) {
            for (int x = 0; x < matrix.length; x++) {
                if (matrix[y][x] == 1) {
                    for (int dy = 0; dy < scale; dy++) {
                        int row = ((y + QUIET_ZONE_MODULES) * scale + dy) * side + (x + QUIET_ZONE_MODULES) * scale;
                        java.util.Arrays.fill(pixels, row, row + scale, 0xFF000000);
                    }
                }
            }
        }
        return decode(new com.google.zxing.RGBLuminanceSource(side, side, pixels)).filter(text::equals).isPresent();
    }

    /** One path of unit squares in a viewBox measured in modules, quiet zone included, so it scales freely. */
    public static String svg(String text) {
        return svg(text, false);
    }

    /** {@code checked}: see {@link #modules(String, boolean)}; for a poster's code. */
    public static String svg(String text, boolean checked) {
        byte[][] matrix = modules(text, checked);
        int width = matrix.length;
        int side = width + 2 * QUIET_ZONE_MODULES;
        StringBuilder svg = new StringBuilder(200 + width * width * 3);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(side).append(' ').append(side)
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"").append(side).append("\" height=\"")
                .append(side).append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < width; y++) {
            byte[] row = matrix[y];
            int x = 0;
            while (x < width) {
                if (row[x] != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && row[x] == 1) {
                    x++;
                }
                int run = x - start;
                svg.append('M').append(start + QUIET_ZONE_MODULES).append(' ').append(y + QUIET_ZONE_MODULES)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    /**
     * A square black-and-white PNG of {@code sizePx}; modules get a whole number of pixels each (sharp edges) and
     * the remainder widens the quiet zone.
     */
    public static byte[] png(String text, int sizePx) {
        if (sizePx <= 0 || sizePx > MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException("sizePx must be 1 to " + MAX_IMAGE_SIDE);
        }
        byte[][] matrix = modules(text, true);
        int width = matrix.length;
        int scale = sizePx / (width + 2 * QUIET_ZONE_MODULES);
        if (scale < 1) {
            throw new IllegalArgumentException("sizePx must be at least " + (width + 2 * QUIET_ZONE_MODULES)
                    + " for this text");
        }
        int offset = (sizePx - width * scale) / 2;
        return PngWriter.blackOnWhite(sizePx, matrix, scale, offset);
    }

    /**
     * Finds one QR code in a JPEG or PNG camera frame. The image size is read from its header first, so a huge
     * image is refused ({@link IllegalArgumentException}) before its pixels are decoded.
     */
    public static Optional<String> decode(byte[] imageBytes) throws IOException {
        BufferedImage image = readBounded(imageBytes);
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Optional<String> found = decode(source);
        return found.isPresent() ? found : decode(source.invert());
    }

    private static Optional<String> decode(LuminanceSource source) {
        BinaryBitmap[] attempts = {
            new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source))
        };
        for (BinaryBitmap bitmap : attempts) {
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, DECODE_HINTS).getText());
            } catch (NotFoundException | ChecksumException | FormatException e) {
                // try the next binarizer: global thresholds win on blurred frames, hybrid on uneven light
            }
        }
        return Optional.empty();
    }

    private static BufferedImage readBounded(byte[] imageBytes) throws IOException {
        if (imageBytes == null || imageBytes.length == 0) {
            throw new IOException("image is empty");
        }
        if (imageBytes.length > MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("image is larger than " + MAX_IMAGE_BYTES + " bytes");
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("image is neither JPEG nor PNG");
            }
            ImageReader reader = readers.next();
            try {
                if (!DECODABLE_FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw new IOException("image is neither JPEG nor PNG");
                }
                int width;
                int height;
                try {
                    reader.setInput(input, true, true);
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (RuntimeException e) {
                    throw new IOException("image header cannot be read", e);
                }
                if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
                    throw new IllegalArgumentException(
                            "image is larger than " + MAX_IMAGE_SIDE + "x" + MAX_IMAGE_SIDE + " pixels");
                }
                try {
                    return reader.read(0);
                } catch (RuntimeException e) {
                    throw new IOException("image cannot be read", e);
                }
            } finally {
                reader.dispose();
            }
        }
    }
}
