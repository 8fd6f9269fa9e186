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
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * A daughter checks in with her elderly father from her own phone: two visits, her consent on both; on the way out
 * the page remembers who came with her and checks them out together.
 */
class FamilyPhoneTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    private static List<JsonObject> visits(Browsers.Staff guard, long site) {
        return guard.api().get("/api/v1/sites/" + site + "/visits?limit=500").items().stream()
                .map(JsonObject.class::cast).toList();
    }

    @Test
    void aDaughterChecksHerFatherInAndOutWithHer() {
        long site = Browsers.site("hospital");
        Browsers.Staff guard = Browsers.guard(site);
        Api kiosk = Browsers.admin().as(Browsers.admin().pairKiosk(site, "both").getString("deviceToken"));
        String url = kiosk.get("/api/v1/kiosk/qr").json().getString("payload");
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page p = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(p);
            p.navigate(url);
            p.fill("#name", "Trương Thị Hạnh");
            p.fill("#phone", Phones.next());
            p.check("#consent-check");
            p.click("#s-details button[type=submit]");
            p.click("#bz-no");
            p.click(".dependant-add");
            p.locator(".dependant-name").last().fill("Trương Văn Phúc");
            screen(p, "phone-family-go");
            p.click("#go");
            assertThat(p.locator("#s-done")).isVisible();
            assertThat(p.locator("#done-family li")).hasText("Trương Văn Phúc");
            screen(p, "phone-family-done");
            List<JsonObject> in = visits(guard, site);
            assertThat(in).hasSize(2);
            assertThat(in).allSatisfy(v -> assertThat(v.getString("method")).isEqualTo("self"));

            // leaving: the page still lists him, and both go out
            p.click("#done");
            assertThat(p.locator(".dependant-name")).hasValue("Trương Văn Phúc");
            p.click("#go");
            assertThat(p.locator("#repeat")).isVisible(); // just checked in: asked before checking out
            p.click("#go-out");
            assertThat(p.locator("#done-title")).hasText("Tạm biệt");
            Browsers.eventually(java.time.Duration.ofSeconds(5), "both visits closed",
                    () -> visits(guard, site).stream().allMatch(v -> v.getString("exitedAt") != null));
            assertThat(visits(guard, site)).hasSize(2);
            watch.assertClean();
        }
    }
}
