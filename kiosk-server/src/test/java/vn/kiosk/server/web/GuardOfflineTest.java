package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.screen;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Phones;

/**
 * The server hangs (the connection is taken, no answer ever comes): the console shows its check-in on the way,
 * marks itself offline after a few seconds, keeps the check-ins on the device and, once the server answers
 * again, stores each exactly once, at the time it happened. The first one did reach the server before the
 * hang (its answer was lost), as after a crash between COMMIT and the reply.
 */
class GuardOfflineTest {

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void aHungServerLosesNothingAndDuplicatesNothing() {
        long site = Browsers.site("hospital");
        Browsers.Staff guard = Browsers.guard(site);
        List<Route> hung = new CopyOnWriteArrayList<>(); // requests the "server" took and never answered
        List<String> names = List.of("Đặng Thị Mai", "Hoàng Văn Tư");
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            Consumer<Route> hang = route -> {
                if (route.request().url().endsWith("/api/v1/checkins") && hung.isEmpty()) {
                    route.fetch(); // stored on the server; its answer never reaches the console
                }
                hung.add(route);
            };
            page.route("**/api/**", hang);
            page.route("**/health", hang);
            OffsetDateTime before = OffsetDateTime.now();

            page.fill("#m-name", names.get(0));
            page.fill("#m-phone", Phones.next());
            page.check("#m-consent");
            long t0 = System.nanoTime();
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#manual button[type=submit]")).hasText("Đang gửi…");
            assertThat(page.locator("#live-badge")).hasAttribute("data-state", "offline",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(8_000));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("guard console: marked offline " + ms + " ms after the check-in to a hung server");
            assertThat(page.locator("#live-badge")).hasText("Mất kết nối máy chủ");
            assertThat(page.locator("#guard-queue")).hasAttribute("data-count", "1");
            assertThat(page.locator("#toasts")).containsText("Đã lưu trên máy: \u2068Đặng Thị Mai\u2069");
            assertThat(page.locator("#m-name")).hasValue("");

            // offline now: the next one is kept at once, without waiting for the server
            page.fill("#m-name", names.get(1));
            page.fill("#m-phone", Phones.next());
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#guard-queue")).hasAttribute("data-count", "2",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(2_000));
            assertThat(page.locator("#guard-queue")).hasText("2 lượt chờ gửi");
            screen(page, "guard-offline-queued");
            assertThat(Browsers.visitCount(guard.api(), site)).as("only the one that reached the server").isEqualTo(1);

            OffsetDateTime back = OffsetDateTime.now();
            page.unroute("**/api/**");
            page.unroute("**/health");
            Browsers.eventually(Duration.ofSeconds(20), "the kept check-ins sent",
                    () -> "0".equals(page.locator("#guard-queue").getAttribute("data-count")));
            assertThat(page.locator("#guard-queue")).isHidden();
            assertThat(page.locator("#live-badge")).hasAttribute("data-state", "live");
            assertThat(page.locator("#toasts")).containsText("Đã gửi");
            page.waitForTimeout(6_000); // past the next retry: nothing is sent twice
            List<JsonObject> visits = guard.api().get("/api/v1/sites/" + site + "/visits?limit=500").items().stream()
                    .map(JsonObject.class::cast).toList();
            Map<String, Long> perName = visits.stream().collect(Collectors.groupingBy(
                    v -> v.getJsonObject("visitor").getString("name"), Collectors.counting()));
            assertThat(perName).isEqualTo(Map.of(names.get(0), 1L, names.get(1), 1L));
            for (JsonObject v : visits) {
                assertThat(OffsetDateTime.parse(v.getString("enteredAt"))).as("the time it happened")
                        .isAfterOrEqualTo(before.minusSeconds(2)).isBefore(back);
            }
            assertThat(page.locator("#inside .inside-row")).hasCount(2);
            watch.assertClean();
        }
    }

    @Test
    void aKeptCheckInRefusedOnSyncIsShownNotDropped() {
        long site = Browsers.site("hospital");
        Browsers.Staff guard = Browsers.guard(site);
        String phone = Phones.next();
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            List<Route> hung = new CopyOnWriteArrayList<>();
            page.route("**/api/v1/checkins", hung::add);
            page.route("**/health", hung::add);
            // the same person twice while the server hangs: both kept on the device
            for (int i = 0; i < 2; i++) {
                page.fill("#m-name", "Lê Thị Hồng Gấm");
                page.fill("#m-phone", phone);
                page.check("#m-consent");
                page.click("#manual button[type=submit]");
                assertThat(page.locator("#guard-queue")).hasAttribute("data-count", String.valueOf(i + 1),
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(8_000));
            }
            page.unroute("**/api/v1/checkins");
            page.unroute("**/health");
            Browsers.eventually(Duration.ofSeconds(20), "the kept check-ins sent",
                    () -> "0".equals(page.locator("#guard-queue").getAttribute("data-count")));
            // the second was a repeat scan: the server refused it, and the guard is asked as when online
            JsonObject visit = guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0);
            String at = OffsetDateTime.parse(visit.getString("enteredAt"))
                    .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
            assertThat(page.locator("#repeat")).isVisible();
            assertThat(page.locator("#repeat-text")).hasText("Đã ghi nhận vào lúc " + at + " — Ra về?");
            assertThat(Browsers.visitCount(guard.api(), site)).isEqualTo(1);
            assertThat(visit.getString("exitedAt")).isNull();
            page.click("#repeat-out");
            Browsers.eventually(Duration.ofSeconds(10), "checked out once asked",
                    () -> guard.api().get("/api/v1/sites/" + site + "/visits").items().getJsonObject(0)
                            .getString("exitedAt") != null);
            watch.assertClean();
        }
    }
}
