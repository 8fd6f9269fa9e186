package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/** Two guards at one site: what one records by hand appears on the other's console live; names stay text. */
class GuardConsoleTest {
    static final String MARKUP = "<img src=x onerror=alert(1)>";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    static Page signIn(BrowserContext ctx, Browsers.Staff guard) {
        Page page = ctx.newPage();
        page.navigate(Browsers.url("/guard"));
        assertThat(page.locator("#login h1")).hasText("Đăng nhập bảo vệ");
        page.fill("#username", guard.username());
        page.fill("#password", guard.password());
        page.click("#login-form button[type=submit]");
        assertThat(page.locator("#app")).isVisible();
        assertThat(page.locator("#live-badge")).hasAttribute("data-state", "live");
        return page;
    }

    @Test
    void manualCheckInAppearsLiveOnAnotherConsoleAsText() {
        long site = Browsers.site("hospital");
        Api admin = Browsers.admin();
        admin.patch("/api/v1/sites/" + site, new JsonObject().put("capacity", 2));
        Browsers.Staff a = Browsers.guard(site);
        Browsers.Staff b = Browsers.guard(site);
        try (BrowserContext ctxA = Browsers.tablet(Browsers.browser());
             BrowserContext ctxB = Browsers.tablet(Browsers.browser())) {
            Page pageA = signIn(ctxA, a);
            Browsers.Watch watchA = new Browsers.Watch(pageA);
            Page pageB = signIn(ctxB, b);
            Browsers.Watch watchB = new Browsers.Watch(pageB);
            assertThat(pageB.locator("#inside-title")).hasText("Đang ở trong: 0 / 2");

            pageA.fill("#m-name", MARKUP);
            pageA.fill("#m-phone", Phones.next());
            pageA.selectOption("#m-bz", "not_installed");
            long t0 = System.nanoTime();
            pageA.check("#m-consent"); // the guard told the visitor, who agreed
            pageA.click("#manual button[type=submit]");

            Locator arrival = pageB.locator("#feed .feed-row.ev-checkin .name", new Page.LocatorOptions().setHasText(MARKUP));
            arrival.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("guard console: manual check-in visible on the other console after " + ms + " ms");
            assertThat(arrival).hasText(MARKUP);
            assertThat(pageB.locator("#feed img")).hasCount(0);
            assertThat(pageB.locator("#inside .inside-row .name")).hasText(MARKUP);
            assertThat(pageB.locator("#inside img")).hasCount(0);
            assertThat(pageB.locator("#capacity")).isHidden();
            assertThat(pageA.locator("#last-print")).isVisible();

            // a second arrival fills the site: the capacity warning shows
            Api.Response r = a.api().checkIn(new JsonObject().put("siteId", site)
                    .put("visitor", Api.visitor("Đỗ Văn Hùng", Phones.next())));
            assertThat(r.status()).isEqualTo(201);
            assertThat(pageB.locator("#capacity")).isVisible();
            assertThat(pageB.locator("#capacity")).containsText("Đã đủ sức chứa (2/2)");
            shot(pageB, "guard-console-tablet");

            // installed on site, then the exit, from the other console
            Locator row = pageB.locator("#inside .inside-row", new Page.LocatorOptions().setHasText(MARKUP));
            row.locator("button", new Locator.LocatorOptions().setHasText("Đã cài tại chỗ")).click();
            assertThat(row.locator(".bz")).hasText("Đã cài tại chỗ");
            row.locator("button", new Locator.LocatorOptions().setHasText("Đánh dấu ra")).click();
            assertThat(pageA.locator("#feed .feed-row.ev-checkout .name", new Page.LocatorOptions().setHasText(MARKUP)))
                    .isVisible();
            assertThat(pageA.locator("#inside-title")).hasText("Đang ở trong: 1 / 2");
            // both lists followed the events: each console read the whole list once, when it opened
            assertThat(pageA.locator("#inside")).hasAttribute("data-reads", "1");
            assertThat(pageB.locator("#inside")).hasAttribute("data-reads", "1");
            var items = a.api().get("/api/v1/sites/" + site + "/visits").items();
            JsonObject visit = items.stream().map(JsonObject.class::cast)
                    .filter(v -> MARKUP.equals(v.getJsonObject("visitor").getString("name"))).findFirst().orElseThrow();
            assertThat(visit.getString("bluezone")).isEqualTo("installed_on_site");
            assertThat(visit.getString("exitedAt")).isNotNull();

            // the printable pass card for someone without a phone
            pageA.click("#last-print");
            assertThat(pageA.locator("#print-view")).isVisible();
            assertThat(pageA.locator("#print-name")).hasText(MARKUP);
            assertThat(pageA.locator("#print-qr svg")).isVisible();
            shot(pageA, "guard-print-card");
            pageA.click("#print-close");

            pageB.setViewportSize(390, 844);
            shot(pageB, "guard-console-phone");
            VisitorPhoneTest.assertNoSidewaysScroll(pageB);
            watchA.assertClean();
            watchB.assertClean();
        }
    }

