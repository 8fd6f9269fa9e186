package vn.kiosk.server.privacy;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.kiosk.qr.ReportPdf;
import vn.kiosk.qr.ReportPdf.Block;
import vn.kiosk.qr.ReportPdf.Field;
import vn.kiosk.qr.ReportPdf.Heading;
import vn.kiosk.qr.ReportPdf.Paragraph;
import vn.kiosk.qr.ReportPdf.Table;
import vn.kiosk.server.site.Site;

/**
 * The breach notification as the authority reads it, in Vietnamese, in the order of the content the law
 * lists for it: what happened (when, where, which data, how many people and records), who to contact, the
 * likely consequences, and the measures taken. English only in the section titles, for the operator.
 */
final class BreachDocument {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("export_csv", "Xuất nhật ký CSV"), Map.entry("export_xlsx", "Xuất nhật ký XLSX"),
            Map.entry("trace", "Truy vết"), Map.entry("trace_call_list", "Xuất danh sách gọi (truy vết)"),
            Map.entry("privacy.lookup", "Tra cứu một người (yêu cầu)"),
            Map.entry("privacy.hold_placed", "Đặt lưu giữ pháp lý"),
            Map.entry("privacy.hold_released", "Gỡ lưu giữ pháp lý"),
            Map.entry("privacy.notice_version", "Thêm phiên bản thông báo xử lý dữ liệu"),
            Map.entry("privacy.access_export", "Cung cấp dữ liệu cho chủ thể"),
            Map.entry("privacy.request_state", "Xử lý yêu cầu của chủ thể"),
            Map.entry("privacy.request_filed", "Tiếp nhận yêu cầu của chủ thể"),
            Map.entry("privacy.self_view", "Chủ thể tự xem dữ liệu"),
            Map.entry("privacy.breach_report", "Lập thông báo vi phạm"));

    private BreachDocument() {
    }

    static byte[] render(BreachReport.Facts f) {
        JsonObject form = f.form();
        OffsetDateTime discovered = BreachReport.time(form, "discoveredAt");
        Map<String, Long> cat = BreachReport.categories(f);
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("Kính gửi: Cơ quan chuyên trách bảo vệ dữ liệu cá nhân (Bộ Công an)."));
        b.add(new Field("Tổ chức thông báo", form.getString("organization")));
        b.add(new Field("Hệ thống", "Kiosk — ghi nhận hoạt động ra vào trụ sở và trạng thái Bluezone"));
        b.add(new Field("Thời điểm phát hiện", when(discovered)));
        b.add(new Field("Hạn thông báo (72 giờ)", when(discovered.plus(BreachReport.NOTIFY_WITHIN))));
        b.add(new Field("Ngày lập thông báo", when(f.now().atOffset(java.time.ZoneOffset.UTC))));

        b.add(new Heading("1. Mô tả vi phạm (description)"));
        b.add(new Paragraph(form.getString("description")));
        b.add(new Field("Khoảng thời gian liên quan", when(f.from()) + " – " + when(f.to())));
        b.add(new Field("Địa điểm (điểm kiểm soát)", String.join("; ", f.sites().stream()
                .map(s -> s.name() + " (" + s.district() + ", " + s.province() + ")").limit(40).toList())
                + (f.sites().size() > 40 ? "; và " + (f.sites().size() - 40) + " điểm khác" : "")));

        b.add(new Heading("2. Loại dữ liệu cá nhân liên quan (data categories)"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Họ và tên", "Dữ liệu cơ bản", n(cat.get("names")) + " người"));
        rows.add(List.of("Số điện thoại", "Cơ bản; lưu mã hoá AES-256-GCM, tra cứu bằng HMAC", n(cat.get("phones")) + " người"));
        rows.add(List.of("Số CCCD/CMND", "Cơ bản; lưu mã hoá, hiển thị 4 số cuối", n(cat.get("ids")) + " người"));
        rows.add(List.of("Trạng thái Bluezone", "Liên quan đến sức khỏe (nhạy cảm)", n(cat.get("statuses")) + " lượt"));
        rows.add(List.of("Mã Bluezone", "Liên quan đến sức khỏe (nhạy cảm)", n(cat.get("bluezoneIds")) + " lượt"));
        rows.add(List.of("Thời gian, địa điểm ra/vào", "Cơ bản (vị trí)", n(visits(f)) + " lượt"));
        if (cat.get("cccdExtra") > 0) {
            rows.add(List.of("Ngày sinh, địa chỉ trên CCCD", "Cơ bản; chỉ ở điểm được cấu hình cần; mã hoá",
                    n(cat.get("cccdExtra")) + " lượt"));
        }
        b.add(new Table(List.of("Loại dữ liệu", "Phân loại, cách lưu", "Số lượng"), rows, new float[] {0.3f, 0.45f, 0.25f}));

        b.add(new Heading("3. Số lượng chủ thể và bản ghi (approximate numbers)"));
        b.add(new Field("Số người có dữ liệu đang lưu", n(cat.get("names"))));
        b.add(new Field("Số bản ghi ra/vào đang lưu", n(visits(f))));
        b.add(new Field("Theo số liệu thống kê ngày", n(f.daily().entries()) + " lượt vào; tối đa "
                + n(f.daily().upper()) + " người (cộng theo ngày và điểm, gồm cả những ngày đã hết hạn lưu)"));
        b.add(new Table(List.of("Điểm kiểm soát", "Bản ghi", "Người", "Mã Bluezone"), siteRows(f),
                new float[] {0.52f, 0.16f, 0.16f, 0.16f}));

        b.add(new Heading("4. Hậu quả, thiệt hại có thể xảy ra (likely consequences)"));
        b.add(new Paragraph(form.getString("consequences")));
        b.add(new Heading("5. Biện pháp đã thực hiện (measures taken)"));
        b.add(new Paragraph(form.getString("measures")));
        b.add(new Paragraph("Biện pháp bảo vệ sẵn có của hệ thống: số điện thoại và số CCCD chỉ lưu mã hoá (AES-256-GCM) với"
                + " mã băm HMAC để tra cứu, hiển thị che bớt; phân quyền theo điểm, huyện, tỉnh; mọi lần xem, xuất, truy"
                + " vết được ghi vào nhật ký không sửa, xoá được; dữ liệu tự xoá sau thời hạn lưu; truyền qua TLS."));

        b.add(new Heading("6. Truy cập dữ liệu trong khoảng thời gian này (from the audit log)"));
        List<List<String>> access = new ArrayList<>();
        for (BreachStore.AccessCount r : f.access()) {
            access.add(List.of(ACTIONS.getOrDefault(r.action(), r.action()), n(r.n()), n(r.users()), n(r.rows())));
        }
        if (access.isEmpty()) {
            b.add(new Paragraph("Không có lần xem, xuất hay truy vết nào được ghi trong khoảng thời gian này."));
        } else {
            b.add(new Table(List.of("Hoạt động", "Số lần", "Số người dùng", "Số dòng dữ liệu"), access,
                    new float[] {0.46f, 0.16f, 0.19f, 0.19f}));
        }

        b.add(new Heading("7. Thông tin liên hệ (contact)"));
        JsonObject contact = form.getJsonObject("contact", new JsonObject());
        b.add(new Field("Người phụ trách", contact.getString("name")));
        b.add(new Field("Chức vụ, bộ phận", contact.getString("role")));
        b.add(new Field("Điện thoại", contact.getString("phone")));
        b.add(new Field("Thư điện tử", contact.getString("email")));
        b.add(new Paragraph(" "));
        b.add(new Paragraph("Người lập thông báo (ký, ghi rõ họ tên)"));
        return ReportPdf.render("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập – Tự do – Hạnh phúc",
                "THÔNG BÁO VI PHẠM QUY ĐỊNH VỀ BẢO VỆ DỮ LIỆU CÁ NHÂN", b);
    }

    private static List<List<String>> siteRows(BreachReport.Facts f) {
        Map<Long, BreachStore.SiteCounts> by = new HashMap<>();
        f.perSite().forEach(r -> by.put(r.siteId(), r));
        List<List<String>> rows = new ArrayList<>();
        for (Site s : f.sites()) {
            BreachStore.SiteCounts r = by.get(s.id());
            if (r != null) {
                rows.add(List.of(s.name(), n(r.visits()), n(r.people()), n(r.bluezoneIds())));
            }
        }
        if (rows.isEmpty()) {
            rows.add(List.of("(không còn bản ghi nào được lưu trong khoảng thời gian này)", "0", "0", "0"));
        }
        return rows;
    }

    private static long visits(BreachReport.Facts f) {
        long total = 0;
        for (BreachStore.SiteCounts r : f.perSite()) {
            total += r.visits();
        }
        return total;
    }

    private static String n(long v) {
        return String.format(java.util.Locale.forLanguageTag("vi-VN"), "%,d", v);
    }

    private static String when(OffsetDateTime t) {
        return t.atZoneSameInstant(BreachReport.VIETNAM).format(WHEN);
    }
}
