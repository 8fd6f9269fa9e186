package vn.kiosk.server.campaign;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import vn.kiosk.server.http.ApiException;

/**
 * A campaign poster as kiosks get it: the upload's dimensions are read from its
 * header before anything is decoded (a small file may declare 12000 × 12000
 * pixels), it must decode without a single warning (a truncated JPEG decodes
 * "fine" into grey), and what is stored is a fresh encoding of the pixels, so
 * no uploaded byte — metadata, trailing data, a crafted chunk — reaches a tablet.
 * Blocking and memory-hungry: callers run it on a worker, one at a time.
 */
public final class CampaignImages {
    public static final int MAX_SIDE = 4096;
    public static final long MAX_PIXELS = 16L * 1024 * 1024;
    /** What the decoder may allocate: 16 Mpx at 4 bytes a pixel (fewer pixels at 16 bits a sample). */
    static final long MAX_DECODED_BYTES = MAX_PIXELS * 4;
    /** A re-encoding may come out larger than the upload, but not without bound. */
    static final int MAX_STORED_BYTES = 6 * 1024 * 1024;
    private static final float JPEG_QUALITY = 0.9f;

    public record Poster(byte[] bytes, String type, int width, int height) {
    }

    private CampaignImages() {
    }

    /** {@code image/png} or {@code image/jpeg} from the first bytes; 415 for anything else. */
    public static String type(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return "image/jpeg";
        }
        throw ApiException.of(415, "unsupported-media-type", "Unsupported image", "Send a PNG or JPEG image");
    }

    /** The upload, checked and re-encoded in its own format; 422 when it lies, is too large or does not decode. */
    public static Poster reencode(byte[] upload) {
        String type = type(upload);
        String format = type.equals("image/png") ? "png" : "jpeg";
        BufferedImage decoded;
        try {
            decoded = decode(upload, format);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports broken files as IIOException and, for some crafted ones, as runtime exceptions
            throw invalid();
        }
        BufferedImage clean = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
                decoded.getColorModel().hasAlpha() && format.equals("png")
                        ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = clean.createGraphics();
        g.drawImage(decoded, 0, 0, null);
        g.dispose();
        byte[] bytes = encode(clean, format);
        if (bytes.length > MAX_STORED_BYTES) {
            throw ApiException.unprocessable("image-too-large", "The poster would take " + bytes.length / 1024
                    + " KB once re-encoded; send a smaller or simpler image");
        }
        return new Poster(bytes, type, clean.getWidth(), clean.getHeight());
    }

    private static BufferedImage decode(byte[] upload, String format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(width, height, reader.getRawImageType(0));
                boolean[] warned = {false};
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                BufferedImage image = reader.read(0);
                if (warned[0]) {
                    throw invalid();
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    private static void checkSize(int width, int height, ImageTypeSpecifier raw) {
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw ApiException.unprocessable("image-too-large", "The image is " + width + " × " + height
                    + " pixels; a poster may be at most " + MAX_SIDE + " pixels a side and 16 megapixels");
        }
        if (raw == null) {
            throw invalid(); // a colour layout ImageIO cannot decode (CMYK JPEG, …)
        }
        long bytesPerPixel = Math.max(1, (raw.getColorModel().getPixelSize() + 7) / 8);
        if ((long) width * height * bytesPerPixel > MAX_DECODED_BYTES) {
            throw ApiException.unprocessable("image-too-large", "The image is " + width + " × " + height
                    + " pixels at " + raw.getColorModel().getPixelSize() + " bits each; send it with 8 bits a channel");
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Encoding a poster in memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ApiException invalid() {
        return ApiException.unprocessable("invalid-image",
                "The image could not be read: it is cut short, corrupt or in a form this server does not decode");
    }
}
