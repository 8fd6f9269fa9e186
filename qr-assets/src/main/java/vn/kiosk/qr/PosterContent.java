package vn.kiosk.qr;

/**
 * What a site's printed A4 poster shows. {@code provinceAppName} (e.g. "Smart Thanh Hóa") adds a block for the
 * province's own app, with a QR when {@code provinceAppUrl} is given; {@code notice}, the privacy notice
 * visitors agree to (null: the one-line note of earlier posters).
 */
public record PosterContent(String siteName, String siteAddress, String checkInUrl, String provinceAppName,
                            String provinceAppUrl, PosterNotice notice) {
    public PosterContent(String siteName, String siteAddress, String checkInUrl, String provinceAppName,
                         String provinceAppUrl) {
        this(siteName, siteAddress, checkInUrl, provinceAppName, provinceAppUrl, null);
    }

    public PosterContent {
        if (siteName == null || siteName.isBlank()) {
            throw new IllegalArgumentException("siteName is required");
        }
        if (checkInUrl == null || checkInUrl.isBlank()) {
            throw new IllegalArgumentException("checkInUrl is required");
        }
        if (provinceAppUrl != null && (provinceAppName == null || provinceAppName.isBlank())) {
            throw new IllegalArgumentException("provinceAppUrl needs a provinceAppName");
        }
    }
}
