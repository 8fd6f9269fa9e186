package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;

/** The sign-in screen tells only what is true now, in the console's language. */
class GuardSignInTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void anOldErrorIsGoneAfterSigningOutAndA429IsVietnamese() {
        long site = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        Browsers.Staff locked = Browsers.guard(site);
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/guard"));
            page.fill("#username", guard.username());
            page.fill("#password", "wrong-" + guard.password());
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#login-error")).hasText("Sai tên đăng nhập hoặc mật khẩu.");
            page.fill("#password", guard.password());
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#app")).isVisible();
            // the form refused for want of consent, a check-in shown as the last one
            page.fill("#m-name", "Trịnh Công Sơn");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#manual-error")).isVisible();
            page.click("#logout");
            assertThat(page.locator("#login")).isVisible();
            assertThat(page.locator("#login-error")).isHidden();
            assertThat(page.locator("#password")).hasValue("");
            // the next guard on this device starts clean: no error, no name of the one before
            page.fill("#username", guard.username());
            page.fill("#password", guard.password());
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#app")).isVisible();
            assertThat(page.locator("#manual-error")).isHidden();
            assertThat(page.locator("#m-name")).hasValue("");
            page.click("#logout");

            // ten failures from elsewhere (and the one try allowed after them) slow the account down for unknown devices: 429 with Retry-After
            Api anon = new Api(Browsers.server().baseUrl());
            for (int i = 0; i < 12; i++) {
                Api.Response r = anon.post("/api/v1/auth/login", new JsonObject().put("username", locked.username())
                        .put("password", "nope-" + i));
                assertThat(r.status()).as(r.body()).isIn(401, 429);
            }
            page.fill("#username", locked.username());
            page.fill("#password", "still-wrong");
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#login-error")).containsText("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau");
            assertThat(page.locator("#login-error")).not().containsText("Too many");
            watch.assertClean();
        }
    }
}
