package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.MovableClock;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TcpProxy;

/**
 * The manager's and officer's dashboard in a real browser: a manager sees only
 * their sites, finds "Nguyễn Văn An" by typing "nguyen van an", pages through
 * the log, exports it, traces a case and downloads the call list; an officer
 * sees the district roll-up with the sites that logged nothing.
 */
class DashboardBrowserTest {
    static final int VISITS = 118;
    static String province;
    static long mine;
    static long mineToo;
    static long other;
    static long silent;
    static String anPhone;
    static String bichPhone;
    static java.time.LocalDate otherDay;

    @BeforeAll
    static void setUp() {
        Browsers.requireChromium();
        // Midday of the latest day, for the server and the browsers: the sites are added and all the visits fall
        // on that one day, whatever hour the suite runs at.
        Browsers.CLOCK.setTo(MovableClock.lastTimeOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh"), 12, 0));
        Api admin = Browsers.admin();
        province = "Tỉnh Thử Trình Duyệt " + UUID.randomUUID().toString().substring(0, 6);
        mine = site(admin, "Bến xe Trung tâm", "Thành phố Đông Hà", "bus_station");
        mineToo = site(admin, "Chợ Trung tâm", "Thành phố Đông Hà", "market");
        other = site(admin, "Bệnh viện Huyện", "Huyện Hải Lăng", "hospital");
        silent = site(admin, "Trường Tiểu học Hải Lăng", "Huyện Hải Lăng", "school");
        OffsetDateTime start = OffsetDateTime.now(Browsers.CLOCK).minusHours(5);
        for (int i = 0; i < VISITS; i++) {
            checkIn(admin, mine, "Khách số " + i, Phones.next(), start.plusMinutes(2L * i), "in");
        }
        anPhone = Phones.next();
        bichPhone = Phones.next();
        checkIn(admin, mine, "Nguyễn Văn An", anPhone, start.plusMinutes(30), "in");
        checkIn(admin, mine, "Lê Thị Bích", bichPhone, start.plusMinutes(40), "in");
        checkIn(admin, mine, "Lê Thị Bích", bichPhone, start.plusMinutes(100), "out");
        checkIn(admin, other, "Người ở huyện khác", Phones.next(), start.plusMinutes(10), "in");
        checkIn(admin, mineToo, "Người đi chợ", Phones.next(), start.plusMinutes(10), "in");
        otherDay = start.plusMinutes(10).atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
    }

    @AfterAll
    static void realTime() {
        Browsers.CLOCK.reset();
    }

    static long site(Api admin, String name, String district, String kind) {
        Api.Response r = admin.post("/api/v1/sites", new JsonObject().put("name", name).put("kind", kind)
                .put("province", province).put("district", district).put("maxStayMinutes", 1440));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getLong("id");
    }

    static void checkIn(Api admin, long site, String name, String phone, OffsetDateTime at, String direction) {
        Api.Response r = admin.checkIn(new JsonObject().put("siteId", site).put("direction", direction)
                .put("occurredAt", at.toString()).put("visitor", Api.visitor(name, phone))
                .put("bluezone", new JsonObject().put("status", name.hashCode() % 3 == 0 ? "not_installed" : "declared")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static Browsers.Staff staff(String role, JsonObject extra, long... siteIds) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pass-" + username;
        JsonArray sites = new JsonArray();
        for (long id : siteIds) {
            sites.add(id);
        }
        Api.Response r = Browsers.admin().post("/api/v1/users", extra.copy().put("username", username)
                .put("password", password).put("role", role).put("siteIds", sites));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Browsers.Staff(username, password, Browsers.server().api().login(username, password));
    }

    static Page signIn(BrowserContext ctx, Browsers.Staff who) {
        return signIn(ctx, who, Browsers.server().baseUrl());
    }

    static Page signIn(BrowserContext ctx, Browsers.Staff who, String base) {
        Page page = ctx.newPage();
        page.navigate(base + "/admin");
        assertThat(page.locator("#signin h1")).hasText("Đăng nhập");
        page.fill("#username", who.username());
        page.fill("#password", who.password());
        page.click("#signin-form button[type=submit]");
        assertThat(page.locator("#shell")).isVisible();
        return page;
    }

    static String text(Download d) throws Exception {
        return new String(Files.readAllBytes(d.path()), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("A manager sees only their sites, finds 'nguyen van an', pages the log, exports it, traces and downloads the call list")
    @SuppressWarnings("unchecked")
    void manager() throws Exception {
        Browsers.Staff manager = staff("manager", new JsonObject(), mine, mineToo);
        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = signIn(ctx, manager);
            Browsers.Watch watch = new Browsers.Watch(page);
            assertThat(page.locator("#nav .nav-link")).hasText(new String[] {"Nhật ký ra vào", "Đang ở trong", "Báo cáo",
                "Truy vết", "Điểm và kiosk", "Áp phích", "Yêu cầu dữ liệu cá nhân", "Lưu giữ pháp lý"});

            // only their own sites to choose from
            Locator sites = page.locator("select[name=siteId] option");
            assertThat(sites).hasCount(2);
            assertThat(sites.allTextContents()).allMatch(s -> s.startsWith("Bến xe Trung tâm") || s.startsWith("Chợ Trung tâm"));
            page.selectOption("select[name=siteId]", String.valueOf(mine));

            // search without diacritics
            page.fill("input[name=q]", "nguyen van an");
            page.click("form.filters button[type=submit]");
            Locator rows = page.locator(".results tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows.first().locator("td.name")).hasText("Nguyễn Văn An");
            shot(page, "dashboard-log-search");

            // keyset pages of 50, newest first, none repeated
            page.fill("input[name=q]", "");
            page.click("form.filters button[type=submit]");
            assertThat(rows).hasCount(50);
            List<Object> first = (List<Object>) rows.evaluateAll("rs => rs.map(r => r.dataset.visit)");
            page.click(".pager button[data-next]");
            assertThat(page.locator(".page-info")).hasText("Trang 2 · 50 lượt");
            List<Object> second = (List<Object>) rows.evaluateAll("rs => rs.map(r => r.dataset.visit)");
            assertThat(second).doesNotContainAnyElementsOf(first);
            page.click(".pager button[data-next]");
            assertThat(page.locator(".page-info")).hasText("Trang 3 · " + (VISITS + 2 - 100) + " lượt");
            assertThat(page.locator(".pager button[data-next]")).isDisabled();
            shot(page, "dashboard-log-page-3");
            page.click(".pager button:first-child");
            assertThat(page.locator(".page-info")).hasText("Trang 2 · 50 lượt");

            // exports of the filtered log
            page.fill("input[name=q]", "nguyen van an");
            Download csv = page.waitForDownload(() -> page.click("button[data-export=csv]"));
            assertThat(csv.suggestedFilename()).endsWith(".csv");
            String csvText = text(csv);
            assertThat(csvText).contains("Nguyễn Văn An").hasLineCount(2);
            Download xlsx = page.waitForDownload(() -> page.click("button[data-export=xlsx]"));
            assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
            assertThat(Files.readAllBytes(xlsx.path())).startsWith((byte) 'P', (byte) 'K');

            // a trace from An's phone: Bích shared 60 minutes with An
            page.click("#nav a[data-view=trace]");
            page.fill("input[name=value]", anPhone);
            page.selectOption("select[name=hops]", "2");
            page.fill("input[name=minOverlapMinutes]", "10");
            page.click("form.trace-form button[type=submit]");
            assertThat(page.locator(".subject-name")).hasText("Nguyễn Văn An");
            Locator bich = page.locator(".results tbody tr", new Page.LocatorOptions().setHasText("Lê Thị Bích"));
            assertThat(bich).hasCount(1);
            assertThat(bich.locator("td.num")).hasText("60 phút");
            assertThat(bich).containsText(bichPhone.substring(0, 4) + " " + bichPhone.substring(4, 7) + " " + bichPhone.substring(7));
            shot(page, "dashboard-trace");
            Download list = page.waitForDownload(() -> page.click("button[data-call-list=csv]"));
            String callList = text(list);
            assertThat(callList).contains("Lê Thị Bích").contains("Bến xe Trung tâm")
                    .contains(bichPhone.substring(0, 4) + " " + bichPhone.substring(4, 7) + " " + bichPhone.substring(7));
            // the downloaded minutes are the screen's, though open stays went on while the list was fetched
            List<String> onScreen = page.locator(".results tbody tr td.num").allTextContents().stream()
                    .map(x -> x.replace(" phút", "").replace(".", "").replace(',', '.'))
                    .map(x -> String.valueOf(Double.parseDouble(x))).sorted().toList();
            page.waitForTimeout(7_000);
            String later = text(page.waitForDownload(() -> page.click("button[data-call-list=csv]")));
            String[] listed = later.replace("\uFEFF", "").split("\r\n");
            int col = java.util.Arrays.asList(listed[0].split(",")).indexOf("Phút tiếp xúc / Overlap (min)");
            assertThat(java.util.Arrays.stream(listed).skip(1).map(r -> r.split(",")[col]).sorted().toList())
                    .as("overlap minutes in the call list").isEqualTo(onScreen);

            // reports: only their two sites
            page.click("#nav a[data-view=reports]");
            assertThat(page.locator(".results tbody tr")).hasCount(2);
            assertThat(page.locator("canvas")).hasCount(3);
            shot(page, "dashboard-reports");
            watch.assertClean();
        }
    }

    @Test
    @DisplayName("An officer sees the district roll-up and the sites that logged nothing, in Vietnamese or English")
    void officer() {
        Browsers.Staff officer = staff("officer", new JsonObject().put("province", province));
        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = signIn(ctx, officer);
            Browsers.Watch watch = new Browsers.Watch(page);
            page.click("#nav a[data-view=rollup]");
            page.fill("input[name=date]", otherDay.toString());
            page.click("form.filters button[type=submit]");
            Locator rows = page.locator(".results tbody tr");
            assertThat(rows).hasCount(3);
            // Visits of the day are held, so every count is of distinct people: no "summed" mark or note.
            assertThat(page.locator(".results")).not().containsText("null");
            assertThat(page.locator(".results .note")).hasCount(0);
            Locator haiLang = page.locator(".results tbody tr[data-area='Huyện Hải Lăng']");
            assertThat(haiLang.locator("td").nth(2)).hasText("2");
            assertThat(haiLang.locator("td").nth(3)).hasText("1");
            assertThat(page.locator(".silent-list li")).hasCount(1);
            assertThat(page.locator(".silent-list li")).containsText("Trường Tiểu học Hải Lăng");
            shot(page, "dashboard-rollup");

            page.click("#lang");
            assertThat(page.locator(".view-head h1")).hasText("Roll-up by area");
            assertThat(page.locator(".silent-box h2")).hasText("Sites that logged nothing that day (1)");
            shot(page, "dashboard-rollup-en");
            page.click("#lang");
            assertThat(page.locator(".view-head h1")).hasText("Tổng hợp theo địa bàn");
            watch.assertClean();
        }
    }

    @Test
    @DisplayName("The entry log updates live: a guard's check-in appears at the top, its exit and Bluezone fill the row, filters hold, other pages get a notice")
    void liveLog() throws Exception {
        Api admin = Browsers.admin();
        Api.Response created = admin.post("/api/v1/sites", new JsonObject().put("name", "Siêu thị Hải Phong")
                .put("kind", "shop").put("province", "Tỉnh Thử Trực Tiếp " + UUID.randomUUID().toString().substring(0, 6))
                .put("district", "Thành phố Đông Hà").put("maxStayMinutes", 1440));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long live = created.json().getLong("id");
        Api guard = Browsers.guard(live).api();
        OffsetDateTime earlier = OffsetDateTime.now(Browsers.CLOCK).minusHours(3);
        for (int i = 0; i < 51; i++) {
            guardCheckIn(guard, live, "Khách buổi sáng " + i, earlier.plusMinutes(i), "Cổng chính", "declared");
        }
        Browsers.Staff manager = staff("manager", new JsonObject(), live);
        // The browser reaches the server through a proxy whose connections the test can cut, like a dropped network.
        URI server = URI.create(Browsers.server().baseUrl());
        try (TcpProxy network = TcpProxy.to(server.getHost(), server.getPort());
             BrowserContext ctx = Browsers.context(Browsers.browser(), 1366, 900, false)) {
            Page page = signIn(ctx, manager, "http://127.0.0.1:" + network.port());
            Browsers.Watch watch = new Browsers.Watch(page);
            java.util.concurrent.atomic.AtomicInteger pageLoads = new java.util.concurrent.atomic.AtomicInteger();
            page.onRequest(r -> {
                if (r.url().contains("/api/v1/sites/" + live + "/visits?")) {
                    pageLoads.incrementAndGet();
                }
            });
            Locator rows = page.locator(".results tbody tr");
            assertThat(rows).hasCount(50);
            assertThat(page.locator(".live-bar .live")).isVisible();
            int loadsBefore = pageLoads.get();

            // a guard's check-in: at the top at once, highlighted, with the masked phone the log shows
            long sent = System.nanoTime();
            String maiId = guardCheckIn(guard, live, "Trần Thị Mai", null, "Cổng chính", "declared");
            assertThat(rows.first().locator("td.name")).hasText("Trần Thị Mai");
            long shownMs = (System.nanoTime() - sent) / 1_000_000;
            Locator mai = page.locator(".results tbody tr[data-visit='" + maiId + "']");
            assertThat(mai).hasClass(java.util.regex.Pattern.compile("\\bfresh\\b"));
            shot(page, "dashboard-log-live");
            JsonObject stored = guard.get("/api/v1/sites/" + live + "/visits/" + maiId).json();
            assertThat(mai.locator("td.mono").first()).hasText(stored.getJsonObject("visitor").getString("phoneMasked"));
            assertThat(mai.locator("td").nth(1)).hasText("đang ở trong");
            assertThat(rows).hasCount(51);
            assertThat(page.locator(".page-info")).hasText("Trang 1 · 51 lượt");
            System.out.printf("live log: check-in on screen %d ms after the API call%n", shownMs);

            // the exit and the Bluezone status fill the same row
            sent = System.nanoTime();
            Api.Response exit = guard.post("/api/v1/sites/" + live + "/visits/" + maiId + "/exit", null);
            assertThat(exit.status()).as(exit.body()).isEqualTo(200);
            assertThat(mai.locator("td").nth(1)).not().containsText("đang ở trong");
            System.out.printf("live log: exit on screen %d ms after the API call%n", (System.nanoTime() - sent) / 1_000_000);
            assertThat(mai.locator("td").nth(1)).containsText(":");
            Api.Response bz = guard.post("/api/v1/sites/" + live + "/visits/" + maiId + "/bluezone",
                    new JsonObject().put("status", "installed_on_site"));
            assertThat(bz.status()).as(bz.body()).isEqualTo(200);
            assertThat(mai.locator("td").nth(6)).hasText("Cài tại chỗ");
            assertThat(rows.first()).hasAttribute("data-visit", maiId);
            assertThat(rows).hasCount(51);
            assertThat(pageLoads.get()).as("no page was reloaded: the rows came from the stream").isEqualTo(loadsBefore);

            // the network drops: the stream is reopened with a new ticket, and what was missed meanwhile is read again
            network.mode(TcpProxy.Mode.REFUSING);
            network.cutAll();
            assertThat(page.locator(".live-bar .live")).isHidden();
            guardCheckIn(guard, live, "Lý Văn Vắng", null, "Cổng chính", "declared");
            network.mode(TcpProxy.Mode.OPEN);
            assertThat(page.locator(".live-bar .live")).isVisible();
            assertThat(rows.first().locator("td.name")).hasText("Lý Văn Vắng");

            // a filtered view: a check-in that does not match stays out, one that matches comes in
            page.selectOption("select[name=bluezone]", "not_installed");
            page.click("form.filters button[type=submit]");
            assertThat(page.locator(".results .empty")).isVisible();
            guardCheckIn(guard, live, "Phạm Văn Khai", null, "Cổng chính", "declared");
            guardCheckIn(guard, live, "Hoàng Thị Chưa", null, "Cổng chính", "not_installed");
            assertThat(rows).hasCount(1);
            assertThat(rows.first().locator("td.name")).hasText("Hoàng Thị Chưa");
            assertThat(page.locator(".results")).not().containsText("Phạm Văn Khai");

            // a search the browser cannot apply exactly: a notice instead of a guess
            page.selectOption("select[name=bluezone]", "");
            page.fill("input[name=q]", "tran thi");
            page.click("form.filters button[type=submit]");
            assertThat(rows).hasCount(1);
            guardCheckIn(guard, live, "Trần Thị Lan", null, "Cổng phụ", "declared");
            Locator notice = page.locator(".live-bar .new-entries");
            assertThat(notice).hasText("Có 1 lượt mới — bấm để tải lại");
            assertThat(rows).hasCount(1);
            notice.click();
            assertThat(rows).hasCount(2);
            assertThat(rows.first().locator("td.name")).hasText("Trần Thị Lan");
            assertThat(notice).isHidden();

            // a deeper page does not move: it shows the notice, which leads back to the first page
            page.fill("input[name=q]", "");
            page.click("form.filters button[type=submit]");
            assertThat(rows).hasCount(50);
            page.click(".pager button[data-next]");
            assertThat(page.locator(".page-info")).hasText("Trang 2 · 6 lượt");
            assertThat(page.locator(".live-bar .live")).isHidden();
            List<String> second = rows.allTextContents();
            guardCheckIn(guard, live, "Đỗ Văn Muộn", null, "Cổng chính", "declared");
            assertThat(notice).hasText("Có 1 lượt mới — bấm để tải lại");
            assertThat(rows.allTextContents()).isEqualTo(second);
            shot(page, "dashboard-log-notice");
            notice.click();
            assertThat(page.locator(".page-info")).hasText("Trang 1 · 50 lượt");
            assertThat(rows.first().locator("td.name")).hasText("Đỗ Văn Muộn");

            // "inside now" follows the same stream: 51 + 5 inside (Mai left), then one more
            page.click("#nav a[data-view=inside]");
            assertThat(page.locator(".live")).isVisible();
            assertThat(page.locator(".big-number")).hasText("56 người đang ở trong");
            guardCheckIn(guard, live, "Vũ Thị Sau", null, "Cổng chính", "declared");
            assertThat(page.locator(".big-number")).hasText("57 người đang ở trong");
            watch.assertClean();
        }
    }

    static String guardCheckIn(Api guard, long site, String name, OffsetDateTime at, String gate, String bluezone) {
        JsonObject body = new JsonObject().put("siteId", site).put("direction", "in").put("gate", gate)
                .put("visitor", Api.visitor(name, Phones.next())).put("bluezone", new JsonObject().put("status", bluezone));
        if (at != null) {
            body.put("occurredAt", at.toString());
        }
        Api.Response r = guard.checkIn(body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("visitId");
    }
}
