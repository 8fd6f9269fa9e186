package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * A public screen at a bus station, 1080p landscape and portrait: paired with its own code, it rotates the install
 * posters and the campaigns their schedules allow, shows a check-in code a phone reads from 3 m, and today's
 * install rate; offline it keeps all of it from its cache, the rate with the time it was taken.
 */
class PublicScreenTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int SLIDE_MS = 10_000;
    /**
     * What a phone 3 m away sees: its camera (about 69° across, frames analysed 1920 pixels wide) covers 4.15 m,
     * 2.16 mm a pixel; a 43" 1080p panel has 0.496 mm pixels. So the panel appears at 0.23 of its own pixels.
     */
    static final double AT_THREE_METRES = 0.496 / 2.16;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void aScreenRotatesPostersByScheduleShowsItsCodeAndRateAndKeepsThemOffline() throws Exception {
        Api admin = Browsers.admin();
        long site = Browsers.site("bus_station");
        String siteName = admin.get("/api/v1/sites/" + site).json().getString("name");
        for (String status : List.of("declared", "qr_confirmed", "not_installed")) {
            admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor("Hành khách", Phones.next())).put("bluezone", new JsonObject().put("status", status)));
        }
        LocalDate today = LocalDate.now(VN);
        LocalDate due = today.plusDays(30);
        admin.post("/api/v1/targets", new JsonObject().put("province", "Quảng Trị").put("district", "Thành phố Đông Hà")
                .put("rate", 0.8).put("dueOn", due.toString()));
        long always = campaign(admin, site, "Tiêm vắc-xin đầy đủ", new Color(0x17733a), null);
        long otherDay = campaign(admin, site, "Ngày mai", new Color(0x6a1b9a),
                new JsonObject().put("days", new JsonArray().add(today.plusDays(1).getDayOfWeek().getValue())));
        long morning = campaign(admin, site, "Buổi sáng ngày thường", new Color(0xa94a07), new JsonObject()
                .put("days", new JsonArray().add(1).add(2).add(3).add(4).add(5)).put("from", "07:00").put("until", "11:30"));
        long evening = campaign(admin, site, "Buổi tối", new Color(0x0b5394),
                new JsonObject().put("from", "18:00").put("until", "22:00"));
        String kioskCode = Browsers.pairingCode(site, "both");
        String code = admin.post("/api/v1/sites/" + site + "/kiosks", new JsonObject().put("name", "Màn hình phòng chờ")
                .put("gate", "Phòng chờ").put("kind", "signage")).json().getString("pairingCode");

        try (BrowserContext ctx = Browsers.context(Browsers.browser(), 1920, 1080, false)) {
            ctx.clock().install(); // the real time, flowing, which the test may move on
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/screen"));
            assertThat(page.locator("#pair h1")).hasText("Ghép nối màn hình công cộng");
            page.fill("#pair-code", kioskCode);
            page.click("#pair-form button[type=submit]");
            assertThat(page.locator("#pair-error")).hasText(Pattern.compile("^Đây là mã của kiosk"));
            shot(page, "screen-pairing-1080p");
            page.fill("#pair-code", code.toLowerCase());
            page.click("#pair-form button[type=submit]");
            assertThat(page.locator("#screen")).isVisible();
            assertThat(page.locator("#site-name")).hasText(siteName);
            assertThat(page.locator("#scan-vi")).hasText("Quét mã để khai báo ra/vào");
            assertThat(page.locator(".scan-en")).hasText("Scan to check in or out");

            // today's rate as the report has it (2 of 3), with the district's target
            assertThat(page.locator("#rate")).hasAttribute("data-state", "live");
            assertThat(page.locator("#rate-value")).hasText("66,7%");
            assertThat(page.locator("#rate-of")).hasText("2/3 lượt vào đã cài");
            assertThat(page.locator("#rate-target")).hasText("Mục tiêu 80% trước " + ddmmyyyy(due));
            assertThat(page.locator("#rate-target-en")).hasText("Target 80% by " + ddmmyyyy(due));
            assertThat(page.locator("#rate-time")).hasText(Pattern.compile("^Cập nhật lúc \\d\\d:\\d\\d$"));

            // the campaigns of now: the one for another weekday is left out
            assertThat(page.locator("#stage")).hasAttribute("data-playlist", Pattern.compile("^bluezone,.*\\bc" + always + "\\b"));
            assertThat(playlist(page)).doesNotContain("c" + otherDay);
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            shot(page, "screen-1080p-landscape");

            // the carousel moves on by itself, in the order of the list
            List<String> list = playlist(page);
            String before = page.locator("#stage").getAttribute("data-slide");
            page.clock().fastForward(SLIDE_MS);
            String after = list.get((list.indexOf(before) + 1) % list.size());
            assertThat(page.locator("#stage")).hasAttribute("data-slide", after);
            page.clock().fastForward(SLIDE_MS);
            assertThat(page.locator("#stage")).hasAttribute("data-slide", list.get((list.indexOf(after) + 1) % list.size()));
            shot(page, "screen-1080p-landscape-next");

            String url = checkCode(page, site, "landscape");
            try (BrowserContext phone = Browsers.phone(Browsers.browser())) {
                Page p = phone.newPage();
                p.navigate(url);
                assertThat(p.locator("#site-line")).containsText(siteName);
            }

            page.setViewportSize(1080, 1920);
            checkCode(page, site, "portrait");
            shot(page, "screen-1080p-portrait");

            // offline, and restarted without the network: everything from the cache, the rate with its time
            ctx.setOffline(true);
            page.reload();
            assertThat(page.locator("#screen")).isVisible();
            assertThat(page.locator("#net-badge")).hasAttribute("data-state", "offline");
            assertThat(page.locator("#rate")).hasAttribute("data-state", "cached");
            assertThat(page.locator("#rate-value")).hasText("66,7%");
            assertThat(page.locator("#rate-time")).hasText(Pattern.compile("^Mất mạng: số liệu lúc \\d\\d:\\d\\d ngày "
                    + ddmmyyyy(today) + "$"));
            assertThat(page.locator("#screen-qr svg")).isVisible();
            assertThat(page.locator("#stage")).hasAttribute("data-playlist", Pattern.compile("\\bc" + always + "\\b"));

            // schedules hold offline, at the screen's clock in the site's zone
            LocalDate monday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            at(page, monday, LocalTime.of(8, 30));
            assertThat(playlist(page)).contains("c" + morning, "c" + always).doesNotContain("c" + evening);
            at(page, monday, LocalTime.of(19, 0));
            assertThat(playlist(page)).contains("c" + evening).doesNotContain("c" + morning);
            shot(page, "screen-offline-portrait-evening");
            at(page, sunday, LocalTime.of(8, 30));
            assertThat(playlist(page)).contains("c" + always).doesNotContain("c" + morning, "c" + evening);
            at(page, monday, LocalTime.of(11, 30));
            assertThat(playlist(page)).as("until is exclusive").doesNotContain("c" + morning);
            watch.assertClean();
        }
    }

    @Test
    void theScreensFilesAreNfcWithoutInlineScriptOrStyle() {
        for (String path : new String[] {"/screen", "/app/strings-screen.js", "/admin/strings-targets.js"}) {
            String text = new String(Browsers.server().api().bytes(path), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC)).as(path).isTrue();
            assertThat(text).as(path + " has no inline script or style").doesNotContain("style=\"")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+=");
        }
    }

    /** The code on screen: big enough for 3 m, and what a phone there reads opens this site's check-in. */
    private static String checkCode(Page page, long site, String orientation) throws Exception {
        page.waitForFunction("() => { const b = document.querySelector('#screen-qr'); const s = b && b.querySelector('svg');"
                + " return s && Number(s.getAttribute('width')) === Number(b.dataset.modulePx) * (Number(b.dataset.modules) + 8); }");
        int modulePx = Integer.parseInt(page.locator("#screen-qr").getAttribute("data-module-px"));
        int modules = Integer.parseInt(page.locator("#screen-qr").getAttribute("data-modules"));
        System.out.println("public screen " + orientation + ": " + modules + " modules of " + modulePx + " px");
        assertThat(modulePx).as("pixels per module on a 1080p panel, " + orientation).isGreaterThanOrEqualTo(16);
        String drawn = page.locator("#screen-qr").getAttribute("data-qr-text");
        String url = decodeAtThreeMetres(page.screenshot());
        assertThat(url).isIn(drawn, page.locator("#screen-qr").getAttribute("data-qr-text"));
        assertThat(url).startsWith(Browsers.server().baseUrl() + "/c/k1.");
        Api.Response opened = Browsers.server().api().get("/api/v1/site-tokens/" + url.substring(url.lastIndexOf('/') + 1));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().getLong("siteId")).isEqualTo(site);
        return url;
    }

    /** The whole screen as a phone camera 3 m away has it (averaged down to its pixels), decoded with ZXing. */
    private static String decodeAtThreeMetres(byte[] screenshot) throws Exception {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(screenshot));
        int w = (int) Math.round(full.getWidth() * AT_THREE_METRES);
        int h = (int) Math.round(full.getHeight() * AT_THREE_METRES);
        BufferedImage far = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = far.createGraphics();
        g.drawImage(full.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(far, "png", png);
        java.nio.file.Files.createDirectories(Browsers.SCREENSHOTS);
        java.nio.file.Files.write(Browsers.SCREENSHOTS.resolve("screen-at-3m-" + w + "x" + h + ".png"), png.toByteArray());
        return QrCodes.decode(png.toByteArray()).orElseThrow(() -> new AssertionError(
                "the code does not decode from " + w + "×" + h + " pixels, what a phone sees at 3 m"));
    }

    /** Sets the screen's clock (offline, so no heartbeat corrects it) and lets the next slide choose. */
    private static void at(Page page, LocalDate day, LocalTime time) {
        page.clock().setSystemTime(day.atTime(time).atZone(VN).toInstant().toEpochMilli());
        page.clock().fastForward(SLIDE_MS);
    }

    private static List<String> playlist(Page page) {
        return Arrays.asList(page.locator("#stage").getAttribute("data-playlist").split(","));
    }

    private static String ddmmyyyy(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** A site campaign running from yesterday for ten days, with a poster of its own colour and title. */
    private static long campaign(Api admin, long site, String title, Color colour, JsonObject schedule) throws Exception {
        LocalDate today = LocalDate.now(VN);
        JsonObject body = new JsonObject().put("title", title).put("siteId", site)
                .put("startsOn", today.minusDays(1).toString()).put("endsOn", today.plusDays(10).toString());
        if (schedule != null) {
            body.put("schedule", schedule);
        }
        Api.Response r = admin.post("/api/v1/campaigns", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        BufferedImage img = new BufferedImage(540, 960, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 540, 960);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString(title, 30, 480);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        long id = r.json().getLong("id");
        assertThat(admin.putRaw("/api/v1/campaigns/" + id + "/image", "application/octet-stream", png.toByteArray()).status())
                .isEqualTo(200);
        return id;
    }
}
