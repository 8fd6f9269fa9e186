package vn.kiosk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.cli.Certificates;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * HTTPS with a certificate from make-certs, checked by a client that trusts
 * only the generated authority; the HTTP port redirects; forwarding headers
 * count only from the trusted proxy (127.0.0.2 here; tests call from
 * 127.0.0.1 as "anyone").
 */
class HttpsTest {
    static TestServer server;
    static Certificates.Issued issued;
    static HttpClient trusting;
    static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-https-");
        issued = Certificates.make(dir.resolve("tls"), List.of("localhost", "127.0.0.1"));
        server = TestServer.start(dir, Map.of(Config.TLS_CERT, issued.cert().toString(),
                Config.TLS_KEY, issued.key().toString(), Config.HTTPS_PORT, "0",
                Config.TRUSTED_PROXIES, "127.0.0.2, 10.20.0.0/16"));
        trusting = HttpClient.newBuilder().sslContext(Api.trustOnly(issued.caCert()))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        server.close();
    }

    private static String https(String path) {
        return "https://localhost:" + server.server().httpsPort() + path;
    }

    private static String http(String path) {
        return "http://localhost:" + server.server().port() + path;
    }

    @Test
    @DisplayName("A client trusting only the generated authority gets HTTPS answers with HSTS, over the name and the IP")
    void verifiedHttps() throws Exception {
        HttpResponse<String> r = trusting.send(HttpRequest.newBuilder(URI.create(https("/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> byIp = trusting.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.server().httpsPort() + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byIp.statusCode()).isEqualTo(200);
        assertThat(byIp.body()).contains("openapi");
    }

    @Test
    @DisplayName("A client that does not trust the authority refuses the certificate")
    void untrustedAuthorityIsRefused() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create(https("/health"))).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @DisplayName("HTTP redirects to HTTPS with the same path and query (301, 308 for a POST); /health still answers on HTTP")
    void httpRedirects() throws Exception {
        HttpResponse<String> get = trusting.send(HttpRequest.newBuilder(URI.create(http("/api/v1/sites?a=1&b=%C3%A1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(301);
        assertThat(get.headers().firstValue("Location")).hasValue(https("/api/v1/sites?a=1&b=%C3%A1"));
        HttpResponse<String> post = trusting.send(HttpRequest.newBuilder(URI.create(http("/api/v1/checkins")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(308);
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create(http("/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> followed = HttpClient.newBuilder().sslContext(Api.trustOnly(issued.caCert()))
                .followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(http("/openapi.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.uri().getScheme()).isEqualTo("https");
    }

    @Test
    @DisplayName("The redirect goes to the public URL whatever Host the client sends, also through the trusted proxy (no open redirect)")
    void redirectIgnoresTheClientsHost() throws Exception {
        for (String host : List.of("evil.example", "evil.example:8443", "localhost@evil.example", "[::1]")) {
            assertThat(redirect("127.0.0.1", "Host: " + host)).as("Host: " + host)
                    .isEqualTo(https("/api/v1/sites?x=1"));
        }
        assertThat(redirect("127.0.0.1", "Host: localhost", "X-Forwarded-Host: evil.example"))
                .isEqualTo(https("/api/v1/sites?x=1"));
        assertThat(redirect("127.0.0.2", "Host: localhost", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http"))
                .as("a forwarded host, even from the trusted proxy").isEqualTo(https("/api/v1/sites?x=1"));
    }

    @Test
    @DisplayName("With KIOSK_PUBLIC_URL set, the redirect goes to its host (on the HTTPS port), whatever Host the client sends")
    void redirectToThePublicUrl() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-https-public-");
        Certificates.Issued own = Certificates.make(dir.resolve("tls"), List.of("kiosk.quangtri.example"));
        try (TestServer other = TestServer.start(dir, Map.of(Config.TLS_CERT, own.cert().toString(),
                Config.TLS_KEY, own.key().toString(), Config.HTTPS_PORT, "0",
                Config.PUBLIC_URL, "http://kiosk.quangtri.example:8080/"))) {
            assertThat(redirect(other.server().port(), "127.0.0.1", "Host: evil.example")).isEqualTo(
                    "https://kiosk.quangtri.example:" + other.server().httpsPort() + "/api/v1/sites?x=1");
        }
    }

    /** The Location of a plain GET sent over a bare socket from {@code localAddress}, with the header lines given. */
    private static String redirect(String localAddress, String... headers) throws Exception {
        return redirect(server.server().port(), localAddress, headers);
    }

    private static String redirect(int port, String localAddress, String... headers) throws Exception {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(localAddress), 0)) {
            s.getOutputStream().write(("GET /api/v1/sites?x=1 HTTP/1.1\r\n" + String.join("\r\n", headers)
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 301");
            return answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                    .map(l -> l.substring(9).trim()).orElse(null);
        }
    }

    @Test
    @DisplayName("Re-running make-certs for a new address keeps the authority, so tablets need nothing new")
    void reissueKeepsAuthority() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-certs-");
        Certificates.Issued first = Certificates.make(dir, List.of("192.168.1.10"));
        Certificates.Issued second = Certificates.make(dir, List.of("192.168.1.20", "kiosk.local"));
        assertThat(first.newAuthority()).isTrue();
        assertThat(second.newAuthority()).isFalse();
        assertThat(second.caFingerprint()).isEqualTo(first.caFingerprint());
        var ca = Certificates.readCertificates(second.caCert()).get(0);
        second.server().verify(ca.getPublicKey());
        assertThat(second.server().getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))))
                .containsExactly("192.168.1.20", "kiosk.local");
        assertThat(Certificates.matches(Certificates.readPrivateKey(second.key()), second.server())).isTrue();
        assertThatThrownBy(() -> Certificates.make(dir, List.of("not a host!")))
                .hasMessageContaining("neither an IP address nor a host name");
    }

    // ---- proxy trust ----

    record Answer(int status, MultiMap headers) {
    }

    /** A request from {@code localAddress}, with extra headers; over HTTPS from anyone but the proxy. */
    private static Answer from(String localAddress, HttpMethod method, String path, Map<String, String> headers, String body)
            throws Exception {
        return from(localAddress, !localAddress.equals("127.0.0.2"), method, path, headers, body);
    }

    private static Answer from(String localAddress, boolean secure, HttpMethod method, String path,
                               Map<String, String> headers, String body) throws Exception {
        HttpClientOptions options = new HttpClientOptions().setLocalAddress(localAddress);
        if (secure) {
            options.setSsl(true).setTrustOptions(new PemTrustOptions().addCertPath(issued.caCert().toString()));
        }
        var client = vertx.createHttpClient(options);
        try {
            RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1")
                    .setPort(secure ? server.server().httpsPort() : server.server().port())
                    .setURI(path);
            headers.forEach(o::putHeader);
            return client.request(o)
                    .compose(req -> body == null ? req.send() : req.putHeader("Content-Type", "application/json").send(body))
                    .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.headers())))
                    .await(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    private static int failedLogin(String localAddress, String forwardedFor) throws Exception {
        String body = new JsonObject().put("username", "nobody-" + UUID.randomUUID()).put("password", "wrong-password").encode();
        return from(localAddress, HttpMethod.POST, "/api/v1/auth/login",
                Map.of("X-Forwarded-For", forwardedFor, "X-Forwarded-Proto", "https"), body).status();
    }

    @Test
    @DisplayName("From an untrusted peer X-Forwarded-For is ignored: changing it does not escape the address's login limit")
    void untrustedForwardedForIsIgnored() throws Exception {
        int last = 0;
        for (int i = 0; i < 31; i++) {
            last = failedLogin("127.0.0.1", "10.99.0." + i);
        }
        assertThat(last).isEqualTo(429);
        // ...and its X-Forwarded-Proto does not stop the redirect either
        Answer a = from("127.0.0.1", false, HttpMethod.GET, "/api/v1/sites", Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(a.status()).isEqualTo(301);
    }

    @Test
    @DisplayName("From the trusted proxy the real client counts: one client is limited, another is not, a forged left entry is ignored")
    void trustedProxyNamesTheClient() throws Exception {
        int last = 0;
        for (int i = 0; i < 31; i++) {
            last = failedLogin("127.0.0.2", "10.1.1.1");
        }
        assertThat(last).as("the client behind the proxy hit its limit").isEqualTo(429);
        assertThat(failedLogin("127.0.0.2", "10.1.1.2")).as("another client behind the same proxy").isEqualTo(401);
        assertThat(failedLogin("127.0.0.2", "10.1.1.3, 10.1.1.1"))
                .as("the right-most untrusted entry is the client; what it wrote to the left is ignored").isEqualTo(429);
        assertThat(failedLogin("127.0.0.2", "10.1.1.1, 10.20.5.5"))
                .as("chained trusted proxies are skipped").isEqualTo(429);
    }

    @Test
    @DisplayName("A trusted proxy that took the request over HTTPS is served on the HTTP port, with HSTS")
    void trustedProxyTerminatesTls() throws Exception {
        Answer a = from("127.0.0.2", HttpMethod.GET, "/health", Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        Answer b = from("127.0.0.2", HttpMethod.GET, "/openapi.yaml", Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(b.status()).isEqualTo(200);
        Answer c = from("127.0.0.2", HttpMethod.GET, "/openapi.yaml", Map.of("X-Forwarded-Proto", "http"), null);
        assertThat(c.status()).isEqualTo(301);
    }

    @Test
    @DisplayName("Request ids: a sane X-Request-Id comes back, anything else is replaced by a fresh one")
    void requestIds() throws Exception {
        Answer given = from("127.0.0.1", HttpMethod.GET, "/health", Map.of("X-Request-Id", "lb-7f3a.42"), null);
        assertThat(given.headers().get("X-Request-Id")).isEqualTo("lb-7f3a.42");
        Answer forged = from("127.0.0.1", HttpMethod.GET, "/health", Map.of("X-Request-Id", "<script>"), null);
        assertThat(forged.headers().get("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
