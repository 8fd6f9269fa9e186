package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Phones;

/**
 * A USB code reader in keyboard mode on the guard console: it types wherever the focus is (the name field, where
 * the focus returns after each check-in) and ends with Enter. Its CCCD, pass and pasted card text are read as
 * what they are, never stored as a name.
 */
class GuardReaderTest {
    static final String CARD_A = "045090001234|197123456|Nguyễn Văn An|15031990|Nam|Số 12 Hùng Vương, Đông Hà|01062021";
    static final String CARD_B = "045190004321||Lê Thị Bảo Ngọc|02021991|Nữ|Thôn Tân Lập, Cam Lộ, Quảng Trị|10102021";
    static final String CARD_C = "045085007777||Phan Văn Đức|07071985|Nam|Khu phố 3, Đông Hà|05052021";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    private static List<JsonObject> visits(Browsers.Staff guard, long site) {
        return guard.api().get("/api/v1/sites/" + site + "/visits?limit=500").items().stream()
                .map(JsonObject.class::cast).toList();
    }

    private static JsonObject visitOf(Browsers.Staff guard, long site, String name) {
        return visits(guard, site).stream().filter(v -> name.equals(v.getJsonObject("visitor").getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no visit of " + name));
    }

    @Test
    void aReaderTypingIntoTheNameFieldChecksTheCardInNotAName() {
        long site = Browsers.site("office");
        long elsewhere = Browsers.site("market");
        Browsers.Staff guard = Browsers.guard(site);
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Võ Thị Sáu", Phones.next());
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);

            // consent ticked first, then the card read with the focus in the name field: checked in as the card
            page.check("#m-consent");
            page.click("#m-name");
            page.keyboard().type(CARD_A + "\n");
            assertThat(page.locator("#last-text")).containsText("Đã ghi nhận VÀO: \u2068Nguyễn Văn An\u2069");
            assertThat(page.locator("#m-name")).hasValue("");
            assertThat(visitOf(guard, site, "Nguyễn Văn An").getString("method")).isEqualTo("cccd");

            // not yet ticked: the form is filled from the card and waits for the visitor's consent
            page.click("#m-name");
            page.keyboard().type(CARD_B + "\n");
            assertThat(page.locator("#m-name")).hasValue("Lê Thị Bảo Ngọc");
            assertThat(page.locator("#m-id")).hasValue("045190004321");
            assertThat(page.locator("#m-card")).isVisible();
            assertThat(page.locator("#manual-error")).containsText("Đã đọc CCCD");
            screen(page, "guard-reader-card-waits-for-consent");
            assertThat(visits(guard, site)).hasSize(1);
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last-text")).containsText("Lê Thị Bảo Ngọc");
            assertThat(visitOf(guard, site, "Lê Thị Bảo Ngọc").getString("method")).isEqualTo("cccd");

            // a visitor pass read into the name field (it carries no consent here: the guard ticks the box)
            page.check("#m-consent");
            page.click("#m-name");
            page.keyboard().type(pass + "\n");
            assertThat(page.locator("#last-text")).containsText("Võ Thị Sáu");
            assertThat(page.locator("#m-name")).hasValue("");
            assertThat(visitOf(guard, site, "Võ Thị Sáu").getString("method")).isEqualTo("pass");

            // the card's text pasted into the ID field: read whole, not cut at 20 characters
            page.locator("#m-id").evaluate("(el, text) => { el.focus(); const dt = new DataTransfer();"
                    + " dt.setData('text/plain', text); el.dispatchEvent(new ClipboardEvent('paste',"
                    + " { clipboardData: dt, bubbles: true, cancelable: true })); }", CARD_C);
            assertThat(page.locator("#m-name")).hasValue("Phan Văn Đức");
            assertThat(page.locator("#m-id")).hasValue("045085007777");
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last-text")).containsText("Phan Văn Đức");
            assertThat(visitOf(guard, site, "Phan Văn Đức").getString("method")).isEqualTo("cccd");

            // nothing of a card became a name anywhere
            assertThat(visits(guard, site)).hasSize(4);
            assertThat(visits(guard, site)).allSatisfy(v ->
                    assertThat(v.getJsonObject("visitor").getString("name")).doesNotContain("|").doesNotContain("0451"));
            assertThat(page.locator("#feed .feed-row.ev-checkin")).hasCount(4);
            assertThat(page.locator("#inside .name", new Page.LocatorOptions().setHasText("|"))).hasCount(0);
            watch.assertClean();
        }
    }
}
