package vn.kiosk.server.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.kiosk.qr.DistrictReport;
import vn.kiosk.server.report.TargetStore.Target;

/**
 * A day's report, grouped by district, as the report of results a district (or province) sends upward: who
 * issues it follows from the area it covers (the People's Committee of the district, under that of its
 * province; of the province), unless the caller names the issuer.
 */
final class ReportDocument {
    /** Centrally-run cities: "thành phố", not "tỉnh". */
    private static final Set<String> CITIES = Set.of("hà nội", "hải phòng", "đà nẵng", "hồ chí minh", "cần thơ");
    private static final List<String> DISTRICT_KINDS = List.of("huyện", "quận", "thị xã", "thành phố");

    /** What the caller may say about the document; blank or null: the default. */
    record Options(String issuer, String number, String signerTitle, String signer) {
    }

    private ReportDocument() {
    }

    static DistrictReport of(ReportHandlers.Report r, List<Target> targets, LocalDate issuedOn, Options o) {
        List<ReportHandlers.Group> groups = r.groups();
        String province = groups.stream().map(ReportHandlers.Group::province).distinct().count() == 1
                ? groups.get(0).province() : null;
        String district = province != null && groups.size() == 1 ? groups.get(0).district() : null;

        List<DistrictReport.Area> areas = new ArrayList<>();
        for (ReportHandlers.Group g : groups) {
            areas.add(area(g.district(), g, TargetStore.forDistrict(targets, g.province(), g.district())));
        }
        Optional<Target> overall = district != null ? TargetStore.forDistrict(targets, province, district)
                : province != null ? targets.stream().filter(t -> t.isOf(province, null)).findFirst() : Optional.empty();
        DistrictReport.Area total = area("Tổng cộng", r.total(), overall);

        List<DistrictReport.SiteLine> sites = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (ReportService.SiteDay s : r.sites()) {
            DayFigures f = s.figures();
            sites.add(new DistrictReport.SiteLine(s.site().name(), s.site().district(), f.entries(), f.uniqueVisitors(),
                    f.installRate(), f.silent()));
            if (f.silent()) {
                silent.add(s.site().name() + " (" + s.site().district() + ")");
            }
        }

        String parent;
        String issuer;
        String place;
        String areaName;
        List<String> recipients;
        if (district != null) {
            parent = "UBND " + provinceName(province);
            issuer = "UBND " + district;
            place = bare(district);
            areaName = lowerKind(district);
            recipients = List.of("- UBND " + provinceName(province) + " (b/c);",
                    "- BCĐ phòng, chống dịch Covid-19 " + provinceName(province) + " (b/c);", "- Lưu: VT.");
        } else if (province != null) {
            parent = "";
            issuer = "UBND " + provinceName(province);
            place = bare(province);
            areaName = provinceName(province);
            recipients = List.of("- Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19 (b/c);",
                    "- Bộ Thông tin và Truyền thông (b/c);", "- Lưu: VT.");
        } else {
            parent = "";
            issuer = "Ban Chỉ đạo phòng, chống dịch Covid-19";
            place = "";
            areaName = "các tỉnh, thành phố";
            recipients = List.of("- Lưu: VT.");
        }
        return new DistrictReport(parent, blank(o.issuer()) ? issuer : o.issuer().strip(), o.number(), place, issuedOn,
                r.day(), "Huyện, thị xã, thành phố", areaName, areas, total, sites, silent, recipients,
                blank(o.signerTitle()) ? "Người lập báo cáo" : o.signerTitle(), o.signer());
    }

    private static DistrictReport.Area area(String name, ReportHandlers.Group g, Optional<Target> target) {
        DayFigures f = g.figures();
        return new DistrictReport.Area(name, g.sites().size(), g.sites().size() - g.silent().size(), f.entries(),
                f.uniqueVisitors(), f.installRate(), target.map(t -> new DistrictReport.Target(t.rate(), t.dueOn())).orElse(null));
    }

    /** "tỉnh Quảng Trị", "thành phố Đà Nẵng", from a name written with or without its kind. */
    static String provinceName(String province) {
        String name = bare(province);
        String key = name.toLowerCase(Locale.forLanguageTag("vi"));
        return (CITIES.contains(key) ? "thành phố " : "tỉnh ") + name;
    }

    /** The name without its kind: "Huyện Gio Linh" → "Gio Linh", "Tỉnh Quảng Trị" → "Quảng Trị". */
    static String bare(String name) {
        String n = name.strip();
        String lower = n.toLowerCase(Locale.forLanguageTag("vi"));
        for (String kind : List.of("tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ")) {
            if (lower.startsWith(kind) && n.length() > kind.length()) {
                return n.substring(kind.length()).strip();
            }
        }
        return n;
    }

    /** "Thành phố Đông Hà" → "thành phố Đông Hà" inside a sentence; a name without its kind stays as written. */
    static String lowerKind(String district) {
        String n = district.strip();
        String lower = n.toLowerCase(Locale.forLanguageTag("vi"));
        for (String kind : DISTRICT_KINDS) {
            if (lower.startsWith(kind + " ")) {
                return kind + n.substring(kind.length());
            }
        }
        return n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
