package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * What the server refuses reaches people in their words, Vietnamese first with the English under it, under the
 * field it is about, on the step that holds that field, and goes away once the field is fixed: never the server's
 * English detail, never a bare label.
 */
class ProblemMessagesBrowserTest {
    static final Path SCREENS = Path.of("target", "screens");
    /** A number libphonenumber finds impossible though it has the digits a phone has. */
    static final String IMPOSSIBLE_PHONE = "0100 000 000";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    static void screen(Page page, String name) {
        try {
            Files.createDirectories(SCREENS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void thePhonePageShowsEachProblemUnderItsFieldOnItsStep() {
        long site = Browsers.site("office");
        JsonObject kiosk = Browsers.server().api().post("/api/v1/kiosks/pair",
                new JsonObject().put("pairingCode", Browsers.pairingCode(site, "both"))).json();
        byte[] secret = Base64.getUrlDecoder().decode(kiosk.getString("secret"));
        String url = Browsers.url("/c/" + SiteToken.forKiosk(kiosk.getLong("kioskId"), secret, Instant.now()));
        try (BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page p = phone.newPage();
            Browsers.Watch watch = new Browsers.Watch(p);
            p.navigate(url);
            // the page's own checks say what is wrong, not only the label again
            p.check("#consent-check");
            p.click("#s-details button[type=submit]");
            assertThat(p.locator("#name-error .problem-main")).hasText("Nhập họ và tên của bạn.");
            assertThat(p.locator("#name-error .problem-en")).hasText("Enter your full name.");
            assertThat(p.locator("#phone-error .problem-main")).hasText("Nhập số điện thoại của bạn.");
            p.fill("#name", "Nguyễn Văn An");
            assertThat(p.locator("#name-error")).isHidden();

            // a number the page lets through and the server refuses: back on the details step, under the phone
            p.fill("#phone", IMPOSSIBLE_PHONE);
            p.click("#s-details button[type=submit]");
            p.click("#bz-no");
            p.click("#go");
            assertThat(p.locator("#s-details")).isVisible();
            assertThat(p.locator("#phone-error .problem-main"))
                    .hasText("Số điện thoại không đúng. Nhập số Việt Nam, ví dụ 0912 345 678.");
            assertThat(p.locator("#phone-error .problem-en"))
                    .hasText("Not a valid phone number. Enter a Vietnamese number, e.g. 0912 345 678.");
            assertThat(p.locator("#phone")).hasAttribute("aria-invalid", "true");
            assertThat(p.locator("#phone")).hasValue(IMPOSSIBLE_PHONE);
            assertThat(p.locator("#name-error")).isHidden();
            assertThat(p.locator("#notice")).isHidden();
            assertThat(p.locator("body")).not().containsText("Unprocessable");
            screen(p, "phone-problem-phone-390");
            // English on request: the same problem in English only
            p.locator(".lang-switch").first().click();
            assertThat(p.locator("#phone-error .problem-main"))
                    .hasText("Not a valid phone number. Enter a Vietnamese number, e.g. 0912 345 678.");
            p.locator(".lang-switch").first().click();
            // fixed: the message goes as the visitor types
            p.fill("#phone", Phones.next());
            assertThat(p.locator("#phone-error")).isHidden();
            assertThat(p.locator("#phone")).hasAttribute("aria-invalid", "false");

            // a name the page lets through and the one name definition refuses: under the name
            p.fill("#name", "Z\u0351\u0352\u0357\u035Balgo");
            p.click("#s-details button[type=submit]");
            p.click("#go");
            assertThat(p.locator("#s-details")).isVisible();
            assertThat(p.locator("#name-error .problem-main")).containsText("Họ và tên có ký tự không dùng được");
            assertThat(p.locator("#phone-error")).isHidden();
            screen(p, "phone-problem-name-390");
            p.fill("#name", "Nguyễn Văn An");
            assertThat(p.locator("#name-error")).isHidden();
            p.click("#s-details button[type=submit]");

            // a Bluezone ID that is not one: under the ID, on the Bluezone step; an empty one is fine
            p.click("#bz-change");
            p.click("#bz-yes");
            p.fill("#bz-id", "A!");
            p.click("#go");
            assertThat(p.locator("#s-bluezone")).isVisible();
            assertThat(p.locator("#bz-id-error .problem-main")).hasText("Mã Bluezone gồm 4–12 chữ cái hoặc chữ số; hoặc để trống.");
            assertThat(p.locator("#bz-id-where")).containsText("màn hình chính");
            screen(p, "phone-problem-bluezone-id-390");
            p.fill("#bz-id", "");
            assertThat(p.locator("#bz-id-error")).isHidden();
            p.click("#go");
            assertThat(p.locator("#done-title")).hasText("Mời vào");
            // installed without the ID: a confirmation all the same, saying "declared"
            assertThat(p.locator("#confirm-qr svg")).isVisible();
            assertThat(p.locator("#confirm-qr")).hasAttribute("data-qr-text",
                    java.util.regex.Pattern.compile("^c1\\.[^.]+\\.\\d+\\.d\\.\\..*"));
            screen(p, "phone-declared-without-id-390");
            watch.assertClean();
        }
    }

    @Test
    void theGuardFormAndTheKioskSayTheProblemInTheirWords() {
        long site = Browsers.site("hospital");
        Browsers.Staff guard = Browsers.guard(site);
        try (BrowserContext tablet = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(tablet, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.fill("#m-name", "Trần Thị Bình");
            page.fill("#m-phone", IMPOSSIBLE_PHONE);
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#m-phone-error .problem-main"))
                    .hasText("Số điện thoại không đúng. Nhập số Việt Nam, ví dụ 0912 345 678.");
            assertThat(page.locator("#m-phone-error .problem-en")).containsText("Not a valid phone number");
            assertThat(page.locator("#manual-error")).isHidden();
            screen(page, "guard-problem-phone-1280");
            page.fill("#m-phone", Phones.next());
            assertThat(page.locator("#m-phone-error")).isHidden();
            page.fill("#m-id", "12345");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#m-id-error .problem-main"))
                    .hasText("Số CCCD gồm 12 chữ số (CMND cũ 9 chữ số) hoặc là số hộ chiếu.");
            page.fill("#m-id", "");
            assertThat(page.locator("#m-id-error")).isHidden();
            assertThat(Browsers.visitCount(guard.api(), site)).isZero();
            watch.assertClean();

            // the kiosk: a confirmation that is not genuine is refused in words, not in the server's English
            Page kiosk = tablet.newPage();
            kiosk.navigate(Browsers.url("/kiosk"));
            kiosk.fill("#pair-code", "KHONGCO1");
            kiosk.click("#pair-form button[type=submit]");
            assertThat(kiosk.locator("#pair-error .problem-main")).hasText("Mã ghép nối sai, đã hết hạn hoặc đã được dùng.");
            assertThat(kiosk.locator("#pair-error .problem-en")).hasText("The pairing code is wrong, expired or already used.");
            kiosk.fill("#pair-code", Browsers.pairingCode(site, "both"));
            kiosk.click("#pair-form button[type=submit]");
            kiosk.locator("#kiosk-qr svg").waitFor();
            String forged = "c1." + UUID.randomUUID() + "." + site + ".1.ABCD." + (Instant.now().getEpochSecond() + 200)
                    + "." + "A".repeat(22);
            kiosk.keyboard().type(forged + "\n");
            assertThat(kiosk.locator("#result")).hasAttribute("data-tone", "error");
            assertThat(kiosk.locator("#result-detail"))
                    .hasText("Mã xác nhận đã hết hạn hoặc không hợp lệ. Hãy khai báo lại trên điện thoại.");
            assertThat(kiosk.locator("#result-detail-en"))
                    .hasText("The confirmation code has expired or is not genuine. Check in again on the phone.");
            screen(kiosk, "kiosk-problem-confirmation-1280");
        }
    }

    @Test
    void aDashboardFormShowsTheProblemUnderItsField() {
        long site = Browsers.site("market");
        String username = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = Browsers.admin().post("/api/v1/users", new JsonObject().put("username", username)
                .put("password", "pass-" + username).put("role", "manager").put("siteIds", new JsonArray().add(site)));
        assertThat(r.status()).isEqualTo(201);
        Browsers.Staff manager = new Browsers.Staff(username, "pass-" + username, null);
        try (BrowserContext desk = Browsers.tablet(Browsers.browser())) {
            Page page = DashboardBrowserTest.signIn(desk, manager);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=campaigns]");
            page.fill("input[name=title]", "Cài Bluezone");
            page.fill("input[name=startsOn]", "2026-12-20");
            page.fill("input[name=endsOn]", "2026-12-10");
            page.click("form.editor button[type=submit]");
            assertThat(page.locator("input[name=endsOn] + .form-error .problem-main"))
                    .hasText("Ngày bắt đầu phải trước ngày kết thúc.");
            assertThat(page.locator("input[name=endsOn] + .form-error .problem-en")).hasText("The start must be before the end.");
            assertThat(page.locator("input[name=endsOn]")).hasAttribute("aria-invalid", "true");
            screen(page, "dashboard-problem-campaign-1280");
            page.fill("input[name=endsOn]", "2026-12-30");
            assertThat(page.locator("input[name=endsOn] + .form-error")).isHidden();
            watch.assertClean();
        }
    }
}
