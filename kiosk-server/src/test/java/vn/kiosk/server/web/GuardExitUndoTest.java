package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * "Đánh dấu ra" can be undone for a few seconds: nothing is sent until then (so an undone exit is in no record),
 * and the list does not move under the guard's pointer, so the next person's button never slides under it.
 */
class GuardExitUndoTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    private static String exitedAt(Browsers.Staff guard, long site, String name) {
        return guard.api().get("/api/v1/sites/" + site + "/visits?limit=500").items().stream().map(JsonObject.class::cast)
                .filter(v -> name.equals(v.getJsonObject("visitor").getString("name"))).findFirst().orElseThrow()
                .getString("exitedAt");
    }

    @Test
    void anExitWaitsForItsUndoAndTheListHoldsStillUnderThePointer() {
        long site = Browsers.site("school");
        Browsers.Staff guard = Browsers.guard(site);
        List<String> names = List.of("Ngô Thì Nhậm", "Cao Bá Quát", "Hồ Xuân Hương");
        for (String name : names) {
            Api.Response r = guard.api().checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor(name, Phones.next())));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            Locator rows = page.locator("#inside .inside-row");
            assertThat(rows).hasCount(3);
            Locator first = rows.filter(new Locator.FilterOptions().setHasText(names.get(0)));
            Locator secondExit = rows.filter(new Locator.FilterOptions().setHasText(names.get(1)))
                    .locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra"));
            double secondY = secondExit.boundingBox().y;

            // tapped, then undone: nothing was sent, nothing is recorded
            first.locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra")).click();
            assertThat(first).hasClass(java.util.regex.Pattern.compile("leaving"));
            assertThat(first.locator(".exit-wait")).containsText("Ra sau");
            assertThat(exitedAt(guard, site, names.get(0))).as("not sent during the undo window").isNull();
            screen(page, "guard-exit-undo-tablet");
            first.locator("button", new Locator.LocatorOptions().setHasText("Hoàn tác")).click();
            assertThat(page.locator("#toasts")).containsText("Đã hoàn tác");
            assertThat(first.locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra"))).isVisible();
            page.waitForTimeout(5_500);
            assertThat(exitedAt(guard, site, names.get(0))).as("an undone exit is never sent").isNull();

            // tapped and left: sent when the window ends; the row stays in place while the pointer is on the list
            first.locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra")).click();
            Browsers.eventually(java.time.Duration.ofSeconds(9), "the exit sent after the undo window",
                    () -> exitedAt(guard, site, names.get(0)) != null);
            assertThat(page.locator("#toasts")).containsText("Đã đánh dấu ra");
            assertThat(rows).hasCount(3);
            assertThat(first.locator(".gone-label")).hasText("Đã ra");
            assertThat(secondExit.boundingBox().y).as("the next person's button did not move")
                    .isCloseTo(secondY, org.assertj.core.data.Offset.offset(1.0));
            page.mouse().move(2, 2); // the pointer leaves the list: now it closes up
            assertThat(rows).hasCount(2);
            assertThat(exitedAt(guard, site, names.get(1))).isNull();
            watch.assertClean();
        }
    }
}
