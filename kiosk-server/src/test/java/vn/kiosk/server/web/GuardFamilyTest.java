package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Phones;

/** A mother with two children at the guard's desk: three visits in, one child out alone, the others together. */
class GuardFamilyTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    private static List<JsonObject> visits(Browsers.Staff guard, long site) {
        return guard.api().get("/api/v1/sites/" + site + "/visits?limit=500").items().stream()
                .map(JsonObject.class::cast).toList();
    }

    private static void fillFamily(Page page, String phone, String... children) {
        page.fill("#m-name", "Phạm Thị Hoa");
        page.fill("#m-phone", phone);
        for (String child : children) {
            page.click(".dependant-add");
            page.locator(".dependant-name").last().fill(child);
        }
        page.check("#m-consent");
    }

    @Test
    void aFamilyComesInTogetherAndLeavesOneByOneOrTogether() {
        long site = Browsers.site("hospital");
        Browsers.Staff guard = Browsers.guard(site);
        String phone = Phones.next();
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            fillFamily(page, phone, "Phạm Minh Khôi", "Phạm Bảo Anh", "Nguyễn Văn Ông");
            page.locator(".dependant-remove").last().click(); // the grandfather stays home after all
            screen(page, "guard-family-form-phone");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last-text")).containsText("Phạm Thị Hoa\u2069 và 2 người đi cùng");
            Locator rows = page.locator("#inside .inside-row");
            assertThat(rows).hasCount(3);
            assertThat(page.locator(".dependant-name")).hasCount(0);
            assertThat(visits(guard, site)).hasSize(3);

            // one child leaves first, marked by the guard
            rows.filter(new Locator.FilterOptions().setHasText("Phạm Bảo Anh"))
                    .locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra")).click();
            page.mouse().move(2, 2);
            assertThat(rows).hasCount(2, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                    .setTimeout(12_000));

            // the mother and the other child leave together
            fillFamily(page, phone, "Phạm Minh Khôi");
            page.click("label[for=dir-out]");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last-text")).containsText("Đã ghi nhận RA");
            assertThat(rows).hasCount(0);
            Browsers.eventually(Duration.ofSeconds(5), "three visits, all closed", () -> visits(guard, site).size() == 3
                    && visits(guard, site).stream().allMatch(v -> v.getString("exitedAt") != null));
            screen(page, "guard-family-left-phone");
            watch.assertClean();
        }
    }
}
