package vn.kiosk.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An event stream read over a bare socket, so a test sees every byte the server writes, also after the end of
 * the response, and can hang up cleanly or reset the connection, as a tablet losing Wi-Fi would.
 */
public final class RawStream implements AutoCloseable {
    private static final String LAST_CHUNK = "\r\n0\r\n\r\n";

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CountDownLatch headers = new CountDownLatch(1);
    private final CountDownLatch gone = new CountDownLatch(1);

    public RawStream(int port, String path, String bearer) throws IOException {
        socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread reader = new Thread(this::read, "raw-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buf = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (received) {
                    received.write(buf, 0, n);
                }
                if (text().contains("\r\n\r\n")) {
                    headers.countDown();
                }
            }
        } catch (IOException e) {
            // closed or reset: the end of what this stream can see
        } finally {
            headers.countDown();
            gone.countDown();
        }
    }

    /** The status of the answer, once its headers arrived. */
    public int awaitStatus() throws InterruptedException {
        headers.await(10, TimeUnit.SECONDS);
        String t = text();
        return t.startsWith("HTTP/1.1 ") ? Integer.parseInt(t.substring(9, 12)) : -1;
    }

    /** Whether the server ended the response (its last chunk) or the connection within the time. */
    public boolean awaitEnded(long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            if (text().contains(LAST_CHUNK) || gone.getCount() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Bytes the server wrote after it ended the response. */
    public String afterEnd() {
        String t = text();
        int end = t.indexOf(LAST_CHUNK);
        return end < 0 ? "" : t.substring(end + LAST_CHUNK.length());
    }

    public String text() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** Hangs up with a reset instead of an orderly close. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
