package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.ProblemMessagesBrowserTest.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/** The log's filters survive a reload and "back"; a pass card's print buttons sit under the card on a phone. */
class SmallScreenFixesTest {
    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void logFiltersAreKeptInTheAddress() {
        long site = Browsers.site("office");
        Browsers.Staff manager = DashboardBrowserTest.staff("manager", new JsonObject(), site);
        Api.Response in = manager.api().checkIn(new JsonObject().put("siteId", site)
                .put("visitor", Api.visitor("Trịnh Văn Lâm", Phones.next())));
        assertThat(in.status()).isEqualTo(201);
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = DashboardBrowserTest.signIn(ctx, manager);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=log]");
            // the link leaves the address at #log; the view rendered anew writes its filters there (typing
            // before that went into the form it replaced)
            page.waitForFunction("() => location.hash.startsWith('#log?site=')");
            page.fill("input[name=q]", "lam");
            page.selectOption("select[name=bluezone]", "not_installed");
            page.click("form.filters button[type=submit]");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("#log\\?site=" + site + ".*q=lam.*bluezone=not_installed"));
            page.reload();
            assertThat(page.locator("input[name=q]")).hasValue("lam");
            assertThat(page.locator("select[name=bluezone]")).hasValue("not_installed");
            page.selectOption("select[name=bluezone]", "");
            page.click("form.filters button[type=submit]");
            assertThat(page.locator(".results tbody tr")).hasCount(1);
            page.goBack();
            assertThat(page.locator("select[name=bluezone]")).hasValue("not_installed");
            assertThat(page.locator("input[name=q]")).hasValue("lam");
            watch.assertClean();
        }
    }

    @Test
    void thePrintButtonsSitUnderThePassCardOnAPhone() {
        long site = Browsers.site("hospital");
        Browsers.Staff guard = Browsers.guard(site);
        try (BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(phone, guard);
            page.fill("#m-name", "Ngô Thị Hằng");
            page.fill("#m-phone", Phones.next());
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            page.click("#last-print");
            assertThat(page.locator("#print-view")).isVisible();
            page.locator("#print-qr svg").waitFor();
            BoundingBox card = page.locator(".print-card").boundingBox();
            BoundingBox actions = page.locator(".print-actions").boundingBox();
            assertThat(actions.y).as("the buttons start below the card").isGreaterThanOrEqualTo(card.y + card.height);
            assertThat(card.y).as("the card's top is on screen").isGreaterThanOrEqualTo(0);
            page.locator("#print-close").scrollIntoViewIfNeeded();
            assertThat(page.locator("#print-close")).isInViewport();
            screen(page, "guard-pass-card-phone-390");
        }
    }
}
