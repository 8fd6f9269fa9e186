package vn.kiosk.server.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.kiosk.server.security.Contract.Field;
import vn.kiosk.server.security.Contract.Operation;
import vn.kiosk.server.security.Contract.Param;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * Hostile values for every operation of the contract: a NUL in every query, path and JSON string it reads,
 * and numbers outside every declared range (2^31, 2^32 + 5, 2^63, 1e20, one past each bound). Each probe is
 * one request; the walk reports every probe answered 5xx, accepted when it had to be refused, or refused
 * after changing a table.
 */
final class ContractWalk {
    record Probe(Operation op, String what, String url, String contentType, byte[] body, boolean mustRefuse,
                 String token) {
    }

    /** Tokens and ids the requests need; {@code body} makes a valid body for an operation (null: none). */
    record Fixtures(String baseUrl, String adminToken, String kioskToken, String screenToken, java.util.function.Supplier<String> freshToken,
                    Map<String, String> pathValues, Function<String, JsonObject> body) {
    }

    static final BigInteger TWO_31 = BigInteger.TWO.pow(31);
    static final BigInteger TWO_32_5 = BigInteger.TWO.pow(32).add(BigInteger.valueOf(5));
    static final BigInteger TWO_63 = BigInteger.TWO.pow(63);
    static final BigInteger SAFE = BigInteger.TWO.pow(53).subtract(BigInteger.ONE);
    private static final java.util.Set<String> KIOSK_OPS = java.util.Set.of("kioskSelf", "kioskHeartbeat", "kioskQr",
            "kioskCampaigns");
    private static final java.util.Set<String> SCREEN_OPS = java.util.Set.of("screenSelf", "screenInstallRate",
            "screenCampaigns");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final Fixtures fixtures;

