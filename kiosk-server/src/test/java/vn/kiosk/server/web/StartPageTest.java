package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.text.Normalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start page: Vietnamese first, English with ?lang=en, remembered across pages; strings in NFC. */
class StartPageTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void vietnameseFirstEnglishRemembered() {
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/"));
            assertThat(page.locator("html")).hasAttribute("lang", "vi");
            assertThat(page.locator("h1")).hasText("Kiosk — khai báo ra/vào");
            assertThat(page.locator("#go-kiosk")).hasAttribute("href", "/kiosk");
            assertThat(page.locator("#go-guard")).hasAttribute("href", "/guard");
            assertThat(page.locator("#go-admin")).hasAttribute("href", "/admin");
            shot(page, "start-tablet");

            page.navigate(Browsers.url("/?lang=en"));
            assertThat(page.locator("h1")).hasText("Kiosk — check-in and out");
            assertThat(page.locator("#go-guard")).hasAttribute("href", "/guard?lang=en");
            page.setViewportSize(390, 844);
            shot(page, "start-phone-en");
            page.navigate(Browsers.url("/guard")); // no parameter: the choice is remembered
            assertThat(page.locator("#login h1")).hasText("Guard sign-in");
            page.locator(".lang-switch").first().click();
            assertThat(page.locator("#login h1")).hasText("Đăng nhập bảo vệ");
            page.navigate(Browsers.url("/"));
            assertThat(page.locator("h1")).hasText("Kiosk — khai báo ra/vào");
            VisitorPhoneTest.assertNoSidewaysScroll(page);
            watch.assertClean();
        }
    }

    @Test
    void everyStringIsNfc() {
        String i18n = new String(Browsers.server().api().bytes("/app/i18n.js"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Normalizer.isNormalized(i18n, Normalizer.Form.NFC)).isTrue();
        for (String page : new String[] {"/", "/kiosk", "/guard", "/c/p1.1.0.AAAAAAAAAAAAAAAAAAAAAA"}) {
            String html = new String(Browsers.server().api().bytes(page), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(Normalizer.isNormalized(html, Normalizer.Form.NFC)).as(page).isTrue();
            assertThat(html).as(page + " has no inline script or style").doesNotContain("style=\"")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+=");
        }
    }
}
