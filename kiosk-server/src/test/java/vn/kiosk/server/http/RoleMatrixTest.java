package vn.kiosk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/**
 * Every operation of the contract × every kind of caller: allowed callers get
 * anything but 401/403, the others get 401 (anonymous) or 403. The operations
 * come from openapi.yaml, so a new endpoint without a row here fails the test.
 */
class RoleMatrixTest {
    enum Caller { ANONYMOUS, KIOSK, GUARD, MANAGER, MANAGER_OF_OTHER_SITE, OFFICER, ADMIN }

    record Operation(String id, String method, String path) {
    }

    static final Set<Caller> ALL = Set.of(Caller.values());
    static final Set<Caller> SIGNED_IN = Set.of(Caller.KIOSK, Caller.GUARD, Caller.MANAGER,
            Caller.MANAGER_OF_OTHER_SITE, Caller.OFFICER, Caller.ADMIN);
    static final Set<Caller> ADMIN = Set.of(Caller.ADMIN);
    static final Set<Caller> STAFF_OF_SITE = Set.of(Caller.GUARD, Caller.MANAGER, Caller.OFFICER, Caller.ADMIN);
    static final Set<Caller> MANAGERS = Set.of(Caller.MANAGER, Caller.OFFICER, Caller.ADMIN);
    static final Set<Caller> RECORDERS = Set.of(Caller.KIOSK, Caller.GUARD, Caller.MANAGER, Caller.ADMIN);
    static final Set<Caller> KIOSK = Set.of(Caller.KIOSK);

