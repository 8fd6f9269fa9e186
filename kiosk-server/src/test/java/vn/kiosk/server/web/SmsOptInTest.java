package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.Smsc;
import vn.kiosk.server.support.TestServer;

/**
 * The SMS reminder choice on the visitor's phone page and at the guard desk, on a server with an SMSC (a real SMPP
 * server on loopback); on a server without one, neither screen offers it.
 */
class SmsOptInTest {
    static Smsc smsc;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Browsers.requireChromium();
        smsc = Smsc.start();
        // any hour of the day: the browser test runs on the wall clock
        java.util.Map<String, String> env = new java.util.HashMap<>(smsc.env());
        env.put("KIOSK_SMS_HOURS", "0-24");
        server = TestServer.start(Files.createTempDirectory("kiosk-sms-web-"), env);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smsc.close();
    }

    static String posterUrl(TestServer on, long site) throws Exception {
        return QrCodes.decode(on.admin().bytes("/api/v1/sites/" + site + "/qr.png")).orElseThrow();
    }

    static void checkInOnPhone(Page p, String url, String name, String phone) {
        p.navigate(url);
        p.fill("#name", name);
        p.fill("#phone", phone);
        p.check("#consent-check");
        p.click("#s-details button[type=submit]");
        p.click("#bz-no");
        p.click("#go");
        assertThat(p.locator("#s-done")).isVisible();
    }

    @Test
    void visitorOptsInAndOutOnThePhone() throws Exception {
        Api admin = server.admin();
        long site = admin.createSite("market");
        String phone = Phones.next();
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page p = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(p);
            checkInOnPhone(p, posterUrl(server, site), "Đặng Thị Mỹ Duyên", phone);
            assertThat(p.locator("#sms-box")).isVisible();
            assertThat(p.locator("#sms-box .sms-text .sms-vi")).hasText("Nhắc tôi qua SMS");
            assertThat(p.locator("#sms-box .sms-text [lang=en]")).hasText("Remind me by SMS");
            assertThat(p.locator("#sms-opt")).not().isChecked();
            shot(p, "phone-sms-choice");

            p.check("#sms-opt");
            assertThat(p.locator("#sms-note .sms-vi")).hasText("Đã bật nhắc qua SMS.");
            Browsers.eventually(Duration.ofSeconds(20), "the install reminder at the SMSC",
                    () -> smsc.messagesTo("84" + phone.substring(1)).size() == 1);
            assertThat(smsc.messagesTo("84" + phone.substring(1)).get(0).text()).startsWith("Bạn chưa cài Bluezone.");
            assertThat(consent(phone, site)).isEqualTo("true/self");

            p.uncheck("#sms-opt");
            assertThat(p.locator("#sms-note .sms-vi")).hasText("Đã tắt nhắc qua SMS.");
            assertThat(consent(phone, site)).isEqualTo("false/self");

            // the next check-in (an exit) shows the choice as stored
            p.click("#done");
            p.click("#go");
            p.click("#go-out"); // "Ra về?": yes, leaving
            assertThat(p.locator("#s-done")).isVisible();
            assertThat(p.locator("#sms-opt")).not().isChecked();
            watch.assertClean();
        }
    }

    @Test
    void guardRecordsTheVisitorsYes() throws Exception {
        Api admin = server.admin();
        long site = admin.createSite("office");
        String username = "guard-sms-" + System.nanoTime();
        assertThat(admin.post("/api/v1/users", new JsonObject().put("username", username).put("password", "mat-khau-" + username)
                .put("role", "guard").put("siteIds", new JsonArray().add(site))).status()).isEqualTo(201);
        String phone = Phones.next();
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(server.baseUrl() + "/guard");
            page.fill("#username", username);
            page.fill("#password", "mat-khau-" + username);
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#m-sms")).isVisible();
            assertThat(page.locator("label[for=m-sms]")).hasText("Khách đồng ý nhận nhắc qua SMS");
            assertThat(page.locator("#m-sms")).not().isChecked();
            page.fill("#m-name", "Hồ Văn Lực");
            page.fill("#m-phone", phone);
            page.selectOption("#m-bz", "not_installed");
            page.check("#m-sms");
            shot(page, "guard-sms-choice");
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator(".toast").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Đã ghi nhận: nhắc"))).isVisible();
            assertThat(consent(phone, site)).isEqualTo("true/staff");
            assertThat(page.locator("#m-sms")).not().isChecked(); // the form is ready for the next visitor
            watch.assertClean();
        }
    }

    @Test
    void notOfferedWithoutAnSmsc() throws Exception {
        TestServer plain = Browsers.server();
        long site = plain.admin().createSite("school");
        String url = posterUrl(plain, site);
        try (BrowserContext ctx = Browsers.phone(Browsers.browser())) {
            Page p = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(p);
            p.waitForResponse(r -> r.url().endsWith("/api/v1/sms"), () ->
                    checkInOnPhone(p, url, "Vũ Thị Lan", Phones.next()));
            assertThat(p.locator("#sms-box")).isHidden();
            watch.assertClean();
        }
        Browsers.Staff guard = Browsers.guard(site);
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            page.waitForResponse(r -> r.url().endsWith("/api/v1/sms"), () -> page.navigate(plain.baseUrl() + "/guard"));
            page.fill("#username", guard.username());
            page.fill("#password", guard.password());
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#app")).isVisible();
            assertThat(page.locator("#m-sms")).hasCount(0);
        }
    }

    /** "optedIn/via" of the visitor with this phone, as stored. */
    static String consent(String phone, long site) throws Exception {
        long visitor = server.admin().get("/api/v1/sites/" + site + "/visits?q=" + phone).items().getJsonObject(0)
                .getJsonObject("visitor").getLong("id");
        List<Row> rows = new java.util.ArrayList<>();
        server.server().pool().preparedQuery("select opted_in, via from sms_consents where visitor_id = $1")
                .execute(Tuple.of(visitor)).await().forEach(rows::add);
        return rows.isEmpty() ? "none" : rows.get(0).getBoolean("opted_in") + "/" + rows.get(0).getString("via");
    }
}
