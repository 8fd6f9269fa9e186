package vn.kiosk.server.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain HTTP client for tests, as an outside script would use the API. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One connection per concurrent request, as browsers and kiosks use plain HTTP: what a TCP balancer spreads. */
    private static final HttpClient HTTP1 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String base;
    private final String token;
    private final HttpClient client;
    private final Map<String, String> headers;

    public Api(String base) {
        this(base, null, CLIENT, Map.of());
    }

    private Api(String base, String token, HttpClient client) {
        this(base, token, client, Map.of());
    }

    private Api(String base, String token, HttpClient client, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.client = client;
        this.headers = headers;
    }

    /** Over HTTPS, trusting only the given certificate authority (e.g. the one of make-certs). */
    public static Api trusting(String base, Path caCert) throws Exception {
        return new Api(base, null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(trustOnly(caCert)).build());
    }

    public static SSLContext trustOnly(Path caCert) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caCert)) {
            ks.setCertificateEntry("kiosk-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /**
     * HTTP/1.1 only: the default client upgrades to HTTP/2 (h2c) and sends
     * everything over one connection, which a balancer would pin to one backend.
     */
    public static Api http1(String base) {
        return new Api(base, null, HTTP1);
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray items() {
            return json().getJsonArray("items");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Api as(String bearer) {
        return new Api(base, bearer, client, headers);
    }

    /** The same client sending one more header with every request. */
    public Api header(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(base, token, client, Map.copyOf(more));
    }

    /** As a client behind a proxy: believed only by a server with that proxy in KIOSK_TRUSTED_PROXIES. */
    public Api from(String clientAddress) {
        return header("X-Forwarded-For", clientAddress);
    }

    public String token() {
        return token;
    }

    public Api login(String username, String password) {
        Response r = post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password));
        if (r.status != 200) {
            throw new IllegalStateException("login failed: " + r.status + " " + r.body);
        }
        return as(r.json().getString("token"));
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, Object json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json.toString(), StandardCharsets.UTF_8)));
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response putRaw(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response patch(String path, Object json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8)));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- shortcuts for the common steps of a scenario ----

    /** A new site with a unique name; returns its id. */
    public long createSite(String kind) {
        return createSite(kind, "Quảng Trị", "Thành phố Đông Hà");
    }

    /** A new site with a unique name in the given province and district; returns its id. */
    public long createSite(String kind, String province, String district) {
        String name = "Điểm thử " + SEQ.incrementAndGet() + " " + UUID.randomUUID().toString().substring(0, 6);
        Response r = post("/api/v1/sites", new JsonObject().put("name", name).put("kind", kind)
                .put("province", province).put("district", district).put("address", "1 Lê Duẩn"));
        if (r.status != 201) {
            throw new IllegalStateException("site not created: " + r.status + " " + r.body);
        }
        return r.json().getLong("id");
    }

    /** Creates a user with a unique name and signs in as them. */
    public Api userFor(String role, List<Long> siteIds) {
        return userFor(role, siteIds, null, null);
    }

    /** An officer (or other user) given an area: a province, or a district of it; null for none. */
    public Api userFor(String role, List<Long> siteIds, String province, String district) {
        String username = role + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        JsonObject user = new JsonObject().put("username", username).put("password", "pass-" + username)
                .put("role", role).put("siteIds", new JsonArray(siteIds));
        if (province != null) {
            user.put("province", province);
        }
        if (district != null) {
            user.put("district", district);
        }
        Response r = post("/api/v1/users", user);
        if (r.status != 201) {
            throw new IllegalStateException("user not created: " + r.status + " " + r.body);
        }
        return new Api(base, null, client).login(username, "pass-" + username);
    }

    /** Creates and pairs a public screen (kind signage); returns the pairing answer (kioskId, deviceToken, secret). */
    public JsonObject pairScreen(long siteId) {
        Response k = post("/api/v1/sites/" + siteId + "/kiosks", new JsonObject().put("name", "Màn hình sảnh")
                .put("gate", "Sảnh chờ").put("kind", "signage"));
        Response p = new Api(base, null, client).post("/api/v1/kiosks/pair", new JsonObject()
                .put("pairingCode", k.json().getString("pairingCode")).put("kind", "signage"));
        if (p.status != 200) {
            throw new IllegalStateException("pairing failed: " + p.status + " " + p.body);
        }
        return p.json();
    }

    /** Creates and pairs a kiosk; returns the pairing answer (kioskId, deviceToken, secret). */
    public JsonObject pairKiosk(long siteId, String mode) {
        Response k = post("/api/v1/sites/" + siteId + "/kiosks", new JsonObject().put("name", "Kiosk").put("gate", "Cổng A")
                .put("mode", mode));
        Response p = new Api(base, null, client).post("/api/v1/kiosks/pair", new JsonObject().put("pairingCode", k.json().getString("pairingCode")));
        if (p.status != 200) {
            throw new IllegalStateException("pairing failed: " + p.status + " " + p.body);
        }
        return p.json();
    }

    public Response checkIn(JsonObject body) {
        if (!body.containsKey("id")) {
            body.put("id", UUID.randomUUID().toString());
        }
        return post("/api/v1/checkins", body);
    }

    /**
     * The consent a visitor's own phone sends after they read the notice and ticked "Tôi đồng ý": a self check-in
     * without it is refused. Version 1 is the first notice, which always exists (later ones add to it).
     */
    public static JsonObject selfConsent() {
        return new JsonObject().put("version", 1).put("method", "self");
    }

    public static JsonObject visitor(String name, String phone) {
        JsonObject v = new JsonObject().put("name", name);
        if (phone != null) {
            v.put("phone", phone);
        }
        return v;
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
