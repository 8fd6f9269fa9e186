package vn.kiosk.qr;

/**
 * The privacy notice printed on a site's poster: the version a visitor agrees to, who answers for the data,
 * how long it is kept, and the texts in Vietnamese and English. {@code keepsCccdDetails}: the site is
 * configured to keep a CCCD's birth date or address, which the poster then says.
 */
public record PosterNotice(int version, String controller, int retentionDays, boolean keepsCccdDetails, Texts vi,
                           Texts en) {
    /** One language's sections. */
    public record Texts(String purpose, String data, String recipients, String rights) {
    }

    public PosterNotice {
        if (controller == null || controller.isBlank() || vi == null || en == null) {
            throw new IllegalArgumentException("a notice needs its controller and both languages");
        }
    }
}