    /** operationId → who may call it. */
    static final Map<String, Set<Caller>> ALLOWED = Map.ofEntries(
            Map.entry("login", ALL),
            Map.entry("logout", SIGNED_IN),
            Map.entry("me", SIGNED_IN),
            Map.entry("listUsers", ADMIN),
            Map.entry("createUser", ADMIN),
            Map.entry("updateUser", ADMIN),
            Map.entry("listAudit", ADMIN),
            Map.entry("listSites", SIGNED_IN),
            Map.entry("createSite", Set.of(Caller.OFFICER, Caller.ADMIN)),
            Map.entry("getSite", Set.of(Caller.KIOSK, Caller.GUARD, Caller.MANAGER, Caller.OFFICER, Caller.ADMIN)),
            Map.entry("updateSite", MANAGERS),
            Map.entry("listKiosks", STAFF_OF_SITE),
            Map.entry("createKiosk", MANAGERS),
            Map.entry("revokeKiosk", MANAGERS),
            Map.entry("pairKiosk", ALL),
            Map.entry("kioskSelf", KIOSK),
            Map.entry("kioskHeartbeat", KIOSK),
            Map.entry("kioskQr", KIOSK),
            Map.entry("checkIn", RECORDERS),
            Map.entry("markExit", RECORDERS),
            Map.entry("markBluezone", RECORDERS),
            // The site is inside the code: a bad code is refused (422) before any site is known.
            Map.entry("confirm", with(RECORDERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("listVisits", STAFF_OF_SITE),
            Map.entry("getVisit", STAFF_OF_SITE),
            Map.entry("exportVisitsCsv", MANAGERS),
            Map.entry("occupancy", Set.of(Caller.KIOSK, Caller.GUARD, Caller.MANAGER, Caller.OFFICER, Caller.ADMIN)),
            Map.entry("siteEvents", with(STAFF_OF_SITE, Caller.KIOSK)),
            Map.entry("createEventTicket", STAFF_OF_SITE),
            Map.entry("siteQrSvg", STAFF_OF_SITE),
            Map.entry("siteQrPng", STAFF_OF_SITE),
            Map.entry("posterPdf", STAFF_OF_SITE),
            Map.entry("decodeQr", with(RECORDERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("renderQr", ALL),
            Map.entry("passKey", ALL),
            Map.entry("openSiteToken", ALL),
            Map.entry("visitorPass", Set.of(Caller.GUARD, Caller.MANAGER, Caller.ADMIN)),
            Map.entry("createCampaign", MANAGERS),
            Map.entry("listCampaigns", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("uploadCampaignImage", MANAGERS),
            Map.entry("campaignImage", SIGNED_IN),
            Map.entry("kioskCampaigns", KIOSK),
            // A manager traces within their own sites: elsewhere the person is not found (404), not refused.
            Map.entry("trace", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("traceCallList", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("exportVisitsXlsx", MANAGERS),
            Map.entry("updateKiosk", MANAGERS),
            // Reports cover the caller's own sites, whichever they are.
            Map.entry("dailyReport", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("dailyReportCsv", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("dailyReportXlsx", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)),
            Map.entry("reportDays", with(MANAGERS, Caller.MANAGER_OF_OTHER_SITE)));

    static Set<Caller> with(Set<Caller> base, Caller extra) {
        Set<Caller> out = new java.util.HashSet<>(base);
        out.add(extra);
        return Set.copyOf(out);
    }

    static TestServer server;
    static Api admin;
    static long site;
    static long otherUser;
    static final Map<Caller, Supplier<Api>> callers = new EnumMap<>(Caller.class);

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("office");
        long other = admin.createSite("office");
        otherUser = admin.userFor("guard", List.of(other)).get("/api/v1/auth/me").json().getLong("id");
        String kioskToken = admin.pairKiosk(site, "both").getString("deviceToken");
        callers.put(Caller.ANONYMOUS, server::api);
        callers.put(Caller.KIOSK, () -> server.api().as(kioskToken));
        // Fresh sessions for every call: logout ends the one it is given.
        callers.put(Caller.GUARD, () -> admin.userFor("guard", List.of(site)));
        callers.put(Caller.MANAGER, () -> admin.userFor("manager", List.of(site)));
        callers.put(Caller.MANAGER_OF_OTHER_SITE, () -> admin.userFor("manager", List.of(other)));
        callers.put(Caller.OFFICER, () -> admin.userFor("officer", List.of()));
        callers.put(Caller.ADMIN, () -> server.api().login("admin", TestServer.ADMIN_PASSWORD));
    }

    @SuppressWarnings("unchecked")
    static List<Operation> contract() throws Exception {
        try (InputStream in = RoleMatrixTest.class.getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            List<Operation> ops = new ArrayList<>();
            ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
                if (op instanceof Map<?, ?> m && m.get("operationId") != null) {
                    ops.add(new Operation((String) m.get("operationId"), method.toUpperCase(), path));
                }
            }));
            return ops;
        }
    }

    @Test
    @DisplayName("Every operation in the contract has a row in the role matrix")
    void everyOperationHasARow() throws Exception {
        assertThat(contract()).extracting(Operation::id).allMatch(ALLOWED::containsKey,
                "an operation of openapi.yaml has no row in RoleMatrixTest.ALLOWED");
    }

    @Test
    @DisplayName("Each caller gets its allowed answer or 401/403 on every operation")
    void matrix() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<Caller, Api> sessions = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            sessions.put(c, callers.get(c).get());
        }
        for (Operation op : contract()) {
            for (Caller caller : Caller.values()) {
                // logout ends the session it is given, so it gets one of its own
                Api api = op.id().equals("logout") ? callers.get(caller).get() : sessions.get(caller);
                int status = call(op, api);
                boolean allowed = ALLOWED.getOrDefault(op.id(), Set.of()).contains(caller);
                boolean refused = status == 401 || status == 403;
                boolean right = allowed ? !refused && status < 500
                        : caller == Caller.ANONYMOUS ? status == 401 : status == 403;
                if (!right) {
                    wrong.add(op.id() + " as " + caller + " → " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int call(Operation op, Api api) throws Exception {
        String path = op.path().replace("{siteId}", String.valueOf(site)).replace("{userId}", String.valueOf(otherUser));
        if (path.contains("{visitId}")) {
            path = path.replace("{visitId}", admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor("Khách ma trận", null))).json().getString("visitId"));
        }
        if (path.contains("{token}")) {
            String url = vn.kiosk.qr.QrCodes.decode(admin.bytes("/api/v1/sites/" + site + "/qr.png")).orElseThrow();
            path = path.replace("{token}", url.substring(url.lastIndexOf('/') + 1));
        }
        if (path.contains("{campaignId}")) {
            path = path.replace("{campaignId}", String.valueOf(admin.post("/api/v1/campaigns", body("createCampaign"))
                    .json().getLong("id")));
        }
        if (path.contains("{kioskId}")) {
            path = path.replace("{kioskId}", String.valueOf(admin.post("/api/v1/sites/" + site + "/kiosks",
                    new JsonObject().put("name", "K")).json().getLong("id")));
        }
        if (op.id().equals("renderQr")) {
            path += "?text=abc";
        }
        if (op.id().equals("siteEvents")) {
            return streamStatus(path, api.token());
        }
        if (op.method().equals("GET")) {
            return api.get(path).status();
        }
        if (op.method().equals("PUT")) {
            return api.putRaw(path, "application/octet-stream", vn.kiosk.qr.QrCodes.png("poster", 200)).status();
        }
        if (op.id().equals("decodeQr")) {
            return api.postRaw(path, "application/octet-stream", vn.kiosk.qr.QrCodes.png("x", 100)).status();
        }
        JsonObject body = body(op.id());
        return op.method().equals("PATCH") ? api.patch(path, body).status() : api.post(path, body).status();
    }

    private static JsonObject body(String op) {
        return switch (op) {
            case "login" -> new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD);
            case "createUser" -> new JsonObject().put("username", "u" + System.nanoTime()).put("password", "mat-khau-dai")
                    .put("role", "guard");
            case "updateUser" -> new JsonObject().put("disabled", false);
            case "createSite" -> new JsonObject().put("name", "Trạm y tế").put("kind", "hospital")
                    .put("province", "Quảng Trị").put("district", "Huyện Hải Lăng");
            case "updateSite" -> new JsonObject().put("capacity", 50);
            case "createKiosk" -> new JsonObject().put("name", "Kiosk cổng phụ");
            case "pairKiosk" -> new JsonObject().put("pairingCode", "NOSUCHCODE");
            case "kioskHeartbeat" -> new JsonObject().put("appVersion", "1");
            case "checkIn" -> new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("siteId", site)
                    .put("visitor", Api.visitor("Khách ma trận", "0912 555 666"));
            case "markBluezone" -> new JsonObject().put("status", "installed_on_site");
            case "confirm" -> new JsonObject().put("code", "c1.not-a-real-code");
            case "createCampaign" -> new JsonObject().put("title", "Cài Bluezone").put("siteId", site)
                    .put("startsOn", "2021-08-01").put("endsOn", "2099-12-31");
            case "updateKiosk" -> new JsonObject().put("name", "Kiosk cổng chính");
            case "trace", "traceCallList" -> new JsonObject().put("phone", "0912 555 666");
            default -> null;
        };
    }

    private int streamStatus(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
