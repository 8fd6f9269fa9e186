package vn.kiosk.qr;

/** Character checks shared by names and addresses read from QR codes. */
final class TextRules {
    private TextRules() {
    }

    /** No control, format or unassigned code points and no lone surrogates (these break display and CSV export). */
    static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.FORMAT
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
