package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.qr.SiteToken;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * The visitor's phone (390 × 844) opens the kiosk's QR URL, which it exchanges at once for a ten-minute session and
 * the site's name, gives name, phone and the Bluezone answer once, checks in with one tap, and holds the
 * confirmation QR up to the kiosk, which accepts it. An old code, or a session that runs out, asks for a new scan
 * and keeps what was typed.
 */
class VisitorPhoneTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void selfCheckInThenConfirmationAtTheKiosk() throws Exception {
        long site = Browsers.site("market");
        Browsers.Staff guard = Browsers.guard(site);
        String code = Browsers.pairingCode(site, "both");
        try (BrowserContext tablet = Browsers.tablet(Browsers.browser());
             BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page kiosk = tablet.newPage();
            Browsers.Watch kioskWatch = new Browsers.Watch(kiosk);
            kiosk.navigate(Browsers.url("/kiosk"));
            kiosk.fill("#pair-code", code);
            kiosk.click("#pair-form button[type=submit]");
            kiosk.locator("#kiosk-qr svg").waitFor();
            String url = QrCodes.decode(kiosk.locator("#kiosk-qr").screenshot()).orElseThrow();

            Page p = phone.newPage();
            Browsers.Watch phoneWatch = new Browsers.Watch(p);
            List<String> sent = new CopyOnWriteArrayList<>();
            p.onRequest(r -> {
                if (r.url().endsWith("/api/v1/checkins")) {
                    sent.add(r.postData());
                }
            });
            p.navigate(url);
            assertThat(p.locator("#s-details")).isVisible();
            // the code is exchanged at once: the page says where the visitor is checking in
            assertThat(p.locator("#site-line")).hasText("Bạn đang khai báo tại: " + siteName(site) + " · Cổng chính");
            assertThat(p.locator("#notice")).isHidden();
            shot(p, "phone-1-details");
            p.fill("#name", "Phạm Thị Ngọc Ánh");
            p.fill("#phone", Phones.next());
            p.check("#consent-check");
            p.click("#s-details button[type=submit]");
            assertThat(p.locator("#s-bluezone")).isVisible();
            assertThat(p.locator("#go")).isDisabled();
            p.click("#bz-yes");
            assertThat(p.locator("#bz-id")).isVisible();
            shot(p, "phone-2-bluezone-installed");
            p.click("#bz-no");
            assertThat(p.locator("#bz-install a[href='https://play.google.com/store/apps/details?id=com.mic.bluezone']")).isVisible();
            assertThat(p.locator("#bz-install a[href='https://apps.apple.com/vn/app/bluezone/id1508062685']")).isVisible();
            shot(p, "phone-3-bluezone-missing");
            assertNoSidewaysScroll(p);
            assertTargetsAtLeast48px(p);
            p.click("#bz-yes");
            p.fill("#bz-id", "a1b2c3");

            p.click("#go");
            assertThat(p.locator("#s-done")).isVisible();
            assertThat(p.locator("#done-title")).hasText("Mời vào");
            // the check-in carried the session, not the kiosk's short-lived code
            assertThat(sent).hasSize(1);
            assertThat(new JsonObject(sent.get(0)).getString("siteToken")).startsWith("s1." + site + ".");
            assertThat(p.locator("#done-name")).hasText("Phạm Thị Ngọc Ánh");
            assertThat(p.locator("#confirm-qr svg")).isVisible();
            assertThat(p.locator("#pass-saved")).isVisible();
            shot(p, "phone-4-done");
            assertNoSidewaysScroll(p);
            assertThat((String) p.evaluate("localStorage.getItem('visitor.pass')")).contains("v1.");

            // The confirmation QR as the kiosk camera would read it from the phone's screen.
            byte[] confirmPng = p.locator("#confirm-qr").screenshot();
            String confirmation = QrCodes.decode(confirmPng).orElseThrow();
            assertThat(confirmation).startsWith("c1.").contains(".1.A1B2C3.")
                    .isEqualTo(p.locator("#confirm-qr").getAttribute("data-qr-text"));
            kiosk.keyboard().type(confirmation + "\n"); // a code reader in keyboard mode
            assertThat(kiosk.locator("#result")).isVisible();
            assertThat(kiosk.locator("#result")).hasAttribute("data-tone", "ok");
            assertThat(kiosk.locator("#result-title")).hasText("Mời vào");
            assertThat(kiosk.locator("#result-name")).hasText("Phạm Thị Ngọc Ánh");
            assertThat(kiosk.locator("#result-detail")).hasText("Đã xác nhận Bluezone");
            shot(kiosk, "kiosk-result-confirmed");
            int ms = Integer.parseInt(kiosk.locator("#result").getAttribute("data-ms"));
            System.out.println("kiosk: confirmation scan to result screen in " + ms + " ms");
            org.assertj.core.api.Assertions.assertThat(ms).as("result within a second of the scan").isLessThan(1000);
            assertThat(guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0)
                    .getString("bluezone")).isEqualTo("qr_confirmed");

