package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * Personal data on every screen: the notice and an explicit "Tôi đồng ý" on the phone, at the kiosk and through
 * the guard; "Dữ liệu của tôi" with the pass on the phone, down to deletion; the guard's desk; the dashboard's
 * queue with deadlines, a legal hold, and the notice versions.
 */
class PersonalDataBrowserTest {
    /** Typed by a code reader in keyboard mode: ASCII, as Playwright types only what a US layout has keys for. */
    static final String CCCD = "045090001234||Tran Van Nam|15031990|Nam|So 12 Hung Vuong, Dong Ha|01062021";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    static void sql(String sql, Tuple args) throws Exception {
        Browsers.server().server().pool().preparedQuery(sql).execute(args).await(20, TimeUnit.SECONDS);
    }

    static JsonObject visit(Api as, long site, String visitId) {
        return as.get("/api/v1/sites/" + site + "/visits/" + visitId).json();
    }

    @Test
    void thePhoneAsksForConsentAndShowsTheVisitorTheirDataDownToDeletion() throws Exception {
        long site = Browsers.site("hospital");
        Api admin = Browsers.admin();
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("controller", "Bệnh viện Đa khoa tỉnh Quảng Trị")
                .put("retentionDays", 21));
        String code = Browsers.pairingCode(site, "both");
        try (BrowserContext tablet = Browsers.tablet(Browsers.browser());
             BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page kiosk = tablet.newPage();
            kiosk.navigate(Browsers.url("/kiosk"));
            kiosk.fill("#pair-code", code);
            kiosk.click("#pair-form button[type=submit]");
            kiosk.locator("#kiosk-qr svg").waitFor();
            String url = QrCodes.decode(kiosk.locator("#kiosk-qr").screenshot()).orElseThrow();

            Page p = phone.newPage();
            Browsers.Watch watch = new Browsers.Watch(p);
            List<String> sent = new CopyOnWriteArrayList<>();
            p.onRequest(r -> {
                if (r.url().endsWith("/api/v1/checkins")) {
                    sent.add(r.postData());
                }
            });
            // the notice is slow to come: nothing can be agreed to before its text is on screen
            List<com.microsoft.playwright.Route> held = new CopyOnWriteArrayList<>();
            p.route("**/privacy-notice", held::add);
            p.navigate(url);
            Locator notice = p.locator("#consent-notice");
            assertThat(p.locator("#consent")).isVisible();
            assertThat(notice).containsText("Đang tải");
            assertThat(p.locator("#consent-check")).isDisabled();
            p.waitForCondition(() -> !held.isEmpty()); // the notice asked for (events are handled while waiting)
            p.unroute("**/privacy-notice");
            held.forEach(com.microsoft.playwright.Route::resume);
            assertThat(p.locator("#consent-check")).isEnabled();
            assertThat(notice.locator("[data-part=controller]")).containsText("Bệnh viện Đa khoa tỉnh Quảng Trị");
            assertThat(notice.locator("[data-part=purpose]")).containsText("Ghi nhận người ra, vào trụ sở");
            assertThat(notice.locator("[data-part=retention]")).containsText("21 ngày");
            assertThat(notice.locator("[data-part=rights]")).containsText("Dữ liệu của tôi");
            assertThat(notice.locator("[data-part=rights] .pd-en")).containsText("My data");
            assertThat(p.locator("#consent-check")).not().isChecked();
            p.fill("#name", "Trương Thị Hạnh");
            p.fill("#phone", Phones.next());
            p.click("#s-details button[type=submit]");
            // silence is not consent: the box is not ticked, nothing moves on
            assertThat(p.locator("#consent-error")).hasText("Hãy đọc thông báo và đánh dấu “Tôi đồng ý” để tiếp tục.");
            assertThat(p.locator("#s-details")).isVisible();
            shot(p, "phone-consent-required");
            p.check("#consent-check");
            shot(p, "phone-consent-ticked");
            p.click("#s-details button[type=submit]");
            assertThat(p.locator("#consent")).isHidden();
            p.click("#bz-no");
            p.click("#go");
            assertThat(p.locator("#s-done")).isVisible();
            JsonObject body = new JsonObject(sent.get(0));
            int version = body.getJsonObject("consent").getInteger("version");
            assertThat(body.getJsonObject("consent")).isEqualTo(new JsonObject().put("version", version).put("method", "self"));

            // My data, with the pass this phone keeps
            p.click("#done");
            p.click("#go-mydata");
            assertThat(p.locator("#my-name")).hasText("Trương Thị Hạnh");
            assertThat(p.locator("#my-visits li")).hasCount(1);
            assertThat(p.locator("#my-visits li").first()).containsText("Bluezone: Chưa cài");
            assertThat(p.locator("#my-consent")).containsText("Phiên bản " + version + ", tự đồng ý trên điện thoại");
            shot(p, "phone-mydata");
            VisitorPhoneTest.assertNoSidewaysScroll(p);
            p.click("#my-ask button[data-type=deletion]");
            assertThat(p.locator("#my-ask-result")).hasText("Xoá toàn bộ dữ liệu cá nhân của bạn? Số liệu thống kê không định danh vẫn được giữ.");
            p.click("#my-send");
            assertThat(p.locator("#my-requests li[data-type=deletion]")).containsText("Đã tiếp nhận");
            assertThat(p.locator("#my-ask-result")).containsText("Đã gửi yêu cầu. Hạn xử lý:");
            shot(p, "phone-mydata-deletion-asked");

            JsonObject request = admin.get("/api/v1/privacy/requests").items().stream().map(JsonObject.class::cast)
                    .filter(r -> "Trương Thị Hạnh".equals(r.getJsonObject("person").getString("name"))).findFirst().orElseThrow();
            Api.Response done = admin.patch("/api/v1/privacy/requests/" + request.getLong("id"), new JsonObject()
                    .put("state", "done").put("outcome", "Đã xoá"));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            p.click("#mydata-back");
            p.click("#go-mydata");
            assertThat(p.locator("#mydata .pd-empty")).hasText("Không còn dữ liệu cá nhân nào về bạn (đã xoá hoặc đã hết thời hạn lưu).");
            assertThat((String) p.evaluate("localStorage.getItem('visitor.pass')")).isNull();
            shot(p, "phone-mydata-deleted");
            watch.assertClean();
        }
    }

    @Test
    void theKioskAsksForATapBeforeACccdOrAPassWithoutConsent() {
        long site = Browsers.site("office");
        long elsewhere = Browsers.site("market");
        Browsers.Staff guard = Browsers.guard(site);
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Phan Văn Trị", Phones.next());
        String code = Browsers.pairingCode(site, "both");
        try (BrowserContext tablet = Browsers.tablet(Browsers.browser())) {
            Page kiosk = tablet.newPage();
            Browsers.Watch watch = new Browsers.Watch(kiosk);
            kiosk.navigate(Browsers.url("/kiosk"));
            kiosk.fill("#pair-code", code);
            kiosk.click("#pair-form button[type=submit]");
            kiosk.locator("#kiosk-qr svg").waitFor();
            kiosk.waitForFunction("() => localStorage.getItem('notice." + site + "') !== null");

            // to read only
            kiosk.click("#notice-open");
            assertThat(kiosk.locator("#consent-view")).isVisible();
            assertThat(kiosk.locator("#consent-agree")).isHidden();
            kiosk.click("#consent-close");
            assertThat(kiosk.locator("#consent-view")).isHidden();

            kiosk.keyboard().type(CCCD + "\n");
            assertThat(kiosk.locator("#consent-view")).isVisible();
            assertThat(kiosk.locator("#consent-notice [data-part=controller]")).containsText("Điểm thử");
            shot(kiosk, "kiosk-consent");
            kiosk.click("#consent-decline");
            assertThat(kiosk.locator("#result")).hasAttribute("data-tone", "error");
            assertThat(kiosk.locator("#result-detail")).hasText("Bạn chưa đồng ý: mời gặp bảo vệ để được hỗ trợ.");
            assertThat(Browsers.visitCount(guard.api(), site)).isZero();
            kiosk.click("#result");

            kiosk.keyboard().type(CCCD + "\n");
            kiosk.click("#consent-agree");
            assertThat(kiosk.locator("#result")).hasAttribute("data-tone", "ok");
            assertThat(kiosk.locator("#result-name")).hasText("Tran Van Nam");
            kiosk.click("#result");
            JsonObject cccdVisit = guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0);
            assertThat(visit(guard.api(), site, cccdVisit.getString("id")).getJsonObject("consent").getString("method"))
                    .isEqualTo("kiosk");

            // a pass from another site's agency: asked once here, then carried
            kiosk.keyboard().type(pass + "\n");
            assertThat(kiosk.locator("#consent-view")).isVisible();
            kiosk.click("#consent-agree");
            assertThat(kiosk.locator("#result-name")).hasText("Phan Văn Trị");
            assertThat(kiosk.locator("#result")).hasAttribute("data-direction", "in");
            kiosk.click("#result");
            // the same pass a moment later: carried now (no notice), and asked "Ra về?" as any repeat scan
            kiosk.keyboard().type(pass + "\n");
            assertThat(kiosk.locator("#result-action")).isVisible();
            assertThat(kiosk.locator("#consent-view")).isHidden();
            kiosk.click("#result-action");
            assertThat(kiosk.locator("#result")).hasAttribute("data-direction", "out");
            watch.assertClean();
        }
    }

    @Test
    void theGuardTicksConsentAndFilesARequestAtTheDesk() {
        long site = Browsers.site("school");
        Browsers.Staff guard = Browsers.guard(site);
        String phone = Phones.next();
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.fill("#m-name", "Lương Văn Tâm");
            page.fill("#m-phone", phone);
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#manual-error")).hasText("Hãy thông báo cho khách và đánh dấu “khách đồng ý” trước khi ghi nhận.");
            assertThat(Browsers.visitCount(guard.api(), site)).isZero();
            page.click("#guard-notice summary");
            assertThat(page.locator("#guard-notice-text [data-part=purpose]")).isVisible();
            page.check("#m-consent");
            shot(page, "guard-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last")).isVisible();
            JsonObject v = guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0);
            assertThat(visit(guard.api(), site, v.getString("id")).getJsonObject("consent").getString("method"))
                    .isEqualTo("staff");
            assertThat(page.locator("#m-consent")).not().isChecked();

            page.click("#pd-desk summary");
            page.fill("#pd-query", phone);
            page.click("#pd-find button[type=submit]");
            assertThat(page.locator("#pd-person")).containsText("Lương Văn Tâm");
            assertThat(page.locator("#pd-person")).not().containsText(phone.substring(3, 7));
            page.selectOption("#pd-type", "correction");
            page.fill("#pd-detail", "Tên đúng là Lương Văn Tám");
            page.click("#pd-file button[type=submit]");
            assertThat(page.locator("#pd-filed")).containsText("Đã tiếp nhận yêu cầu “Sửa dữ liệu” của Lương Văn Tâm.");
            shot(page, "guard-desk-request");
            watch.assertClean();
        }
    }

    @Test
    void theDashboardWorksTheQueueWithDeadlinesAndAHold() throws Exception {
        long site = Browsers.site("bus_station");
        Api admin = Browsers.admin();
        Browsers.Staff manager = DashboardBrowserTest.staff("manager", new JsonObject(), site);
        String late = Browsers.pass(Browsers.guard(site), site, "Quách Thị Lụa", Phones.next());
        String keep = Phones.next();
        String kept = Browsers.pass(Browsers.guard(site), site, "Vũ Văn Giữ", keep);
        long old = Browsers.server().api().post("/api/v1/my-data/requests", new JsonObject().put("pass", late)
                .put("type", "deletion")).json().getLong("id");
        long held = Browsers.server().api().post("/api/v1/my-data/requests", new JsonObject().put("pass", kept)
                .put("type", "deletion")).json().getLong("id");
        sql("update privacy_requests set received_at = now() - interval '4 days', due_at = now() - interval '1 day'"
                + " where id = $1", Tuple.of(old));
        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = DashboardBrowserTest.signIn(ctx, manager);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=privacy]");
            Locator overdue = page.locator("tr[data-request='" + old + "']");
            assertThat(overdue).hasClass("overdue");
            assertThat(overdue).containsText("Quá hạn");
            assertThat(page.locator("tbody tr").first()).hasAttribute("data-request", String.valueOf(old));
            assertThat(page.locator("main .lead")).containsText("1 yêu cầu quá hạn");
            shot(page, "dashboard-privacy-queue");

            // a hold on one of them, from the holds view
            page.click("#nav a[data-view=holds]");
            page.selectOption("select[name=siteId]", String.valueOf(site));
            page.fill("input[name=reference]", "TV-05/2026");
            page.fill("input[name=who]", keep);
            page.click("form[data-hold=new] button[type=submit]");
            assertThat(page.locator("tr[data-active=true]")).containsText("TV-05/2026");
            shot(page, "dashboard-holds");

            page.click("#nav a[data-view=privacy]");
            page.locator("tr[data-request='" + held + "'] button[data-action=done]").click();
            page.click("form[data-complete] button[type=submit]");
            page.click("form[data-complete] button[type=submit]"); // the second press confirms
            assertThat(page.locator("#toast")).containsText("Không xoá được: dữ liệu đang được lưu giữ pháp lý (số hiệu TV-05/2026)");
            shot(page, "dashboard-privacy-hold-blocks");

            page.locator("tr[data-request='" + old + "'] button[data-action=done]").click();
            page.fill("form[data-complete] input[name=outcome]", "Đã xoá theo yêu cầu");
            page.click("form[data-complete] button[type=submit]");
            page.click("form[data-complete] button[type=submit]");
            assertThat(page.locator("tr[data-request='" + old + "']")).isHidden(); // done: out of the open list
            page.selectOption("select[name=state]", "all");
            assertThat(page.locator("tr[data-request='" + old + "']")).hasAttribute("data-state", "done");
            assertThat(page.locator("tr[data-request='" + old + "']")).containsText("(đã xoá)");
            assertThat(Browsers.server().api().post("/api/v1/my-data", new JsonObject().put("pass", late)).status())
                    .isEqualTo(404);
            watch.assertClean();
        }
        // the admin's notice versions and breach form
        Browsers.Staff adminStaff = DashboardBrowserTest.staff("admin", new JsonObject());
        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = DashboardBrowserTest.signIn(ctx, adminStaff);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=notices]");
            assertThat(page.locator("details[data-version='1'] summary")).containsText("Phiên bản 1");
            assertThat(page.locator(".breach-form h2")).hasText("Thông báo vi phạm dữ liệu cá nhân (72 giờ)");
            shot(page, "dashboard-notices-breach");
            page.click("#nav a[data-view=sites]");
            page.locator("tr[data-site='" + site + "'] button").first().click();
            assertThat(page.locator("input[name=controller]")).isVisible();
            assertThat(page.locator("input[name=cccdBirthDate]")).not().isChecked();
            shot(page, "dashboard-site-controller");
            watch.assertClean();
        }
    }
}
