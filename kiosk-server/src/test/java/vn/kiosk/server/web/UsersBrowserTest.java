package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin's users view in a real browser: a guard who forgot their password gets a new one, read out in person. */
class UsersBrowserTest {
    static long site;

    @BeforeAll
    static void setUp() {
        Browsers.requireChromium();
        site = Browsers.site("office");
    }

    static long id(Browsers.Staff who) {
        return who.api().get("/api/v1/auth/me").json().getLong("id");
    }

    static int signIn(String username, String password) {
        return Browsers.server().api().post("/api/v1/auth/login", new JsonObject().put("username", username)
                .put("password", password)).status();
    }

    @Test
    @DisplayName("An admin resets a guard's password from the users view: asked first, the new one shown once, the"
            + " guard's sessions ended; cancelling changes nothing")
    void resetPassword() {
        Browsers.Staff admin = DashboardBrowserTest.staff("admin", new JsonObject());
        Browsers.Staff guard = DashboardBrowserTest.staff("guard", new JsonObject(), site);
        Browsers.Staff other = DashboardBrowserTest.staff("guard", new JsonObject(), site);
        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = DashboardBrowserTest.signIn(ctx, admin);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=users]");
            Locator row = page.locator("tr[data-user='" + id(guard) + "']");
            Locator reset = row.locator("button[data-reset]");
            assertThat(reset).hasText("Đặt lại mật khẩu");
            assertThat(page.locator("tr[data-user='" + id(admin) + "'] button[data-reset]")).isHidden();

            // cancelling asks nothing of the server
            page.locator("tr[data-user='" + id(other) + "'] button[data-reset]").click();
            Locator dialog = page.locator("dialog.reset-password");
            assertThat(dialog).isVisible();
            dialog.locator("button[data-cancel]").click();
            assertThat(dialog).hasCount(0);
            assertThat(other.api().get("/api/v1/auth/me").status()).isEqualTo(200);

            reset.click();
            assertThat(dialog.locator("h2")).hasText("Đặt lại mật khẩu: " + guard.username());
            assertThat(dialog).containsText("đăng xuất khỏi mọi thiết bị");
            assertThat(dialog.locator("button[data-confirm]")).hasText("Đặt lại");
            dialog.locator("button[data-confirm]").click();
            Locator shown = dialog.locator(".temp-password");
            assertThat(shown).isVisible();
            String temporary = shown.textContent().strip();
            assertThat(temporary).matches("[a-z2-9]{12}");
            assertThat(dialog).containsText("Mật khẩu mới chỉ hiện một lần");
            shot(page, "users-password-reset");
            dialog.locator("button[data-close]").click();
            assertThat(dialog).hasCount(0);
            assertThat(page.content()).doesNotContain(temporary);

            assertThat(guard.api().get("/api/v1/auth/me").status()).as("the guard's session ended").isEqualTo(401);
            assertThat(signIn(guard.username(), guard.password())).isEqualTo(401);
            assertThat(signIn(guard.username(), temporary)).isEqualTo(200);
            assertThat(other.api().get("/api/v1/auth/me").status()).as("the other guard untouched").isEqualTo(200);

            page.navigate(Browsers.server().baseUrl() + "/admin?lang=en");
            page.click("#nav a[data-view=users]");
            assertThat(page.locator("tr[data-user='" + id(other) + "'] button[data-reset]")).hasText("Reset password");
            watch.assertClean();
        }
    }
}
