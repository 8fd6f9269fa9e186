package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * A province officer in the dashboard: sets a district's install-rate target, follows each district against it
 * on the chart and in the roll-up, downloads the report of results as a PDF, gives a campaign a schedule, and
 * adds a public screen to a site.
 */
class TargetsDashboardTest {
    static String province;
    static long station;

    @BeforeAll
    static void setUp() {
        Browsers.requireChromium();
        Api admin = Browsers.admin();
        province = "Tỉnh Tiến Độ " + UUID.randomUUID().toString().substring(0, 6);
        station = site(admin, "Bến xe Hải Lăng", "Huyện Hải Lăng", "bus_station");
        long office = site(admin, "Bộ phận Một cửa Đông Hà", "Thành phố Đông Hà", "office");
        for (String[] v : new String[][] {{"declared", "" + station}, {"not_installed", "" + station},
                {"qr_confirmed", "" + office}, {"declared", "" + office}}) {
            Api.Response r = admin.checkIn(new JsonObject().put("siteId", Long.parseLong(v[1])).put("direction", "in")
                    .put("visitor", Api.visitor("Khách tiến độ", Phones.next())).put("bluezone", new JsonObject().put("status", v[0])));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    static long site(Api admin, String name, String district, String kind) {
        Api.Response r = admin.post("/api/v1/sites", new JsonObject().put("name", name).put("kind", kind)
                .put("province", province).put("district", district));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getLong("id");
    }

    @Test
    void anOfficerSetsATargetFollowsItAndSendsTheReportUpward() throws Exception {
        Browsers.Staff officer = DashboardBrowserTest.staff("officer", new JsonObject().put("province", province));
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30);
        String dueShown = String.format("%02d/%02d/%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear());
        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = DashboardBrowserTest.signIn(ctx, officer);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=targets]");
            assertThat(page.locator(".view-head h1")).hasText("Mục tiêu tỷ lệ cài Bluezone");
            assertThat(page.locator("input[name=targetProvince]")).hasValue(province);
            page.fill("input[name=targetDistrict]", "Huyện Hải Lăng");
            page.fill("input[name=rate]", "60");
            page.fill("input[name=dueOn]", due.toString());
            page.click("form.target-editor button[type=submit]");
            assertThat(page.locator("tr[data-target]")).containsText("Huyện Hải Lăng, " + province);
            assertThat(page.locator("tr[data-target] td").nth(1)).hasText("60%");

            // each district against its target, on the chart and in the table
            assertThat(page.locator(".chart canvas")).isVisible();
            Locator haiLang = page.locator("tr[data-district='Huyện Hải Lăng']");
            assertThat(haiLang.locator("td").nth(2)).hasText("50%");
            assertThat(haiLang.locator("td").nth(3)).containsText("60% · " + dueShown);
            assertThat(haiLang.locator("td").nth(3)).containsText("Chưa đạt");
            assertThat(haiLang.locator("td").nth(4)).hasText("10%");
            assertThat(page.locator("tr[data-district='Thành phố Đông Hà'] td").nth(3)).hasText("—");
            Object datasets = page.evaluate("() => Chart.getChart(document.querySelector('.chart canvas')).data.datasets"
                    + ".map(d => d.label + (d.borderDash && d.borderDash.length ? ' (dashed)' : ''))");
            assertThat(datasets.toString()).contains("Huyện Hải Lăng", "Mục tiêu Huyện Hải Lăng (dashed)", "Thành phố Đông Hà");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SCREENSHOTS.resolve("dashboard-targets.png")));

            // the report of results as the PDF sent upward
            page.fill("input[name=number]", "12/BC-UBND");
            page.fill("input[name=signer]", "Trần Thị Thu");
            Download pdf = page.waitForDownload(() -> page.click("button[data-export=pdf]"));
            assertThat(pdf.suggestedFilename()).startsWith("bao-cao-ket-qua-").endsWith(".pdf");
            try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-UBND",
                        "Huyện Hải Lăng", "Thành phố Đông Hà", "Bến xe Hải Lăng", "60% (", "Chưa đạt", "Trần Thị Thu");
            }

            // the roll-up shows the same target beside the district's rate
            page.click("#nav a[data-view=rollup]");
            Locator row = page.locator(".results tbody tr[data-area='Huyện Hải Lăng']");
            assertThat(row.locator("td").last()).containsText("60% · " + dueShown);

            // a campaign shown on weekday mornings, then all day
            page.click("#nav a[data-view=campaigns]");
            page.fill("input[name=title]", "Cài Bluezone giờ hành chính");
            page.selectOption("select[name=siteId]", String.valueOf(station));
            page.uncheck("form.editor input[name=day6]");
            page.uncheck("form.editor input[name=day7]");
            page.fill("form.editor input[name=from]", "07:00");
            page.fill("form.editor input[name=until]", "11:30");
            page.click("form.editor button[type=submit]");
            Locator campaign = page.locator("tr[data-campaign]").filter(new Locator.FilterOptions().setHasText("giờ hành chính"));
            assertThat(campaign.locator("td.schedule-cell")).hasText("T2, T3, T4, T5, T6 · 07:00–11:30");
            campaign.locator("button[data-edit]").click();
            page.fill(".campaign-editor input[name=from]", "");
            page.fill(".campaign-editor input[name=until]", "");
            shot(page, "dashboard-campaign-schedule");
            page.click(".campaign-editor button[type=submit]");
            assertThat(campaign.locator("td.schedule-cell")).hasText("T2, T3, T4, T5, T6 · Cả ngày");

            // a public screen for the bus station's waiting room
            page.click("#nav a[data-view=sites]");
            page.click("button[data-kiosks='" + station + "']");
            page.fill("input[name=kioskName]", "TV phòng chờ");
            page.selectOption("select[name=kind]", "signage");
            assertThat(page.locator("select[name=mode]")).isDisabled();
            page.click(".kiosks form button[type=submit]");
            assertThat(page.locator(".pairing")).containsText("Mã ghép cho màn hình công cộng");
            assertThat(page.locator("tr[data-kind=signage]")).containsText("Màn hình công cộng");
            shot(page, "dashboard-public-screen");
            watch.assertClean();
        }
    }
}
