package vn.kiosk.server.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import vn.kiosk.qr.QrCodes;

/**
 * A video file for Chromium's fake camera ({@code --use-file-for-fake-video-capture}): a QR code held up in front
 * of a grey background, as Y4M (YUV 4:2:0), which Chromium loops.
 */
final class FakeCamera {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private FakeCamera() {
    }

    static Path y4m(String text, Path dir) throws IOException {
        return y4m(text, dir, 10, 10, 0);
    }

    /**
     * A code shown for a second, then taken away for five, again and again (2 frames a second): what a visitor
     * does who shows their pass, lowers the phone and shows it once more.
     */
    static Path blinking(String text, Path dir) throws IOException {
        return y4m(text, dir, 2, 2, 10);
    }

    private static Path y4m(String text, Path dir, int fps, int shown, int blank) throws IOException {
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodes.png(text, 400)));
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(0x8a, 0x8f, 0x96));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.drawImage(qr, (WIDTH - 400) / 2, (HEIGHT - 400) / 2, null);
        g.dispose();
        byte[] y = luma(frame);
        BufferedImage empty = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D e = empty.createGraphics();
        e.setColor(new Color(0x8a, 0x8f, 0x96));
        e.fillRect(0, 0, WIDTH, HEIGHT);
        e.dispose();
        byte[] none = luma(empty);
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        java.util.Arrays.fill(chroma, (byte) 128);
        Path file = Files.createTempFile(dir, "camera-", ".y4m");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int f = 0; f < shown + blank; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(f < shown ? y : none);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }

    private static byte[] luma(BufferedImage frame) {
        byte[] y = new byte[WIDTH * HEIGHT];
        for (int j = 0; j < HEIGHT; j++) {
            for (int i = 0; i < WIDTH; i++) {
                int rgb = frame.getRGB(i, j);
                int r = (rgb >> 16) & 0xff;
                int gg = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                y[j * WIDTH + i] = (byte) Math.round(16 + (65.738 * r + 129.057 * gg + 25.064 * b) / 256.0);
            }
        }
        return y;
    }

    static java.util.List<String> flags(Path y4m) {
        return java.util.List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + y4m.toAbsolutePath());
    }
}
