package vn.kiosk.server.sms;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The replies that stop every reminder: "TU CHOI", "HUY", "STOP" and their like, however a visitor types them
 * (case, diacritics, spaces, punctuation around): "Từ chối", "tu choi.", "huỷ", "Stop please".
 */
public final class Keywords {
    /** As the messages and the documentation show them. */
    public static final List<String> OPT_OUT = List.of("TU CHOI", "HUY", "STOP", "NGUNG");

    private Keywords() {
    }

    public static boolean optsOut(String reply) {
        String folded = fold(reply);
        for (String k : OPT_OUT) {
            if (folded.equals(k) || folded.startsWith(k + " ") || folded.equals(k.replace(" ", ""))
                    || folded.startsWith(k.replace(" ", "") + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Upper case, no diacritics (đ → D), runs of anything but letters and digits as one space. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return bare.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim();
    }
}
