package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/** A new tablet pairs with its one-time code and shows a rotating QR that checks a phone in. */
class KioskScreenTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void pairedKioskShowsAWorkingRotatingQr() throws Exception {
        long site = Browsers.site("office");
        String code = Browsers.pairingCode(site, "both");
        // a campaign poster of this site joins the idle carousel
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Api.Response campaign = Browsers.admin().post("/api/v1/campaigns", new JsonObject().put("title", "Tiêm vắc-xin mũi 3")
                .put("siteId", site).put("startsOn", today.minusDays(1).toString()).put("endsOn", today.plusDays(1).toString()));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        assertThat(Browsers.admin().putRaw("/api/v1/campaigns/" + campaign.json().getLong("id") + "/image",
                "application/octet-stream", QrCodes.png("Tiêm vắc-xin mũi 3", 270)).status()).isEqualTo(200);
        // ... and one whose hours are not now does not (the kiosk keeps to the schedule itself)
        int hour = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getHour();
        Api.Response later = Browsers.admin().post("/api/v1/campaigns", new JsonObject().put("title", "Giờ khác")
                .put("siteId", site).put("startsOn", today.minusDays(1).toString()).put("endsOn", today.plusDays(1).toString())
                .put("schedule", new JsonObject().put("from", hour < 12 ? "20:00" : "02:00").put("until", hour < 12 ? "22:00" : "04:00")));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        assertThat(Browsers.admin().putRaw("/api/v1/campaigns/" + later.json().getLong("id") + "/image",
                "application/octet-stream", QrCodes.png("Giờ khác", 270)).status()).isEqualTo(200);
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/kiosk"));
            assertThat(page.locator("#pair")).isVisible();
            assertThat(page.locator("#pair h1")).hasText("Ghép nối kiosk");
            shot(page, "kiosk-pairing-tablet");

            page.fill("#pair-code", code.toLowerCase());
            page.click("#pair-form button[type=submit]");
            assertThat(page.locator("#idle")).isVisible();
            assertThat(page.locator("#scan-vi")).hasText("Quét mã để khai báo ra/vào");
            assertThat(page.locator(".scan-en")).hasText("Scan to check in or out");
            assertThat(page.locator("#net-badge")).hasAttribute("data-state", "online");
            page.locator("#kiosk-qr svg").waitFor();
            page.locator("#site-name").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Điểm thử")).waitFor();
            shot(page, "kiosk-idle-tablet");
            assertThat(page.locator("#poster-dots .dot")).hasCount(2); // Bluezone + the campaign
            assertThat(page.locator("#poster-dots")).isVisible();

            // What a phone camera sees: decode the QR from the screen itself.
            String drawnBefore = page.locator("#kiosk-qr").getAttribute("data-qr-text");
            byte[] png = page.locator("#kiosk-qr").screenshot();
            String drawnAfter = page.locator("#kiosk-qr").getAttribute("data-qr-text"); // it may rotate meanwhile
            Optional<String> text = QrCodes.decode(png);
            assertThat(text).as("the QR on screen decodes").isPresent();
            String url = text.get();
            assertThat(url).startsWith(Browsers.server().baseUrl() + "/c/k1.");
            assertThat(url).isIn(drawnBefore, drawnAfter);

