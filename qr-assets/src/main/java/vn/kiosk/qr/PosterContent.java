package vn.kiosk.qr;

/**
 * What a site's printed A4 poster shows. {@code provinceAppName} (e.g. "Smart Thanh Hóa") adds a block for the
 * province's own app, with a QR when {@code provinceAppUrl} is given.
 */
public record PosterContent(String siteName, String siteAddress, String checkInUrl, String provinceAppName,
                            String provinceAppUrl) {
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
