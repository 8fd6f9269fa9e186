package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.qr.QrCodes;
import vn.kiosk.server.ops.Jar;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.ServerProcess;
import vn.kiosk.server.support.TestServer;

/**
 * docs/OPERATIONS.md followed as a new operator would, on the packaged jar: make-certs, HTTPS, a tablet
 * (headless Chromium) that trusts the local authority and pairs, a visitor checking in through its QR,
 * backup, restore into a fresh data dir, start again. The server's address is 127.0.0.1 here: the tests
 * talk to this machine only, and the certificate is made for that address as it would be for a LAN one.
 */
class OperatorWalkthroughIT {
    static final String ADDRESS = "127.0.0.1";

    @Test
    @DisplayName("make-certs → HTTPS → a tablet trusting the authority pairs and shows the QR (service worker on)"
            + " → a check-in → backup → restore into a fresh dir → the check-in is there and the tablet still trusts and is paired")
    void newOperator() throws Exception {
        Browsers.requireChromium();
        Path root = Files.createTempDirectory("kiosk-operator-");
        Path dataDir = root.resolve("kiosk");

        Jar certs = Jar.run(dataDir, Map.of(), "make-certs", ADDRESS, "kiosk.local");
        assertThat(certs.exitCode()).as(certs.output()).isZero();
        assertThat(certs.output()).contains("Created the certificate authority " + dataDir.resolve("tls/ca.crt"));
        Path caCert = dataDir.resolve("tls/ca.crt");
        int httpsPort = freePort();
        String publicUrl = "https://" + ADDRESS + ":" + httpsPort;
        Map<String, String> env = settings(certs.output(), httpsPort, publicUrl);

        // The tablet: the authority installed once (an NSS database in its home, as Android's credential store).
        Path home = root.resolve("tablet-home");
        Path nss = home.resolve(".pki/nssdb");
        Files.createDirectories(nss);
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + nss, "-n", "Kiosk local authority", "-t", "C,,", "-i", caCert.toString());

        Path backup = root.resolve("kiosk-backup.zip");
        String visitId;
        long site;
        Browser browser = Browsers.launch(List.of(), Map.of("HOME", home.toString()));
        try (BrowserContext tablet = Browsers.tablet(browser); BrowserContext phone = Browsers.phone(browser)) {
            Page kiosk = tablet.newPage();
            Browsers.Watch watch = new Browsers.Watch(kiosk);
            try (ServerProcess server = ServerProcess.start(dataDir, env)) {
                Api admin = Api.trusting(publicUrl, caCert).login("admin", TestServer.ADMIN_PASSWORD);
                site = admin.createSite("office");
                Api.Response created = admin.post("/api/v1/sites/" + site + "/kiosks", new JsonObject()
                        .put("name", "Kiosk cổng chính").put("gate", "Cổng chính").put("mode", "both"));
                assertThat(created.status()).as(created.body()).isEqualTo(201);

                // The operator types the plain HTTP address; the server sends the tablet to HTTPS.
                kiosk.navigate("http://" + ADDRESS + ":" + server.baseUrl().replaceAll(".*:", "") + "/kiosk");
                assertThat(kiosk.url()).isEqualTo(publicUrl + "/kiosk");
                kiosk.fill("#pair-code", created.json().getString("pairingCode"));
                kiosk.click("#pair-form button[type=submit]");
                kiosk.locator("#kiosk-qr svg").waitFor();
                assertThat(kiosk.evaluate("() => window.isSecureContext")).isEqualTo(true);
                assertThat(kiosk.evaluate("() => navigator.serviceWorker.ready.then(r => r.scope)"))
                        .as("the service worker (offline check-ins) is registered").isEqualTo(publicUrl + "/");
                Browsers.shot(kiosk, "operator-kiosk-paired-https");

                String qr = QrCodes.decode(kiosk.locator("#kiosk-qr").screenshot()).orElseThrow();
                assertThat(qr).startsWith(publicUrl + "/c/k1.");
                Page p = phone.newPage();
                p.navigate(qr);
                p.fill("#name", "Trần Văn Khách");
                p.fill("#phone", "0912000777");
                p.check("#consent-check");
                p.click("#s-details button[type=submit]");
                p.click("#bz-yes");
                p.fill("#bz-id", "a1b2c3");
                p.click("#go");
                assertThat(p.locator("#s-done")).isVisible();
                assertThat(p.locator("#done-title")).hasText("Mời vào");

                var visits = admin.get("/api/v1/sites/" + site + "/visits").items();
                assertThat(visits).hasSize(1);
                visitId = visits.getJsonObject(0).getString("id");

                // Backed up while it runs, as the nightly timer does.
                Jar b = Jar.run(dataDir, Map.of(), "backup", backup.toString());
                assertThat(b.exitCode()).as(b.output()).isZero();
                assertThat(server.terminate()).as("a clean stop").isIn(0, 143);
            }

            // A new machine: restore into an empty data dir, make-certs there (it keeps the restored authority).
            Path restored = root.resolve("kiosk-restored");
            Jar r = Jar.run(restored, Map.of(), "restore", backup.toString());
            assertThat(r.exitCode()).as(r.output()).isZero();
            Jar again = Jar.run(restored, Map.of(), "make-certs", ADDRESS, "kiosk.local");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).as("the tablets need nothing new").contains("Kept the certificate authority");
            try (ServerProcess server = ServerProcess.start(restored, settings(again.output(), httpsPort, publicUrl))) {
                Api admin = Api.trusting(publicUrl, caCert).login("admin", TestServer.ADMIN_PASSWORD);
                var visits = admin.get("/api/v1/sites/" + site + "/visits").items();
                assertThat(visits).hasSize(1);
                assertThat(visits.getJsonObject(0).getString("id")).isEqualTo(visitId);
                assertThat(visits.getJsonObject(0).getJsonObject("visitor").getString("name")).isEqualTo("Trần Văn Khách");

                String lastSeen = admin.get("/api/v1/sites/" + site + "/kiosks").items().getJsonObject(0).getString("lastSeenAt");
                kiosk.reload();
                kiosk.locator("#kiosk-qr svg").waitFor();
                assertThat(kiosk.locator("#pair")).isHidden();
                Browsers.eventually(java.time.Duration.ofSeconds(45), "the restored server hears the paired kiosk", () ->
                        !java.util.Objects.equals(lastSeen, admin.get("/api/v1/sites/" + site + "/kiosks").items()
                                .getJsonObject(0).getString("lastSeenAt")));
                Browsers.shot(kiosk, "operator-kiosk-after-restore");
            }
            watch.assertClean();
        } finally {
            browser.close();
        }
    }

    /** The two lines make-certs prints, and the settings the operator adds next to them in kiosk.env. */
    private static Map<String, String> settings(String makeCertsOutput, int httpsPort, String publicUrl) {
        String cert = line(makeCertsOutput, "KIOSK_TLS_CERT=");
        String key = line(makeCertsOutput, "KIOSK_TLS_KEY=");
        return Map.of("KIOSK_TLS_CERT", cert, "KIOSK_TLS_KEY", key, "KIOSK_HTTPS_PORT", String.valueOf(httpsPort),
                "KIOSK_PUBLIC_URL", publicUrl);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("make-certs did not print " + prefix + "\n" + output));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
