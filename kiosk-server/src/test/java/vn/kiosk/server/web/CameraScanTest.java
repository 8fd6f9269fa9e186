package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.server.support.Phones;

/** QR codes held up to the camera, through Chromium's fake video capture: a pass at the kiosk, a CCCD at the guard. */
class CameraScanTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void kioskCameraReadsAVisitorPass(@TempDir Path dir) throws Exception {
        long site = Browsers.site("school");
        long elsewhere = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Hoàng Minh Đức", Phones.next());
        String code = Browsers.pairingCode(site, "entry");
        Browser camera = Browsers.launch(FakeCamera.flags(FakeCamera.y4m(pass, dir)));
        try (BrowserContext ctx = Browsers.tablet(camera)) {
            ctx.grantPermissions(List.of("camera"));
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", code);
            long t0 = System.nanoTime();
            page.click("#pair-form button[type=submit]");
            // a pass from another site's agency carries no consent to this one: the kiosk asks for the tap
            assertThat(page.locator("#consent-view")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(20_000));
            page.click("#consent-agree");
            assertThat(page.locator("#result")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(20_000));
            System.out.println("kiosk camera: pass read and answered " + (System.nanoTime() - t0) / 1_000_000
                    + " ms after pairing (camera start included)");
            assertThat(page.locator("#result-title")).hasText("Mời vào");
            System.out.println("kiosk camera: pass decoded to result screen in " + page.locator("#result").getAttribute("data-ms") + " ms");
            assertThat(page.locator("#result-name")).hasText("Hoàng Minh Đức");
            assertThat(page.locator("#cam")).isVisible();
            shot(page, "kiosk-result-camera-pass");
            Browsers.eventually(Duration.ofSeconds(5), "the visit", () -> Browsers.visitCount(guard.api(), site) == 1);
            // the code stays in front of the camera: it is not read again and again
            page.waitForTimeout(2000);
            assertThat(Browsers.visitCount(guard.api(), site)).isEqualTo(1);
            watch.assertClean();
        } finally {
            camera.close();
        }
    }

    @Test
    void aPassShownAgainSecondsLaterIsNotTakenForAnExit(@TempDir Path dir) throws Exception {
        long site = Browsers.site("market");
        long elsewhere = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Đinh Văn Lực", Phones.next());
        String code = Browsers.pairingCode(site, "both");
        Browser camera = Browsers.launch(FakeCamera.flags(FakeCamera.blinking(pass, dir)));
        try (BrowserContext ctx = Browsers.tablet(camera)) {
            ctx.grantPermissions(List.of("camera"));
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", code);
            page.click("#pair-form button[type=submit]");
            // a pass from another site's agency carries no consent to this one: the kiosk asks for the tap
            assertThat(page.locator("#consent-view")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(20_000));
            page.click("#consent-agree");
            assertThat(page.locator("#result-title")).hasText("Mời vào", new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(20_000));
            // lowered and shown again five seconds later: read again, and asked instead of checked out
            assertThat(page.locator("#result-title")).containsText("Đã ghi nhận vào lúc", new com.microsoft.playwright
                    .assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
            assertThat(page.locator("#result-action")).isVisible();
            shot(page, "kiosk-camera-already-in");
            var items = guard.api().get("/api/v1/sites/" + site + "/visits").items();
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.getJsonObject(0).getString("exitedAt")).as("still inside").isNull();
            watch.assertClean();
        } finally {
            camera.close();
        }
    }

    @Test
    void guardCameraReadsACccdCard(@TempDir Path dir) throws Exception {
        long site = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        String cccd = "045090001234||Nguyễn Thị Thu Hà|15031990|Nữ|Số 12 Hùng Vương, Đông Hà, Quảng Trị|01062021";
        Browser camera = Browsers.launch(FakeCamera.flags(FakeCamera.y4m(cccd, dir)));
        try (BrowserContext ctx = Browsers.tablet(camera)) {
            ctx.grantPermissions(List.of("camera"));
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.check("#scan-consent"); // told the visitor, who agreed
            page.click("#scan-toggle");
            Locator row = page.locator("#inside .inside-row .name", new Page.LocatorOptions().setHasText("Nguyễn Thị Thu Hà"));
            row.waitFor(new Locator.WaitForOptions().setTimeout(20_000));
            assertThat(page.locator("#feed .feed-row.ev-checkin .meta").first()).containsText("CCCD");
            shot(page, "guard-camera-cccd");
            page.click("#scan-toggle");
            var items = guard.api().get("/api/v1/sites/" + site + "/visits").items();
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.getJsonObject(0).getString("method")).isEqualTo("cccd");
            assertThat(items.getJsonObject(0).getJsonObject("visitor").getString("idMasked")).isNotBlank();
            watch.assertClean();
        } finally {
            camera.close();
        }
    }
}
