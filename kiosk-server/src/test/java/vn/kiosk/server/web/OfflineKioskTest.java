package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * The network goes away: the kiosk keeps its QR rotating, checks three visitor passes locally, keeps them through
 * a reload, and when the network returns the server stores each exactly once, with the original times.
 */
class OfflineKioskTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void threePassesQueuedOfflineArriveExactlyOnce() {
        long site = Browsers.site("bus_station");
        long elsewhere = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        Browsers.Staff other = Browsers.guard(elsewhere);
        List<String> names = List.of("Nguyễn Văn An", "Trần Thị Bích", GuardConsoleTest.MARKUP);
        List<String> passes = names.stream().map(n -> Browsers.pass(other, elsewhere, n, Phones.next())).toList();
        String code = Browsers.pairingCode(site, "both");

        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", code);
            page.click("#pair-form button[type=submit]");
            page.locator("#kiosk-qr svg").waitFor();
            // the offline shell and the pass key are in place before the network goes
            page.waitForFunction("() => navigator.serviceWorker.controller !== null"
                    + " && localStorage.getItem('kiosk.passKey') !== null");
            String qrBefore = page.locator("#kiosk-qr").getAttribute("data-qr-text");
            // someone checked in from their phone just before; their confirmation will be scanned offline
            Api.Response self = Browsers.server().api().checkIn(new JsonObject()
                    .put("siteToken", qrBefore.substring(qrBefore.lastIndexOf('/') + 1))
                    .put("visitor", Api.visitor("Lý Thị Lan", Phones.next())).put("consent", Api.selfConsent())
                    .put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "QT2021")));
            assertThat(self.status()).as(self.body()).isEqualTo(201);
            String confirmation = self.json().getString("confirmation");

            ctx.setOffline(true);
            assertThat(page.locator("#net-badge")).hasAttribute("data-state", "offline");
            OffsetDateTime before = OffsetDateTime.now();
            for (int i = 0; i < passes.size(); i++) {
                page.keyboard().type(passes.get(i) + "\n"); // a code reader in keyboard mode
                assertThat(page.locator("#result")).isVisible();
                assertThat(page.locator("#result")).hasAttribute("data-tone", "ok");
                assertThat(page.locator("#result-title")).hasText("Mời vào");
                assertThat(page.locator("#result-name")).hasText(names.get(i));
                assertThat(page.locator("#result-detail")).hasText("Đang mất mạng: đã lưu, sẽ gửi khi có mạng");
                System.out.println("kiosk offline: pass scan to result in " + page.locator("#result").getAttribute("data-ms") + " ms");
                if (i == 2) {
                    assertThat(page.locator("#result .result-body img")).hasCount(0);
                    shot(page, "kiosk-result-offline");
                }
                page.click("#result");
                assertThat(page.locator("#queue-badge")).hasAttribute("data-count", String.valueOf(i + 1));
            }
            // a confirmation code offline: its fields say Bluezone is installed; the server checks it later
            page.keyboard().type(confirmation + "\n");
            assertThat(page.locator("#result")).hasAttribute("data-tone", "ok");
            assertThat(page.locator("#result-detail")).hasText("Đang mất mạng: đã lưu, sẽ gửi khi có mạng");
            page.click("#result");
            assertThat(page.locator("#queue-badge")).hasAttribute("data-count", "4");

            // a forged pass is refused offline too (its signature is checked on the tablet)
            String forged = passes.get(0).substring(0, passes.get(0).length() - 3) + "AAA";
            page.keyboard().type(forged + "\n");
            assertThat(page.locator("#result")).hasAttribute("data-tone", "error");
            page.click("#result");
            assertThat(page.locator("#queue-badge")).hasText("4 lượt chờ gửi");
            shot(page, "kiosk-idle-offline");
            assertThat(Browsers.visitCount(guard.api(), site)).isEqualTo(1);

            // the queue survives a reload while offline (the service worker serves the shell)
            page.reload();
            assertThat(page.locator("#idle")).isVisible();
            assertThat(page.locator("#queue-badge")).hasAttribute("data-count", "4");
            assertThat(page.locator("#kiosk-qr svg")).isVisible();
            assertThat(page.locator("#kiosk-qr").getAttribute("data-qr-text")).startsWith(qrBefore.substring(0, qrBefore.indexOf("/c/k1.") + 6));

            OffsetDateTime back = OffsetDateTime.now();
            ctx.setOffline(false);
            Browsers.eventually(Duration.ofSeconds(20), "three more visits on the server",
                    () -> Browsers.visitCount(guard.api(), site) == 4);
            assertThat(page.locator("#queue-badge")).isHidden();
            assertThat(page.locator("#net-badge")).hasAttribute("data-state", "online");

            // a forced second flush (and the heartbeat's) stores nothing twice
            page.evaluate("() => window.dispatchEvent(new Event('online'))");
            page.waitForTimeout(1500);
            var all = guard.api().get("/api/v1/sites/" + site + "/visits?limit=500").items();
            assertThat(all.size()).isEqualTo(4);
            JsonObject confirmed = all.stream().map(JsonObject.class::cast)
                    .filter(v -> "Lý Thị Lan".equals(v.getJsonObject("visitor").getString("name"))).findFirst().orElseThrow();
            assertThat(confirmed.getString("bluezone")).as("the confirmation scanned offline, applied").isEqualTo("qr_confirmed");
            assertThat(confirmed.getString("method")).isEqualTo("self");
            List<JsonObject> items = all.stream().map(JsonObject.class::cast)
                    .filter(v -> "pass".equals(v.getString("method"))).toList();
            assertThat(items).hasSize(3);
            Set<String> seen = items.stream().map(v -> v.getJsonObject("visitor").getString("name")).collect(Collectors.toSet());
            assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
            for (JsonObject v : items) {
                // the original (offline) time, not the time of the upload
                assertThat(OffsetDateTime.parse(v.getString("enteredAt"))).isAfterOrEqualTo(before.minusSeconds(1));
                assertThat(OffsetDateTime.parse(v.getString("enteredAt"))).isBefore(back);
            }
            watch.assertClean();
        }
    }

    @Test
    void offlineASecondScanAsksTooAndAnAnswerAlreadyCheckedInLeavesTheQueue() {
        long site = Browsers.site("market");
        long elsewhere = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        String pass = Browsers.pass(Browsers.guard(elsewhere), elsewhere, "Tô Thị Hiền", Phones.next());
        String code = Browsers.pairingCode(site, "both");
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onRequest(r -> {
                if (r.url().endsWith("/api/v1/checkins")) {
                    sent.add(r.postData());
                }
            });
            page.navigate(Browsers.url("/kiosk"));
            page.fill("#pair-code", code);
            page.click("#pair-form button[type=submit]");
            page.locator("#kiosk-qr svg").waitFor();
            page.waitForFunction("() => navigator.serviceWorker.controller !== null"
                    + " && localStorage.getItem('kiosk.passKey') !== null");
            // someone checks in from their phone, then shows their new pass to the kiosk while it is offline
            String qr = page.locator("#kiosk-qr").getAttribute("data-qr-text");
            Api.Response phone = Browsers.server().api().checkIn(new JsonObject()
                    .put("siteToken", qr.substring(qr.lastIndexOf('/') + 1))
                    .put("visitor", Api.visitor("Mạc Văn Khải", Phones.next())).put("consent", Api.selfConsent()));
            assertThat(phone.status()).as(phone.body()).isEqualTo(201);

            ctx.setOffline(true);
            assertThat(page.locator("#net-badge")).hasAttribute("data-state", "offline");
            page.keyboard().type(pass + "\n");
            assertThat(page.locator("#result-title")).hasText("Mời vào");
            page.click("#result");
            page.keyboard().type(pass + "\n"); // again at once: asked, nothing queued
            assertThat(page.locator("#result")).hasAttribute("data-tone", "warn");
            assertThat(page.locator("#result-title")).containsText("Đã ghi nhận vào lúc");
            assertThat(page.locator("#result-detail")).hasText("Ra về?");
            assertThat(page.locator("#queue-badge")).hasAttribute("data-count", "1");
            shot(page, "kiosk-offline-already-in");
            page.click("#result-action");
            assertThat(page.locator("#result-title")).hasText("Tạm biệt");
            assertThat(page.locator("#queue-badge")).hasAttribute("data-count", "2");
            page.click("#result");
            page.keyboard().type(phone.json().getString("pass") + "\n"); // the kiosk does not know they are in
            assertThat(page.locator("#result-title")).hasText("Mời vào");
            assertThat(page.locator("#queue-badge")).hasAttribute("data-count", "3");

            ctx.setOffline(false);
            Browsers.eventually(Duration.ofSeconds(20), "the queue sent", () -> page.locator("#queue-badge").isHidden());
            // the one the server answered "already checked in" is not sent again and again
            int flushed = sent.size();
            page.waitForTimeout(12_000); // past the kiosk's 10 s retry timer
            assertThat(sent.size()).as("check-ins sent after the queue emptied").isEqualTo(flushed);
            var visits = guard.api().get("/api/v1/sites/" + site + "/visits").items().stream()
                    .map(JsonObject.class::cast).toList();
            assertThat(visits).hasSize(2);
            JsonObject hien = visits.stream().filter(v -> "Tô Thị Hiền".equals(v.getJsonObject("visitor")
                    .getString("name"))).findFirst().orElseThrow();
            assertThat(hien.getString("exitedAt")).as("the check-out asked for offline").isNotNull();
            JsonObject khai = visits.stream().filter(v -> "Mạc Văn Khải".equals(v.getJsonObject("visitor")
                    .getString("name"))).findFirst().orElseThrow();
            assertThat(khai.getString("exitedAt")).as("a second scan offline is no exit either").isNull();
            watch.assertClean();
        }
    }
}