    ContractWalk(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    List<Probe> probes(Operation op) {
        List<Probe> out = new ArrayList<>();
        out.add(probe(op, "query zz=a%00b", Map.of(), "zz=a%00b", null, null, true));
        for (Param p : op.params()) {
            String type = Contract.type(p.schema());
            if (p.in().equals("query")) {
                List<String> values = new ArrayList<>(List.of("a%00b"));
                if ("integer".equals(type)) {
                    values.addAll(List.of("1e2", "0x10", "1e20", TWO_63.toString()));
                    for (BigInteger n : integers(p.schema())) {
                        values.add(n.toString());
                    }
                }
                for (String v : values) {
                    boolean refuse = !"integer".equals(type) || v.startsWith("0x") || v.contains("e")
                            || v.contains("%") || outOfRange(new BigInteger(v), p.schema());
                    out.add(probe(op, "query " + p.name() + "=" + v, Map.of(), p.name() + "=" + v, null, null, refuse));
                }
            } else if (p.in().equals("path")) {
                for (String v : "integer".equals(type) ? List.of("1%00", TWO_63.toString()) : List.of("a%00b")) {
                    out.add(probe(op, "path " + p.name() + "=" + v, Map.of(p.name(), v), null, null, null, true));
                }
            }
        }
        for (Field f : op.fields()) {
            String type = Contract.type(f.schema());
            List<Object> values = new ArrayList<>();
            if ("string".equals(type)) {
                values.add("Nguy\u0000ễn");
            } else if ("integer".equals(type)) {
                values.addAll(integers(f.schema()));
                values.add(1e20);
            } else if ("number".equals(type)) {
                values.add(((Number) f.schema().getOrDefault("maximum", 1e300)).doubleValue() + 1);
                values.add(((Number) f.schema().getOrDefault("minimum", -1e300)).doubleValue() - 1);
            }
            for (Object v : values) {
                boolean refuse = !(v instanceof BigInteger n) || outOfRange(n, f.schema());
                String shown = v instanceof String ? "\"Nguy\\u0000ễn\"" : String.valueOf(v);
                out.add(probe(op, "body " + f.pointer() + "=" + shown, Map.of(), null, f, v, refuse));
            }
        }
        return out;
    }

    /** The contract's bounds (a missing maximum: the 64-bit limit) and the classic overflows. */
    static List<BigInteger> integers(Map<String, Object> schema) {
        List<BigInteger> out = new ArrayList<>(List.of(TWO_31, TWO_32_5, TWO_63, BigInteger.valueOf(-1)));
        if (schema.get("maximum") instanceof Number max) {
            out.add(BigInteger.valueOf(max.longValue()).add(BigInteger.ONE));
        }
        if (schema.get("minimum") instanceof Number min) {
            out.add(BigInteger.valueOf(min.longValue()).subtract(BigInteger.ONE));
        }
        return out;
    }

    static boolean outOfRange(BigInteger n, Map<String, Object> schema) {
        BigInteger max = schema.get("maximum") instanceof Number m ? BigInteger.valueOf(m.longValue()) : SAFE;
        BigInteger min = schema.get("minimum") instanceof Number m ? BigInteger.valueOf(m.longValue()) : SAFE.negate();
        return n.compareTo(max) > 0 || n.compareTo(min) < 0;
    }

    private Probe probe(Operation op, String what, Map<String, String> pathOverride, String query, Field field,
                        Object value, boolean refuse) {
        String path = op.path();
        for (Map.Entry<String, String> e : fixtures.pathValues().entrySet()) {
            path = path.replace("{" + e.getKey() + "}", pathOverride.getOrDefault(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, String> e : pathOverride.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        String base = op.id().equals("renderQr") && (query == null || !query.startsWith("text=")) ? "text=abc" : null;
        String q = base == null ? query : query == null ? base : base + "&" + query;
        String url = fixtures.baseUrl() + path + (q == null ? "" : "?" + q);
        String token = op.id().equals("logout") ? fixtures.freshToken().get()
                : KIOSK_OPS.contains(op.id()) ? fixtures.kioskToken()
                : SCREEN_OPS.contains(op.id()) ? fixtures.screenToken() : fixtures.adminToken();
        if (!op.jsonBody()) {
            boolean binary = op.id().equals("decodeQr") || op.id().equals("uploadCampaignImage");
            return new Probe(op, what, url, binary ? "application/octet-stream" : null,
                    binary ? vn.kiosk.qr.QrCodes.png("x", 100) : null, refuse, token);
        }
        JsonObject body = fixtures.body().apply(op.id());
        body = body == null ? new JsonObject() : body;
        if (field != null) {
            set(body, field.path(), value);
        }
        return new Probe(op, what, url, "application/json", body.encode().getBytes(StandardCharsets.UTF_8), refuse,
                token);
    }

    private static void set(JsonObject body, List<Object> path, Object value) {
        Object at = body;
        for (int i = 0; i < path.size(); i++) {
            Object child = value;
            if (i < path.size() - 1) {
                Object existing = at instanceof JsonObject o ? o.getValue((String) path.get(i)) : null;
                child = path.get(i + 1) instanceof Integer
                        ? existing instanceof JsonArray ? existing : new JsonArray()
                        : existing instanceof JsonObject ? existing : new JsonObject();
            }
            if (at instanceof JsonObject o) {
                o.put((String) path.get(i), child);
            } else {
                ((JsonArray) at).clear().add(child);
            }
            at = child;
        }
    }

    /** Status and Content-Type of the answer to one probe. */
    record Answer(int status, String contentType, boolean cut) {
    }

    Answer send(Probe p) throws Exception {
        HttpRequest.BodyPublisher publisher = p.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(p.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(p.url())).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + p.token()).method(p.op().method(), publisher);
        if (p.contentType() != null) {
            b.header("Content-Type", p.contentType());
        }
        HttpResponse<InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = r.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = r.body()) {
            if (!type.startsWith("text/event-stream")) {
                in.readAllBytes();
            }
        } catch (java.io.IOException e) {
            return new Answer(r.statusCode(), type, true); // a streamed answer that failed half-way
        }
        return new Answer(r.statusCode(), type, false);
    }

    /** A site with a visit, a kiosk, a campaign and a user of its own on the shared server, for every path. */
    static Fixtures on(TestServer server) throws java.io.IOException {
        Api admin = server.admin();
        long site = admin.createSite("office");
        long user = admin.userFor("guard", List.of(site)).get("/api/v1/auth/me").json().getLong("id");
        String visit = admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Khách dò hợp đồng", null))).json().getString("visitId");
        String url = vn.kiosk.qr.QrCodes.decode(admin.bytes("/api/v1/sites/" + site + "/qr.png")).orElseThrow();
        long kiosk = admin.post("/api/v1/sites/" + site + "/kiosks", new JsonObject().put("name", "K")).json().getLong("id");
        String kioskToken = admin.pairKiosk(site, "both").getString("deviceToken");
        // a visitor of the site with a pass, an open request about them and a hold at the site
        JsonObject first = admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Khách dò dữ liệu", "0912 555 668"))).json();
        String pass = first.getString("pass"); // also the pass of the SMS operations
        long visitor = first.getJsonObject("visitor").getLong("id");
        long request = admin.post("/api/v1/privacy/requests", new JsonObject().put("visitorId", visitor)
                .put("type", "access")).json().getLong("id");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonObject holdBody = new JsonObject().put("siteId", site).put("kind", "authority").put("reference", "CV 9/2026")
                .put("until", today.plusDays(2).toString()).put("from", today.minusDays(1) + "T00:00:00+07:00")
                .put("to", today + "T00:00:00+07:00");
        long hold = admin.post("/api/v1/privacy/holds", holdBody).json().getLong("id");
        JsonObject texts = new JsonObject().put("purpose", "Mục đích").put("data", "Dữ liệu").put("recipients", "Người xem")
                .put("rights", "Quyền");
        String screenToken = admin.pairScreen(site).getString("deviceToken");
        Function<String, JsonObject> body = op -> switch (op) {
            case "createNotice" -> new JsonObject().put("vi", texts).put("en", texts);
            case "myData" -> new JsonObject().put("pass", pass);
            case "fileMyRequest" -> new JsonObject().put("pass", pass).put("type", "correction").put("detail", "Sửa tên");
            case "findPerson" -> new JsonObject().put("phone", "0912 555 668");
            case "filePrivacyRequest" -> new JsonObject().put("visitorId", visitor).put("type", "deletion");
            case "updatePrivacyRequest" -> new JsonObject().put("state", "in_progress").put("outcome", "Đang xem");
            case "createHold" -> holdBody;
            case "breachReport" -> new JsonObject().put("from", "2026-01-01T00:00:00+07:00")
                    .put("to", "2026-01-02T00:00:00+07:00").put("discoveredAt", "2026-01-02T08:00:00+07:00")
                    .put("siteIds", new JsonArray().add(site)).put("organization", "UBND").put("description", "Thử")
                    .put("consequences", "Không").put("measures", "Không")
                    .put("contact", new JsonObject().put("name", "Cán bộ").put("phone", "0233 385 0000"));
            case "login" -> new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD);
            case "createUser" -> new JsonObject().put("username", "walk" + System.nanoTime()).put("password", "mat-khau-dai")
                    .put("role", "guard").put("siteIds", new JsonArray().add(site));
            case "updateUser" -> new JsonObject().put("disabled", false);
            case "createSite" -> new JsonObject().put("name", "Trạm y tế " + id()).put("kind", "hospital")
                    .put("province", "Quảng Trị").put("district", "Huyện Hải Lăng");
            case "updateSite" -> new JsonObject().put("capacity", 50);
            case "createKiosk", "updateKiosk" -> new JsonObject().put("name", "Kiosk cổng phụ");
            case "pairKiosk" -> new JsonObject().put("pairingCode", "NOSUCHCODE");
            case "kioskHeartbeat" -> new JsonObject().put("appVersion", "1");
            case "checkIn" -> new JsonObject().put("id", id()).put("siteId", site)
                    .put("visitor", Api.visitor("Khách dò hợp đồng", "0912 555 667"));
            case "markBluezone" -> new JsonObject().put("status", "installed_on_site");
            case "confirm" -> new JsonObject().put("code", "c1.not-a-real-code");
            case "createCampaign" -> new JsonObject().put("title", "Cài Bluezone").put("siteId", site)
                    .put("startsOn", "2021-08-01").put("endsOn", "2099-12-31");
            case "trace", "traceCallList" -> new JsonObject().put("phone", "0912 555 667");
            case "setVisitSmsConsent" -> new JsonObject().put("optIn", true);
            case "setOwnSmsConsent" -> new JsonObject().put("pass", pass).put("optIn", true);
            case "ownSmsConsent" -> new JsonObject().put("pass", pass);
            case "updateCampaign" -> new JsonObject().put("title", "Cài Bluezone ngay");
            case "setTarget" -> new JsonObject().put("province", "Quảng Trị").put("district", "Huyện Hải Lăng")
                    .put("rate", 0.6).put("dueOn", "2021-09-30");
            default -> null;
        };
        long campaign = admin.post("/api/v1/campaigns", body.apply("createCampaign")).json().getLong("id");
        long target = admin.post("/api/v1/targets", body.apply("setTarget")).json().getLong("id");
        Map<String, String> paths = Map.of("siteId", String.valueOf(site), "userId", String.valueOf(user),
                "visitId", visit, "token", url.substring(url.lastIndexOf('/') + 1), "campaignId", String.valueOf(campaign),
                "kioskId", String.valueOf(kiosk), "targetId", String.valueOf(target), "requestId", String.valueOf(request), "holdId", String.valueOf(hold));
        return new Fixtures(server.baseUrl(), admin.token(), kioskToken, screenToken, () -> server.admin().token(), paths, body);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
