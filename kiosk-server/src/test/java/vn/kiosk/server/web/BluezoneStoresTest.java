package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.ProblemMessagesBrowserTest.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Phones;

/**
 * A visitor without Bluezone gets a code and a link per store on the phone, the kiosk's idle poster carries the
 * same two codes, and the phone says so once the kiosk has scanned its confirmation.
 */
class BluezoneStoresTest {
    static final String PLAY = "https://play.google.com/store/apps/details?id=com.mic.bluezone";
    static final String APP_STORE = "https://apps.apple.com/vn/app/bluezone/id1508062685";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void storeCodesOnThePhoneAndTheKioskAndThePhoneSeesTheKioskConfirm() throws Exception {
        long site = Browsers.site("bus_station");
        String code = Browsers.pairingCode(site, "both");
        try (BrowserContext tablet = Browsers.tablet(Browsers.browser());
             BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page kiosk = tablet.newPage();
            Browsers.Watch kioskWatch = new Browsers.Watch(kiosk);
            kiosk.navigate(Browsers.url("/kiosk"));
            kiosk.fill("#pair-code", code);
            kiosk.click("#pair-form button[type=submit]");
            kiosk.locator("#kiosk-qr svg").waitFor();
            // the idle poster: one install code per store, each the app's own page
            assertThat(kiosk.locator("#poster-stores [data-store=play] .store-qr")).hasAttribute("data-qr-text", PLAY);
            assertThat(kiosk.locator("#poster-stores [data-store=appstore] .store-qr")).hasAttribute("data-qr-text", APP_STORE);
            assertThat(QrCodes.decode(kiosk.locator("#poster-stores [data-store=play] .store-qr").screenshot()))
                    .as("the store code reads from the screen").contains(PLAY);
            inside(kiosk, "#poster-stores", "#idle");
            // the full-screen button draws an icon, not a missing glyph's empty box
            assertThat(kiosk.locator("#fullscreen svg")).isVisible();
            screen(kiosk, "kiosk-idle-stores-1280");
            String url = QrCodes.decode(kiosk.locator("#kiosk-qr").screenshot()).orElseThrow();

            Page p = phone.newPage();
            Browsers.Watch phoneWatch = new Browsers.Watch(p);
            p.navigate(url);
            p.fill("#name", "Đặng Thị Mai");
            p.fill("#phone", Phones.next());
            p.check("#consent-check");
            p.click("#s-details button[type=submit]");
            p.click("#bz-no");
            assertThat(p.locator("#bz-stores [data-store=play] a")).hasAttribute("href", PLAY);
            assertThat(p.locator("#bz-stores [data-store=appstore] a")).hasAttribute("href", APP_STORE);
            p.click("#go");
            assertThat(p.locator("#done-title")).hasText("Mời vào");
            // not installed: the done screen says where to get it, per store, and does not stop at "come in"
            assertThat(p.locator("#done-install")).isVisible();
            assertThat(p.locator("#done-stores [data-store=play] .store-qr")).hasAttribute("data-qr-text", PLAY);
            assertThat(p.locator("#done-stores [data-store=appstore] a")).hasAttribute("href", APP_STORE);
            assertThat(p.locator("#done-stores [data-store=appstore] a")).hasText("Tải trên App Store");
            assertThat(p.locator("#confirmed-box")).isHidden();
            VisitorPhoneTest.assertNoSidewaysScroll(p);
            screen(p, "phone-done-not-installed-390");

            // the kiosk scans the phone's code: the phone says the kiosk has it, within a few seconds
            String confirmation = p.locator("#confirm-qr").getAttribute("data-qr-text");
            kiosk.keyboard().type(confirmation + "\n");
            assertThat(kiosk.locator("#result")).hasAttribute("data-tone", "warn");
            assertThat(kiosk.locator("#result-stores [data-store=play] .store-qr")).hasAttribute("data-qr-text", PLAY);
            screen(kiosk, "kiosk-result-not-installed-stores-1280");
            assertThat(p.locator("#confirmed-box")).isVisible(new com.microsoft.playwright.assertions
                    .LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
            assertThat(p.locator("#confirmed-text"))
                    .hasText("Kiosk đã nhận mã của bạn. Bạn chưa cài Bluezone: hãy cài ngay bên dưới.");
            assertThat(p.locator("#confirmed-text-en")).containsText("The kiosk has received your code.");
            assertThat(p.locator("#confirm-box")).isHidden();
            assertThat(p.locator("#done-install")).isVisible();
            screen(p, "phone-confirmed-by-kiosk-390");
            kioskWatch.assertClean();
            phoneWatch.assertClean();
        }
        try (BrowserContext portrait = Browsers.context(Browsers.browser(), 800, 1280, false)) {
            Page kiosk = portrait.newPage();
            kiosk.navigate(Browsers.url("/kiosk"));
            kiosk.fill("#pair-code", Browsers.pairingCode(site, "both"));
            kiosk.click("#pair-form button[type=submit]");
            kiosk.locator("#kiosk-qr svg").waitFor();
            inside(kiosk, "#poster-stores", "#idle");
            screen(kiosk, "kiosk-idle-stores-portrait-800");
        }
    }

    /** The element lies wholly inside the viewport and its container: nothing cut off. */
    static void inside(Page page, String selector, String container) {
        Locator el = page.locator(selector);
        el.waitFor();
        BoundingBox b = el.boundingBox();
        BoundingBox c = page.locator(container).boundingBox();
        var viewport = page.viewportSize();
        assertThat(b.y + b.height).as(selector + " bottom within the screen").isLessThanOrEqualTo(viewport.height + 0.5);
        assertThat(b.x + b.width).as(selector + " right within the screen").isLessThanOrEqualTo(viewport.width + 0.5);
        assertThat(b.y).isGreaterThanOrEqualTo(c.y - 0.5);
    }
}
