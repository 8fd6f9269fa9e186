package vn.kiosk.qr;

import java.time.LocalDate;
import java.util.List;

/**
 * What the printable report of results ("báo cáo kết quả triển khai") that a district or province sends upward
 * holds: who issues it and when, the day it reports, the figures per area and per site, and who signs it.
 * Rates are fractions (0.486 is 48,6 %); null where nothing was declared.
 *
 * @param parentBody the body above the issuer, e.g. "UBND TỈNH QUẢNG TRỊ" (blank for none)
 * @param issuer     the issuing body, e.g. "UBND THÀNH PHỐ ĐÔNG HÀ"
 * @param number     the number and symbol after "Số:", e.g. "125/BC-UBND"; blank leaves it to be filled in by hand
 * @param place      the place before the date, e.g. "Đông Hà"
 * @param areaLabel  the heading of the area column, e.g. "Huyện, thị xã, thành phố"
 * @param areaName   the area the report covers, e.g. "thành phố Đông Hà"
 */
public record DistrictReport(String parentBody, String issuer, String number, String place, LocalDate issuedOn,
                             LocalDate day, String areaLabel, String areaName, List<Area> areas, Area total,
                             List<SiteLine> sites, List<String> silentSites, List<String> recipients,
                             String signerTitle, String signerName) {
    public DistrictReport {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer is required");
        }
        if (issuedOn == null || day == null || total == null) {
            throw new IllegalArgumentException("issuedOn, day and total are required");
        }
        areas = List.copyOf(areas);
        sites = List.copyOf(sites);
        silentSites = List.copyOf(silentSites);
        recipients = List.copyOf(recipients);
    }

    /** The rate an area aims at and by when. */
    public record Target(double rate, LocalDate dueOn) {
    }

    /** One area's row (or the total): its sites, those that logged something, entries, people, rate, target. */
    public record Area(String name, int sites, int activeSites, int entries, int uniqueVisitors, Double installRate,
                       Target target) {
    }

    /** One site's row. */
    public record SiteLine(String name, String area, int entries, int uniqueVisitors, Double installRate,
                           boolean silent) {
    }
}