            // Accepted: the server recorded the confirmation, a second scan changes nothing.
            Api.Response again = guard.api().post("/api/v1/confirmations", new JsonObject().put("code", confirmation));
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().getBoolean("alreadyConfirmed")).isTrue();
            assertThat(again.json().getJsonObject("visitor").getString("name")).isEqualTo("Phạm Thị Ngọc Ánh");

            // After "Xong" the next tap asks before checking out, and sends nothing until asked to.
            String enteredAt = java.time.OffsetDateTime.parse(guard.api().get("/api/v1/sites/" + site + "/visits").items()
                    .getJsonObject(0).getString("enteredAt")).atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
            p.click("#done");
            assertThat(p.locator("#s-go")).isVisible();
            p.click("#go");
            assertThat(p.locator("#repeat")).isVisible();
            assertThat(p.locator("#repeat-text")).hasText("Đã ghi nhận vào lúc " + enteredAt + " — Ra về?");
            assertThat(p.locator("#repeat-text-en")).hasText("Checked in at " + enteredAt + " — Leaving?");
            assertThat(p.locator("#go-out")).hasText("Ra về");
            assertThat(p.locator("#go")).isHidden();
            shot(p, "phone-5-leaving");
            assertTargetsAtLeast48px(p);
            assertThat(sent).as("nothing sent before the visitor says so").hasSize(1);
            p.click("#repeat-stay");
            assertThat(p.locator("#repeat")).isHidden();
            // Next time: one tap, no typing (the pass is used).
            assertThat(p.locator("#go")).isVisible();
            assertThat(p.locator("#me-name")).hasText("Phạm Thị Ngọc Ánh");
            shot(p, "phone-5-returning");
            // Someone without Bluezone: orange, with the install poster.
            kiosk.click("#result"); // a tap closes the result screen early
            Api.Response other = Browsers.server().api().checkIn(new JsonObject()
                    .put("siteToken", url.substring(url.lastIndexOf('/') + 1))
                    .put("visitor", Api.visitor("Võ Thị Sáu", Phones.next())).put("consent", Api.selfConsent())
                    .put("bluezone", new JsonObject().put("status", "not_installed")));
            assertThat(other.status()).as(other.body()).isEqualTo(201);
            kiosk.keyboard().type(other.json().getString("confirmation") + "\n");
            assertThat(kiosk.locator("#result")).hasAttribute("data-tone", "warn");
            assertThat(kiosk.locator("#result-name")).hasText("Võ Thị Sáu");
            assertThat(kiosk.locator("#result-poster")).isVisible();
            shot(kiosk, "kiosk-result-no-bluezone");
            kiosk.click("#result");
            assertThat(kiosk.locator("#result")).isHidden();
            url = QrCodes.decode(kiosk.locator("#kiosk-qr").screenshot()).orElseThrow();
            p.navigate(url);
            // a new scan, a minute after the entry: the server answers "already checked in", the page asks
            p.click("#go");
            assertThat(p.locator("#repeat-text")).hasText("Đã ghi nhận vào lúc " + enteredAt + " — Ra về?");
            assertThat(guard.api().get("/api/v1/sites/" + site + "/visits?q=Ngọc").items().getJsonObject(0)
                    .getString("exitedAt")).as("still inside").isNull();
            p.click("#go-out");
            assertThat(p.locator("#done-title")).hasText("Tạm biệt");
            assertThat(p.locator("#confirm-box")).isHidden();
            shot(p, "phone-6-goodbye");
            p.click("#show-pass");
            assertThat(p.locator("#pass-qr svg")).isVisible();
            shot(p, "phone-7-pass");

            Browsers.eventually(Duration.ofSeconds(5), "one closed visit", () -> {
                var items = guard.api().get("/api/v1/sites/" + site + "/visits?q=Ngọc").items();
                return items.size() == 1 && items.getJsonObject(0).getString("exitedAt") != null;
            });
            kioskWatch.assertClean();
            phoneWatch.assertClean();
        }
    }

    @Test
    void anOldCodeOrAnEndedSessionAsksForANewScanAndKeepsWhatWasTyped() {
        long site = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        JsonObject kiosk = Browsers.server().api().post("/api/v1/kiosks/pair",
                new JsonObject().put("pairingCode", Browsers.pairingCode(site, "both"))).json();
        long kioskId = kiosk.getLong("kioskId");
        byte[] secret = Base64.getUrlDecoder().decode(kiosk.getString("secret"));
        String name = "Trần Văn Bình";
        try (BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page p = phone.newPage();
            Browsers.Watch watch = new Browsers.Watch(p);
            p.clock().install(); // the phone's timers, so ten minutes can pass at once

            // a photo of the kiosk's code, three minutes old: refused when the page opens
            String old = SiteToken.forKiosk(kioskId, secret, Instant.now().minus(Duration.ofMinutes(3)));
            p.navigate(Browsers.url("/c/" + old));
            assertThat(p.locator("#notice")).isVisible();
            assertThat(p.locator("#notice .notice-main")).hasText(
                    "Mã QR này đã hết hạn. Hãy quét lại mã QR đang hiển thị trên kiosk hoặc áp phích ở cổng.");
            assertThat(p.locator("#notice .notice-en")).containsText("Scan the QR code shown on the kiosk");
            assertThat(p.locator("#site-line")).isHidden();
            String phoneNumber = Phones.next();
            p.fill("#name", name);
            p.fill("#phone", phoneNumber);
            shot(p, "phone-code-expired");
            assertNoSidewaysScroll(p);

            // scanned again: a fresh code, the site's name, and what was typed is still there
            p.navigate(Browsers.url("/c/" + SiteToken.forKiosk(kioskId, secret, Instant.now())));
            assertThat(p.locator("#site-line")).containsText(siteName(site));
            assertThat(p.locator("#notice")).isHidden();
            assertThat(p.locator("#name")).hasValue(name);
            assertThat(p.locator("#phone")).hasValue(phoneNumber);
            p.check("#consent-check");
            p.click("#s-details button[type=submit]");
            p.click("#bz-no");

            // the session runs out while the visitor waits: a warning a minute before, then "scan again"
            p.clock().fastForward("09:10");
            assertThat(p.locator("#notice .notice-main")).containsText("Sắp hết thời gian khai báo");
            shot(p, "phone-session-ending");
            p.clock().fastForward("01:00");
            assertThat(p.locator("#notice.error .notice-main")).hasText(
                    "Đã hết thời gian khai báo. Hãy quét lại mã QR trên kiosk hoặc áp phích — thông tin bạn đã nhập vẫn được giữ.");
            shot(p, "phone-session-ended");

            // the server refuses the session (here: one it never issued): same message, details kept, nothing stored
            p.route("**/api/v1/checkins", route -> {
                JsonObject body = new JsonObject(route.request().postData());
                body.put("siteToken", "s1." + site + "." + kioskId + ".k.1.AAAAAAAAAAAAAAAAAAAAAA");
                route.resume(new com.microsoft.playwright.Route.ResumeOptions().setPostData(body.encode()));
            });
            p.click("#go");
            assertThat(p.locator("#notice.error .notice-main")).hasText(
                    "Đã hết thời gian khai báo. Hãy quét lại mã QR trên kiosk hoặc áp phích — thông tin bạn đã nhập vẫn được giữ.");
            assertThat(p.locator("#me-name")).hasText(name);
            p.unrouteAll();
            assertThat(Browsers.visitCount(guard.api(), site)).isZero();

            // one more scan and one tap
            p.navigate(Browsers.url("/c/" + SiteToken.forKiosk(kioskId, secret, Instant.now())));
            assertThat(p.locator("#site-line")).containsText(siteName(site));
            p.click("#go");
            assertThat(p.locator("#done-title")).hasText("Mời vào");
            assertThat(p.locator("#done-name")).hasText(name);
            assertThat(Browsers.visitCount(guard.api(), site)).isEqualTo(1);
            watch.assertClean();
        }
    }

    static String siteName(long site) {
        return Browsers.admin().get("/api/v1/sites/" + site).json().getString("name");
    }

    @Test
    void englishWhenAskedAndRemembered() {
        try (BrowserContext phone = Browsers.phone(Browsers.browser())) {
            Page p = phone.newPage();
            p.navigate(Browsers.url("/c/p1.1.0.AAAAAAAAAAAAAAAAAAAAAA?lang=en"));
            assertThat(p.locator("#s-details h1")).hasText("Check in or out");
            assertThat(p.locator("html")).hasAttribute("lang", "en");
            p.locator(".privacy summary").click();
            assertThat(p.locator(".privacy")).containsText("28 days");
            shot(p, "phone-privacy-en");
            p.navigate(Browsers.url("/c/p1.1.0.AAAAAAAAAAAAAAAAAAAAAA"));
            assertThat(p.locator("#s-details h1")).hasText("Check in or out");
            p.locator(".lang-switch").click();
            assertThat(p.locator("#s-details h1")).hasText("Khai báo ra/vào");
            p.locator(".privacy summary").click();
            assertThat(p.locator(".privacy")).containsText("28 ngày");
        }
    }

    static void assertNoSidewaysScroll(Page p) {
        Number scroll = (Number) p.evaluate("document.documentElement.scrollWidth");
        Number width = (Number) p.evaluate("window.innerWidth");
        assertThat(scroll.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(width.intValue());
    }

    /** Every visible button, link and field is at least 48 CSS px tall (text links inside prose aside). */
    static void assertTargetsAtLeast48px(Page p) {
        Object small = p.evaluate("() => [...document.querySelectorAll('button, a.btn, input, select, summary')]"
                + ".filter(e => e.offsetParent !== null && e.type !== 'radio')"
                + ".filter(e => e.getBoundingClientRect().height < 47.5)"
                + ".map(e => (e.id || e.className || e.tagName) + ':' + e.getBoundingClientRect().height)");
        assertThat((java.util.List<?>) small).as("touch targets under 48 px").isEmpty();
    }
}