            // ... and the token in it checks a visitor in, anonymously, at this kiosk's site.
            String token = url.substring(url.lastIndexOf('/') + 1);
            Api.Response r = Browsers.server().api().checkIn(new JsonObject().put("siteToken", token)
                    .put("visitor", Api.visitor("Lê Thị Mai", Phones.next())).put("consent", Api.selfConsent()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().getLong("siteId")).isEqualTo(site);
            assertThat(r.json().getString("direction")).isEqualTo("in");

            // its heartbeat makes it show as online to the manager
            Browsers.eventually(java.time.Duration.ofSeconds(5), "the kiosk online", () -> {
                var kiosks = Browsers.admin().get("/api/v1/sites/" + site + "/kiosks").items();
                return kiosks.size() == 1 && kiosks.getJsonObject(0).getBoolean("online")
                        && "web-1.1.0".equals(kiosks.getJsonObject(0).getString("appVersion"));
            });

            page.setViewportSize(800, 1280);
            shot(page, "kiosk-idle-portrait");
            watch.assertClean();
        }
    }

    @Test
    void aSecondScanSoonAfterAnEntryAsksBeforeCheckingOut() {
        long site = Browsers.site("bus_station");
        long elsewhere = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Lương Thị Thảo", Phones.next());
        String code = Browsers.pairingCode(site, "both");
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", code);
            page.click("#pair-form button[type=submit]");
            page.locator("#kiosk-qr svg").waitFor();
            page.keyboard().type(pass + "\n"); // a code reader in keyboard mode
            page.click("#consent-agree"); // a pass from another site's agency: agreed here once
            assertThat(page.locator("#result-title")).hasText("Mời vào");
            page.click("#result");

            page.keyboard().type(pass + "\n"); // the same pass again, a moment later
            JsonObject visit = guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0);
            String at = java.time.OffsetDateTime.parse(visit.getString("enteredAt"))
                    .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
            assertThat(page.locator("#result")).hasAttribute("data-tone", "warn");
            assertThat(page.locator("#result-title")).hasText("Đã ghi nhận vào lúc " + at);
            assertThat(page.locator("#result-title-en")).hasText("Checked in at " + at);
            assertThat(page.locator("#result-name")).hasText("Lương Thị Thảo");
            assertThat(page.locator("#result-detail")).hasText("Ra về?");
            assertThat(page.locator("#result-action")).isVisible();
            assertThat(page.locator("#result-action-vi")).hasText("Ra về");
            assertThat(page.locator("#result-action-en")).hasText("Check out");
            shot(page, "kiosk-result-already-in");
            assertThat(Browsers.visitCount(guard.api(), site)).isEqualTo(1);
            assertThat(guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0)
                    .getString("exitedAt")).as("a second scan is not an exit").isNull();

            page.click("#result-action");
            assertThat(page.locator("#result-title")).hasText("Tạm biệt");
            assertThat(page.locator("#result-action")).isHidden();
            shot(page, "kiosk-result-checked-out");
            var items = guard.api().get("/api/v1/sites/" + site + "/visits").items();
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.getJsonObject(0).getString("exitedAt")).isNotNull();
            // and the pass once more right after: the same exit, not a new entry
            page.click("#result");
            page.keyboard().type(pass + "\n");
            assertThat(page.locator("#result-title")).hasText("Tạm biệt");
            assertThat(Browsers.visitCount(guard.api(), site)).isEqualTo(1);
            watch.assertClean();
        }
    }

    @Test
    void aTabletWhoseClockIsWrongFollowsTheServersTime() throws Exception {
        long site = Browsers.site("office");
        String code = Browsers.pairingCode(site, "both");
        // 10 min 13 s slow: the step-based guess alone would be a multiple of 30 s off by 13 or 17 s
        long skewMs = -(10 * 60_000 + 13_000);
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.clock().install(new com.microsoft.playwright.Clock.InstallOptions()
                    .setTime(System.currentTimeMillis() + skewMs));
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", code);
            page.click("#pair-form button[type=submit]");
            page.locator("#kiosk-qr svg").waitFor();
            Browsers.eventually(java.time.Duration.ofSeconds(15), "the offset measured from the heartbeat's serverTime",
                    () -> Math.abs(((Number) page.evaluate("Number(localStorage.getItem('kiosk.clockOffsetMs'))"))
                            .longValue() + skewMs) < 3000);
            // the code on screen is the server's current step, so a phone opens it
            page.waitForTimeout(300); // the redraw after the correction
            String url = Browsers.readQr(page.locator("#kiosk-qr"), "kiosk-qr");
            String token = url.substring(url.lastIndexOf('/') + 1);
            long step = Long.parseLong(token.split("\\.")[2]);
            assertThat(step).isBetween(System.currentTimeMillis() / 30_000 - 1, System.currentTimeMillis() / 30_000);
            Api.Response opened = Browsers.server().api().get("/api/v1/site-tokens/" + token);
            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            assertThat(opened.json().getLong("siteId")).isEqualTo(site);
            shot(page, "kiosk-idle-clock-corrected");
            watch.assertClean();
        }
    }

    @Test
    void aWrongPairingCodeSaysSoInVietnamese() {
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", "NOPE2345");
            page.click("#pair-form button[type=submit]");
            assertThat(page.locator("#pair-error .problem-main")).hasText("Mã ghép nối sai, đã hết hạn hoặc đã được dùng.");
            assertThat(page.locator("#idle")).isHidden();
        }
    }
}
