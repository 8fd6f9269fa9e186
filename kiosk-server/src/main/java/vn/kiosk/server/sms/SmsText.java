package vn.kiosk.server.sms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as the short_message bytes of one or more submit_sm in UCS-2 (data_coding 0x08): up to 70 characters in
 * one message, else parts of up to 67 characters, each behind a concatenation header (UDH, 8-bit reference) so
 * the phone shows them as one message. A character outside the BMP (a surrogate pair) is never cut in two.
 */
public final class SmsText {
    /** UTF-16 units in a single message: 140 bytes. */
    public static final int SINGLE = 70;
    /** UTF-16 units in one part of a long message: 140 bytes less the 6-byte header. */
    public static final int PART = 67;
    /** A phone joins at most this many parts (the header counts them in one byte; telecoms refuse far fewer). */
    public static final int MAX_PARTS = 10;

    private SmsText() {
    }

    /** The short_message of each submit_sm, in order; more than one means esm_class UDHI (0x40). */
    public static List<byte[]> parts(String text, int reference) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (nfc.isEmpty()) {
            throw new IllegalArgumentException("an empty message");
        }
        if (nfc.length() <= SINGLE) {
            return List.of(nfc.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = new ArrayList<>();
        int at = 0;
        while (at < nfc.length()) {
            int end = Math.min(nfc.length(), at + PART);
            if (end < nfc.length() && Character.isHighSurrogate(nfc.charAt(end - 1))) {
                end--;
            }
            chunks.add(nfc.substring(at, end));
            at = end;
        }
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("a message of " + chunks.size() + " parts (at most " + MAX_PARTS + ")");
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            out.add(ByteBuffer.allocate(6 + body.length)
                    .put((byte) 5).put((byte) 0).put((byte) 3) // UDH length; IE "concatenated, 8-bit reference"; IE length
                    .put((byte) reference).put((byte) chunks.size()).put((byte) (i + 1))
                    .put(body).array());
        }
        return out;
    }

    /** The text of a message the SMSC delivered (a reply), by its data_coding; the UDH, if any, skipped. */
    public static String decode(byte[] message, byte dataCoding, boolean udhi) {
        if (message == null) {
            return "";
        }
        int from = udhi && message.length > 0 ? Math.min(message.length, 1 + (message[0] & 0xff)) : 0;
        int coding = dataCoding & 0xff;
        if (coding == 0x08) {
            return new String(message, from, (message.length - from) & ~1, StandardCharsets.UTF_16BE);
        }
        // The default alphabet comes unpacked from SMSCs, and a keyword is plain letters in it as in Latin-1.
        return new String(message, from, message.length - from, StandardCharsets.ISO_8859_1);
    }
}
