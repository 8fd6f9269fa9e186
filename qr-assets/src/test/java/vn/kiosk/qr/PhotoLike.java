package vn.kiosk.qr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Turns a clean render into something like a tablet camera frame. */
final class PhotoLike {
    private PhotoLike() {
    }

    static BufferedImage distort(BufferedImage clean, double scale, double degrees, long seed) {
        int side = (int) (Math.max(clean.getWidth(), clean.getHeight()) * 1.1);
        BufferedImage frame = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(side / 2.0, side / 2.0);
        g.rotate(Math.toRadians(degrees));
        g.scale(scale, scale);
        g.drawImage(clean, -clean.getWidth() / 2, -clean.getHeight() / 2, null);
        g.dispose();

        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = frame.getRGB(x, y);
                int light = (int) (random.nextGaussian() * 18) - 25 * x / side;
                frame.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + light) << 16)
                        | (clamp(((rgb >> 8) & 0xff) + light) << 8) | clamp((rgb & 0xff) + light));
            }
        }
        float ninth = 1f / 9f;
        Kernel blur = new Kernel(3, 3, new float[] {ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth});
        return new ConvolveOp(blur, ConvolveOp.EDGE_NO_OP, null).filter(frame, null);
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
