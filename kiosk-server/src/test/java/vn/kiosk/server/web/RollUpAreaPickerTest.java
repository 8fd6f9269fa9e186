package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.ProblemMessagesBrowserTest.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;

/**
 * The roll-up's areas are picked from those of the sites the officer sees, a typed name matches without its
 * diacritics, and an area with no site is said to be one: never "no data" beside "every site logged something".
 */
class RollUpAreaPickerTest {
    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void areasFromTheListTypedWithoutDiacriticsAndNothingMatchedSaidSo() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String province = "Tỉnh Thử Địa Bàn " + tag;
        Api admin = Browsers.admin();
        admin.createSite("market", province, "Huyện Đầm Hà");
        admin.createSite("school", province, "Huyện Hải Hà");

        // the server: the name typed without its marks is the province; a name of no site is said to be one
        Api.Response typed = admin.get("/api/v1/reports/daily?groupBy=district&province=" + q("tinh thu dia ban " + tag));
        assertThat(typed.status()).as(typed.body()).isEqualTo(200);
        assertThat(typed.json().getJsonArray("rows")).hasSize(2);
        assertThat(typed.json().getJsonObject("totals").getInteger("sites")).isEqualTo(2);
        Api.Response district = admin.get("/api/v1/reports/daily?groupBy=district&province=" + q(province)
                + "&district=" + q("huyen dam ha"));
        assertThat(district.json().getJsonArray("rows")).hasSize(1);
        assertThat(district.json().getJsonArray("rows").getJsonObject(0).getString("district")).isEqualTo("Huyện Đầm Hà");
        Api.Response none = admin.get("/api/v1/reports/daily?groupBy=district&province=" + q("Tỉnh Không Có " + tag));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().getString("type")).endsWith("/unknown-area");
        assertThat(none.json().getString("field")).isEqualTo("province");
        assertThat(admin.get("/api/v1/reports/daily.csv?province=" + q("Tỉnh Không Có " + tag)).status()).isEqualTo(422);

        Browsers.Staff officer = DashboardBrowserTest.staff("officer", new JsonObject().put("province", province));
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = DashboardBrowserTest.signIn(ctx, officer);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=rollup]");
            // picked, not typed: the officer's province, and the districts of its sites
            assertThat(page.locator("select[name=province]")).hasValue(province);
            assertThat(page.locator("select[name=district] option")).hasText(new String[] {"Mọi huyện", "Huyện Đầm Hà", "Huyện Hải Hà"});
            assertThat(page.locator(".results tbody tr[data-area]")).hasCount(2);
            page.selectOption("select[name=district]", "Huyện Đầm Hà");
            page.click("form.filters button[type=submit]");
            assertThat(page.locator(".results tbody tr[data-area]")).hasCount(1);
            assertThat(page.locator(".results tbody tr[data-area='Huyện Đầm Hà']")).isVisible();
            screen(page, "dashboard-rollup-picker-1280");

            // a day before these sites existed: none to roll up, and it is not "every site logged something"
            page.fill("input[name=date]", "2021-08-01");
            page.click("form.filters button[type=submit]");
            assertThat(page.locator(".silent-box p")).hasText("Không có điểm kiểm soát nào trong lựa chọn này, nên không có gì để tổng hợp.");
            assertThat(page.locator(".silent-box")).not().containsText("Mọi điểm đều có ghi nhận");
            screen(page, "dashboard-rollup-nothing-1280");
            watch.assertClean();
        }
    }
}
