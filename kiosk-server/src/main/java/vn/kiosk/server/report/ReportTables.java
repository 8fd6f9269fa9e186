package vn.kiosk.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.kiosk.server.export.Table;

/**
 * A daily report as a sheet to send upward: Vietnamese / English headers, one row per site or area. An
 * area's unique visitors count each person once; the column after the figures says so, or that the sites'
 * counts were added up because the day's visits are gone (see ReportService).
 */
final class ReportTables {
    private static final List<String> FIGURES = List.of("Lượt vào / Entries", "Lượt ra / Exits",
            "Số người / Unique visitors", "Đông nhất / Peak occupancy", "QR xác nhận / QR confirmed",
            "Tự khai / Declared", "Cài tại chỗ / Installed on site", "Chưa cài / Not installed",
            "Không có điện thoại / No smartphone", "Không rõ / Unknown", "Tỷ lệ cài (%) / Install rate (%)");

    private ReportTables() {
    }

    static Table of(ReportHandlers.Report r) {
        List<String> header = new ArrayList<>();
        header.add("Ngày / Date");
        header.add("Tỉnh / Province");
        if (r.groupBy() != ReportHandlers.GroupBy.PROVINCE) {
            header.add("Huyện / District");
        }
        if (r.groupBy() == ReportHandlers.GroupBy.SITE) {
            header.addAll(List.of("Mã điểm / Site id", "Điểm / Site", "Loại / Kind"));
        } else {
            header.addAll(List.of("Số điểm / Sites", "Điểm có ghi nhận / Active sites"));
        }
        header.addAll(FIGURES);
        if (r.groupBy() != ReportHandlers.GroupBy.SITE) {
            header.add("Cách đếm số người / Unique visitors counted");
        }
        header.add(r.groupBy() == ReportHandlers.GroupBy.SITE ? "Không ghi nhận / Logged nothing"
                : "Điểm không ghi nhận / Sites that logged nothing");
        for (int h = 0; h < 24; h++) {
            header.add(String.format("%02dh", h));
        }
        Table t = new Table("Báo cáo " + r.day(), header);
        if (r.groupBy() == ReportHandlers.GroupBy.SITE) {
            for (ReportService.SiteDay s : r.sites()) {
                List<Object> row = new ArrayList<>(List.of(r.day().toString(), s.site().province(), s.site().district(),
                        s.site().id(), s.site().name(), s.site().kind()));
                figures(row, s.figures());
                row.add(s.figures().silent() ? "có / yes" : "");
                hours(row, s.figures());
                t.row(row.toArray());
            }
        } else {
            for (ReportHandlers.Group g : r.groups()) {
                List<Object> row = new ArrayList<>();
                row.add(r.day().toString());
                row.add(g.province());
                if (g.district() != null) {
                    row.add(g.district());
                }
                row.add(g.sites().size());
                row.add(g.sites().size() - g.silent().size());
                figures(row, g.figures());
                row.add(ReportService.Unique.SUMMED.equals(g.uniqueSource()) ? "cộng các điểm / sum of the sites"
                        : "mỗi người một lần / each person once");
                row.add(g.silent().stream().map(s -> s.site().name()).collect(Collectors.joining("; ")));
                hours(row, g.figures());
                t.row(row.toArray());
            }
        }
        return t;
    }

    private static void figures(List<Object> row, DayFigures f) {
        row.addAll(List.of(f.entries(), f.exits(), f.uniqueVisitors(), f.peakOccupancy()));
        for (String status : DayFigures.STATUSES) {
            row.add(f.count(status));
        }
        row.add(f.installRate() == null ? null : Math.round(f.installRate() * 1000) / 10.0);
    }

    private static void hours(List<Object> row, DayFigures f) {
        for (int n : f.hourly()) {
            row.add(n);
        }
    }
}