    @Test
    void theInsideListIsReadAgainWhenTheServersCountDisagrees() throws Exception {
        long site = Browsers.site("market");
        Browsers.Staff guard = Browsers.guard(site);
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = signIn(ctx, guard);
            Locator rows = page.locator("#inside .inside-row");
            for (int i = 0; i < 3; i++) {
                guard.api().checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người " + i, Phones.next())));
            }
            assertThat(rows).hasCount(3);
            // someone's presence goes without an event (as if it were lost)
            Browsers.server().server().pool().query("delete from presence where site_id = " + site
                    + " and visitor_id = (select min(visitor_id) from presence where site_id = " + site + ")")
                    .execute().await(10, java.util.concurrent.TimeUnit.SECONDS);
            guard.api().checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người 3", Phones.next())));
            assertThat(rows).hasCount(4);
            Thread.sleep(2_000); // quiet: the server counts the site again (3)
            guard.api().checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Người 4", Phones.next())));
            // the event says 4 inside, the list has 5: it is read again
            assertThat(page.locator("#inside")).hasAttribute("data-reads", "2");
            assertThat(rows).hasCount(4);
            assertThat(page.locator("#inside-title")).hasText("Đang ở trong: 4");
        }
    }

    @Test
    void aPassCardForSomeoneWhoIsNotNew() throws Exception {
        long site = Browsers.site("office");
        long elsewhere = Browsers.site("market");
        Browsers.Staff guard = Browsers.guard(site);
        // a regular: given a pass at another site, now coming in here with it (no new pass this time)
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Bùi Thị Xuân", Phones.next());
        Api.Response in = guard.api().checkIn(new JsonObject().put("siteId", site).put("pass", pass));
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(in.json().getString("pass")).as("not a first check-in").isNull();
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            Locator row = page.locator("#inside .inside-row", new Page.LocatorOptions().setHasText("Bùi Thị Xuân"));
            row.locator("button", new Locator.LocatorOptions().setHasText("In thẻ")).click();
            assertThat(page.locator("#print-view")).isVisible();
            assertThat(page.locator("#print-name")).hasText("Bùi Thị Xuân");
            assertThat(page.locator("#print-qr svg")).isVisible();
            // the card's QR is a pass of the same visitor, as the kiosk camera would read it
            String printed = Browsers.readQr(page.locator("#print-qr"), "guard-print-card-regular");
            assertThat(printed).startsWith("v1." + pass.split("\\.")[1] + ".");
            shot(page, "guard-print-card-regular");
            page.click("#print-close");
            assertThat(page.locator("#print-view")).isHidden();
            // it is a pass the server takes: checking out with it
            Api.Response out = guard.api().checkIn(new JsonObject().put("siteId", site).put("pass", printed)
                    .put("direction", "out"));
            assertThat(out.status()).as(out.body()).isEqualTo(201);
            assertThat(out.json().getString("direction")).isEqualTo("out");
            watch.assertClean();
        }
    }

    @Test
    void aSecondCheckInAsksBeforeCheckingOutAndADoubleTapExitsOnce() {
        long site = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        String phone = Phones.next();
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            for (int i = 0; i < 2; i++) {
                page.fill("#m-name", "Hồ Thị Xuân Hương");
                page.fill("#m-phone", phone);
                page.check("#m-consent");
                page.click("#manual button[type=submit]");
                if (i == 0) {
                    assertThat(page.locator("#inside .inside-row")).hasCount(1);
                }
            }
            // the same person again a moment later: asked, not checked out
            JsonObject visit = guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0);
            String at = java.time.OffsetDateTime.parse(visit.getString("enteredAt"))
                    .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
            assertThat(page.locator("#repeat")).isVisible();
            assertThat(page.locator("#repeat-text")).hasText("Đã ghi nhận vào lúc " + at + " — Ra về?");
            assertThat(page.locator("#repeat-out")).hasText("Ra về");
            shot(page, "guard-already-checked-in");
            assertThat(page.locator("#inside .inside-row")).hasCount(1);
            assertThat(guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0)
                    .getString("exitedAt")).isNull();
            page.click("#repeat-stay");
            assertThat(page.locator("#repeat")).isHidden();

            // a double tap on "Đánh dấu ra": one exit, no error, no exit without an entry
            page.locator("#inside .inside-row button", new Page.LocatorOptions().setHasText("Đánh dấu ra")).dblclick();
            page.mouse().move(2, 2); // off the list, which holds still under the pointer
            assertThat(page.locator("#inside .inside-row")).hasCount(0);
            page.waitForTimeout(1000);
            assertThat(page.locator("#toasts .toast-error")).hasCount(0);
            var items = guard.api().get("/api/v1/sites/" + site + "/visits").items();
            assertThat(items.size()).as(items.encodePrettily()).isEqualTo(1);
            assertThat(items.getJsonObject(0).getString("exitedAt")).isNotNull();

            // back in, and then out through the question's big button
            page.fill("#m-name", "Hồ Thị Xuân Hương");
            page.fill("#m-phone", phone);
            page.click("label[for=dir-in]");
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#inside .inside-row")).hasCount(1);
            page.fill("#m-name", "Hồ Thị Xuân Hương");
            page.fill("#m-phone", phone);
            page.click("label[for=dir-auto]");
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            page.click("#repeat-out");
            assertThat(page.locator("#repeat")).isHidden();
            assertThat(page.locator("#inside .inside-row")).hasCount(0);
            assertThat(page.locator("#last-text")).containsText("Đã ghi nhận RA: \u2068Hồ Thị Xuân Hương\u2069");
            items = guard.api().get("/api/v1/sites/" + site + "/visits").items();
            assertThat(items.size()).isEqualTo(2);
            assertThat(items.stream().map(JsonObject.class::cast).allMatch(v -> v.getString("exitedAt") != null)).isTrue();
            watch.assertClean();
        }
    }

    @Test
    void wrongPasswordIsRefusedPolitely() {
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page page = ctx.newPage();
            page.navigate(Browsers.url("/guard"));
            shot(page, "guard-login-phone");
            page.fill("#username", "nobody");
            page.fill("#password", "wrong-password");
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#login-error")).hasText("Sai tên đăng nhập hoặc mật khẩu.");
        }
    }
}
