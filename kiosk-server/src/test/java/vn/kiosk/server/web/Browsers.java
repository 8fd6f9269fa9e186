package vn.kiosk.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.MovableClock;
import vn.kiosk.server.support.TestServer;

/**
 * Real Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright against a real server. One server and
 * one browser for all browser tests; each test opens its own contexts (fresh storage, like a new device).
 */
final class Browsers {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage");

    /** The test server's clock; a test that depends on the hour moves it (and the browsers follow: {@link #context}). */
    static final MovableClock CLOCK = new MovableClock();
    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    /** Fails (never skips) when Chromium is missing, with the command that installs it. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Browser tests need Debian's Chromium at " + CHROMIUM
                    + ": install it with  apt-get update && apt-get install -y chromium chromium-driver");
        }
    }

    static synchronized TestServer server() {
        if (server == null) {
            try {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                // The kiosk page puts the server's public URL into its QR: make it this test server. A repeat
                // window that the slowest screen test on a shared machine stays within (the default is 60 s).
                server = TestServer.start(Files.createTempDirectory("kiosk-web-test-"), Map.of(
                        "KIOSK_HTTP_PORT", String.valueOf(port), "KIOSK_PUBLIC_URL", "http://localhost:" + port,
                        "KIOSK_REPEAT_WINDOW_SECONDS", "600"), CLOCK);
            } catch (Exception e) {
                throw new IllegalStateException("The test server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Browsers::closeAll));
        }
        return server;
    }

    static synchronized Browser browser() {
        requireChromium();
        if (browser == null) {
            browser = launch(List.of());
        }
        return browser;
    }

    /** A browser of its own, e.g. with a fake camera file; the caller closes it. */
    static synchronized Browser launch(List<String> extraFlags) {
        return launch(extraFlags, Map.of());
    }

    /** With environment variables for Chromium, e.g. a HOME whose NSS database trusts a local authority. */
    static synchronized Browser launch(List<String> extraFlags, Map<String, String> env) {
        requireChromium();
        if (playwright == null) {
            // CI machines are small and shared: wait for the page generously, fail only on real trouble.
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        }
        List<String> args = new ArrayList<>(FLAGS);
        args.addAll(extraFlags);
        // Playwright gives every launch a fresh temporary profile (its --user-data-dir).
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(args).setTimeout(60_000).setEnv(env.isEmpty() ? null : withSystemEnv(env)));
    }

    /** Playwright's env replaces the whole environment of the browser. */
    private static Map<String, String> withSystemEnv(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(System.getenv());
        all.putAll(env);
        return all;
    }

    static BrowserContext tablet(Browser b) {
        return context(b, 1280, 800, false);
    }

    static BrowserContext phone(Browser b) {
        return context(b, 390, 844, true);
    }

    static BrowserContext context(Browser b, int width, int height, boolean mobile) {
        Browser.NewContextOptions o = new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh");
        if (mobile) {
            o.setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
        }
        BrowserContext c = b.newContext(o);
        c.setDefaultTimeout(15_000);
        if (CLOCK.moved()) {
            // the pages' own "today" and "last 24 hours" must be the server's
            c.clock().install(new Clock.InstallOptions().setTime(CLOCK.millis()));
        }
        return c;
    }

    static String url(String path) {
        return server().baseUrl() + path;
    }

    /** Collects what would show a broken page: script errors, CSP violations, alert() calls. */
    static final class Watch {
        final List<String> problems = new CopyOnWriteArrayList<>();

        Watch(Page page) {
            page.onPageError(e -> problems.add("pageerror: " + e));
            page.onConsoleMessage((ConsoleMessage m) -> {
                if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
                    problems.add("csp: " + m.text());
                }
            });
            page.onDialog(d -> {
                problems.add("dialog: " + d.message());
                d.dismiss();
            });
        }

        void assertClean() {
            assertThat(problems).as("script errors, CSP violations or dialogs").isEmpty();
        }
    }

    static void shot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /**
     * The text of the QR code shown in {@code element}, read from screenshots as a camera would: looked at again a
     * few times over two seconds (a loaded machine may still be laying the page out), then a failure that keeps
     * the last screenshot under target/screenshots.
     */
    static String readQr(com.microsoft.playwright.Locator element, String name) {
        byte[] image = null;
        for (int i = 0; i < 8; i++) {
            image = element.screenshot();
            try {
                var text = vn.kiosk.qr.QrCodes.decode(image);
                if (text.isPresent()) {
                    return text.get();
                }
                Thread.sleep(250);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-unreadable.png"), image);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return fail("no QR code could be read in " + name + " (see target/screenshots/" + name + "-unreadable.png)");
    }

    /** A screenshot meant to be looked at (the phone and tablet sizes of a screen), under target/screens. */
    static void screen(Page page, String name) {
        try {
            Files.createDirectories(Path.of("target", "screens"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screens", name + ".png")));
    }

    static void eventually(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    // ---- scenario steps through the API ----

    record Staff(String username, String password, Api api) {
    }

    static Api admin() {
        return server().admin();
    }

    static long site(String kind) {
        return admin().createSite(kind);
    }

    static Staff guard(long... siteIds) {
        String username = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pass-" + username;
        JsonArray sites = new JsonArray();
        for (long id : siteIds) {
            sites.add(id);
        }
        Api.Response r = admin().post("/api/v1/users", new JsonObject().put("username", username)
                .put("password", password).put("role", "guard").put("siteIds", sites));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Staff(username, password, server().api().login(username, password));
    }

    /** A new kiosk's one-time pairing code. */
    static String pairingCode(long siteId, String mode) {
        Api.Response r = admin().post("/api/v1/sites/" + siteId + "/kiosks", new JsonObject().put("name", "Kiosk test")
                .put("gate", "Cổng chính").put("mode", mode));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("pairingCode");
    }

    /** A visitor pass issued to a new visitor (a guard's first check-in of them at another site). */
    static String pass(Staff guardOfOtherSite, long otherSite, String name, String phone) {
        Api.Response r = guardOfOtherSite.api().checkIn(new JsonObject().put("siteId", otherSite)
                .put("visitor", Api.visitor(name, phone)).put("bluezone", new JsonObject().put("status", "declared")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String pass = r.json().getString("pass");
        assertThat(pass).as("a first check-in issues a pass").startsWith("v1.");
        return pass;
    }

    static int visitCount(Api as, long siteId) {
        Api.Response r = as.get("/api/v1/sites/" + siteId + "/visits?limit=500");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.items().size();
    }

    static synchronized void closeAll() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } catch (RuntimeException e) {
            // going away anyway
        }
        browser = null;
        playwright = null;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // going away anyway
        }
        server = null;
    }
}
