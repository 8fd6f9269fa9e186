package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * The console on a guard's phone at a busy entrance: live arrivals on the first screen (not under every "inside"
 * card), the inside list searchable without diacritics or by the phone's visible digits, toasts that never cover
 * the form's buttons, and the console's gate chosen once, kept on the device and carried by each check-in.
 */
class GuardPhoneLayoutTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    private static boolean overlaps(BoundingBox a, BoundingBox b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    @Test
    void arrivalsFirstSearchableInsideToastsAsideAndAGate() {
        long site = Browsers.site("bus_station");
        Browsers.Staff guard = Browsers.guard(site);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String phone = Phones.next();
            phones.add(phone);
            String name = (i % 2 == 0 ? "Nguyễn Văn " : "Trần Thị ") + "Khách " + (char) ('A' + i);
            Api.Response r = guard.api().checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor(name, phone)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            Locator rows = page.locator("#inside .inside-row");
            assertThat(rows).hasCount(14);
            assertThat(page.locator("#feed .feed-row")).hasCount(14);
            BoundingBox feed = page.locator("#feed-title").boundingBox();
            assertThat(feed.y).as("live arrivals on the first screen").isLessThan(844);
            assertThat(feed.y).isLessThan(page.locator("#inside-title").boundingBox().y);
            screen(page, "guard-phone-first-screen");

            // searching the inside list: without diacritics, and by the masked phone's visible digits
            page.fill("#inside-search", "nguyen van");
            assertThat(rows).hasCount(7);
            page.fill("#inside-search", "TRAN thi khach b");
            assertThat(rows).hasCount(1);
            assertThat(rows.locator(".name")).hasText("Trần Thị Khách B");
            String last3 = phones.get(4).substring(phones.get(4).length() - 3);
            page.fill("#inside-search", last3);
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("Nguyễn Văn Khách E"))).hasCount(1);
            page.fill("#inside-search", "không có ai");
            assertThat(rows).hasCount(0);
            assertThat(page.locator("#inside-more")).hasText("Không có ai khớp “không có ai”.");
            page.fill("#inside-search", "");
            assertThat(rows).hasCount(14);

            // the gate, chosen once: kept through a reload and sent with each check-in
            page.locator("#gate").fill("Cổng Đông");
            page.locator("#gate").press("Tab");
            page.reload();
            assertThat(page.locator("#live-badge")).hasAttribute("data-state", "live");
            assertThat(page.locator("#gate")).hasValue("Cổng Đông");
            page.fill("#m-name", "Lương Thế Vinh");
            page.fill("#m-phone", Phones.next());
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last-text")).containsText("Lương Thế Vinh");
            JsonObject visit = guard.api().get("/api/v1/sites/" + site + "/visits?q=Luong").items().getJsonObject(0);
            assertThat(visit.getString("gate")).isEqualTo("Cổng Đông");
            // ...and with each exit marked from the inside list
            page.locator("#inside .inside-row", new Page.LocatorOptions().setHasText("Lương Thế Vinh"))
                    .locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra")).click();
            Browsers.eventually(java.time.Duration.ofSeconds(12), "the exit sent after the undo window",
                    () -> guard.api().get("/api/v1/sites/" + site + "/visits?q=Luong").items().getJsonObject(0)
                            .getString("exitedAt") != null);
            assertThat(guard.api().get("/api/v1/sites/" + site + "/visits?q=Luong").items().getJsonObject(0)
                    .getString("exitGate")).isEqualTo("Cổng Đông");

            // a toast while the form's button sits at the bottom of the screen: it does not cover it
            Locator submit = page.locator("#manual button[type=submit]");
            submit.evaluate("b => b.scrollIntoView({ block: 'end' })");
            page.waitForTimeout(300);
            Locator toasts = page.locator("#toasts .toast");
            assertThat(toasts.first()).isVisible();
            for (int i = 0; i < toasts.count(); i++) {
                assertThat(overlaps(toasts.nth(i).boundingBox(), submit.boundingBox()))
                        .as("toast " + i + " over the submit button").isFalse();
            }
            screen(page, "guard-phone-toast");
            VisitorPhoneTest.assertNoSidewaysScroll(page);

            page.setViewportSize(1024, 768);
            page.evaluate("() => window.scrollTo(0, 0)");
            screen(page, "guard-tablet-1024");
            watch.assertClean();
        }
    }
}
