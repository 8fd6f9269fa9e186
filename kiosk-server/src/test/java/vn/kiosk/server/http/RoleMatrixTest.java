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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
    /** Who calls: roles, and the same roles elsewhere (another site, district or province than the matrix's site). */
    enum Caller {
        ANONYMOUS, KIOSK, KIOSK_OF_OTHER_SITE, SIGNAGE, GUARD, MANAGER, MANAGER_OF_OTHER_SITE, OFFICER, OFFICER_OF_PROVINCE,
        OFFICER_OF_DISTRICT, OFFICER_OF_OTHER_DISTRICT, OFFICER_OF_OTHER_PROVINCE, ADMIN
    }

    record Operation(String id, String method, String path) {
    }

    static final String PROVINCE = "Quảng Trị";
    static final String DISTRICT = "Thành phố Đông Hà";
    static final String OTHER_DISTRICT = "Huyện Gio Linh";
    static final String OTHER_PROVINCE = "Hà Tĩnh";

    static final Set<Caller> ALL = Set.of(Caller.values());
    static final Set<Caller> SIGNED_IN = without(ALL, Caller.ANONYMOUS);
    static final Set<Caller> ADMIN = Set.of(Caller.ADMIN);
    /** Officers whose area holds the matrix's site: everywhere, its province, its district. */
    static final Set<Caller> OFFICERS_OF_SITE = Set.of(Caller.OFFICER, Caller.OFFICER_OF_PROVINCE, Caller.OFFICER_OF_DISTRICT);
    /** Staff whose own sites or area lie elsewhere: they may call what covers "their own", and see none of this site. */
    static final Set<Caller> ELSEWHERE = Set.of(Caller.MANAGER_OF_OTHER_SITE, Caller.OFFICER_OF_OTHER_DISTRICT,
            Caller.OFFICER_OF_OTHER_PROVINCE);
    static final Set<Caller> STAFF_OF_SITE = with(OFFICERS_OF_SITE, Caller.GUARD, Caller.MANAGER, Caller.ADMIN);
    static final Set<Caller> MANAGERS = with(OFFICERS_OF_SITE, Caller.MANAGER, Caller.ADMIN);
    static final Set<Caller> RECORDERS = Set.of(Caller.KIOSK, Caller.GUARD, Caller.MANAGER, Caller.ADMIN);
    static final Set<Caller> KIOSKS = Set.of(Caller.KIOSK, Caller.KIOSK_OF_OTHER_SITE);
    /** The matrix site's public screen: what a screen shows, nothing that records or reads a visit. */
    static final Set<Caller> SCREEN = Set.of(Caller.SIGNAGE);

    /** operationId → who may call it. */
    static final Map<String, Set<Caller>> ALLOWED = Map.ofEntries(
            Map.entry("login", ALL),
            Map.entry("logout", SIGNED_IN),
            Map.entry("me", SIGNED_IN),
            Map.entry("listUsers", ADMIN),
            Map.entry("createUser", ADMIN),
            Map.entry("updateUser", ADMIN),
            Map.entry("resetUserPassword", ADMIN),
            Map.entry("listAudit", ADMIN),
            Map.entry("listSites", without(SIGNED_IN, Caller.SIGNAGE)),
            // the new site is in the matrix site's district
            Map.entry("createSite", with(OFFICERS_OF_SITE, Caller.ADMIN)),
            Map.entry("getSite", with(STAFF_OF_SITE, Caller.KIOSK)),
            Map.entry("updateSite", MANAGERS),
            Map.entry("listKiosks", STAFF_OF_SITE),
            Map.entry("createKiosk", MANAGERS),
            Map.entry("revokeKiosk", MANAGERS),
            Map.entry("pairKiosk", ALL),
            Map.entry("kioskSelf", KIOSKS),
            Map.entry("kioskHeartbeat", with(KIOSKS, SCREEN)),
            Map.entry("screenSelf", SCREEN),
            Map.entry("screenInstallRate", SCREEN),
            Map.entry("screenCampaigns", SCREEN),
            Map.entry("kioskQr", KIOSKS),
            Map.entry("checkIn", RECORDERS),
            Map.entry("markExit", RECORDERS),
            Map.entry("markBluezone", RECORDERS),
            // The site is inside the code: a bad code is refused (422) before any site is known.
            Map.entry("confirm", with(RECORDERS, Caller.MANAGER_OF_OTHER_SITE, Caller.KIOSK_OF_OTHER_SITE)),
            // the phone showing the code asks whether it was scanned: the code is the key (a bad one is a 422)
            Map.entry("confirmationStatus", without(ALL, Caller.SIGNAGE)),
            Map.entry("listVisits", STAFF_OF_SITE),
            Map.entry("getVisit", STAFF_OF_SITE),
            Map.entry("exportVisitsCsv", MANAGERS),
            Map.entry("occupancy", with(STAFF_OF_SITE, Caller.KIOSK)),
            Map.entry("siteEvents", with(STAFF_OF_SITE, Caller.KIOSK)),
            Map.entry("createEventTicket", STAFF_OF_SITE),
            Map.entry("siteQrSvg", STAFF_OF_SITE),
            Map.entry("siteQrPng", STAFF_OF_SITE),
            Map.entry("posterPdf", STAFF_OF_SITE),
            Map.entry("decodeQr", with(RECORDERS, Caller.MANAGER_OF_OTHER_SITE, Caller.KIOSK_OF_OTHER_SITE)),
            Map.entry("renderQr", ALL),
            Map.entry("passKey", ALL),
            Map.entry("openSiteToken", ALL),
            Map.entry("visitorPass", Set.of(Caller.GUARD, Caller.MANAGER, Caller.ADMIN)),
            // the campaign is the matrix site's own (campaignsStayInTheirArea tries the other targets)
            Map.entry("createCampaign", MANAGERS),
            // a list of what the caller may see, which may be nothing
            Map.entry("listCampaigns", with(MANAGERS, ELSEWHERE)),
            Map.entry("uploadCampaignImage", MANAGERS),
            Map.entry("campaignImage", with(STAFF_OF_SITE, Caller.KIOSK, Caller.SIGNAGE)),
            Map.entry("updateCampaign", MANAGERS),
            Map.entry("kioskCampaigns", KIOSKS),
            // A manager traces within their own sites: elsewhere the person is not found (404), not refused.
            Map.entry("trace", with(MANAGERS, ELSEWHERE)),
            Map.entry("traceCallList", with(MANAGERS, ELSEWHERE)),
            Map.entry("exportVisitsXlsx", MANAGERS),
            Map.entry("updateKiosk", MANAGERS),
            // Reports cover the caller's own sites, whichever they are.
            Map.entry("dailyReport", with(MANAGERS, ELSEWHERE)),
            Map.entry("dailyReportCsv", with(MANAGERS, ELSEWHERE)),
            Map.entry("dailyReportXlsx", with(MANAGERS, ELSEWHERE)),
            Map.entry("reportDays", with(MANAGERS, ELSEWHERE)),
            // SMS reminders: anyone may ask whether they are on; a phone proves who it is with its pass; staff
            // record a choice on a visit they see (the shared server has no SMSC: those answer 404 sms-off)
            // (a public screen is kept to what it shows: SignageGate)
            Map.entry("smsSettings", without(ALL, Caller.SIGNAGE)),
            Map.entry("ownSmsConsent", without(ALL, Caller.SIGNAGE)),
            Map.entry("setOwnSmsConsent", without(ALL, Caller.SIGNAGE)),
            Map.entry("setVisitSmsConsent", Set.of(Caller.GUARD, Caller.MANAGER, Caller.ADMIN)),
            Map.entry("dailyReportPdf", with(MANAGERS, ELSEWHERE)),
            // targets of the matrix site's district (targetsStayInTheirArea tries the other places)
            Map.entry("listTargets", with(MANAGERS, ELSEWHERE)),
            Map.entry("setTarget", with(OFFICERS_OF_SITE, Caller.ADMIN)),
            Map.entry("deleteTarget", with(OFFICERS_OF_SITE, Caller.ADMIN)),
            // Personal data rights (Law 91/2025): the notice is public (it is on the poster); a visitor pass is
            // the visitor's own key to their data; staff find, file and work requests about their own sites
            // (elsewhere the person or request is not found: 404); a deletion or hold touches only visible sites.
            Map.entry("sitePrivacyNotice", without(ALL, Caller.SIGNAGE)),
            Map.entry("listNotices", ADMIN),
            Map.entry("createNotice", ADMIN),
            Map.entry("myData", without(ALL, Caller.SIGNAGE)),
            Map.entry("fileMyRequest", without(ALL, Caller.SIGNAGE)),
            Map.entry("findPerson", with(STAFF_OF_SITE, ELSEWHERE)),
            Map.entry("filePrivacyRequest", with(STAFF_OF_SITE, ELSEWHERE)),
            Map.entry("listPrivacyRequests", with(MANAGERS, ELSEWHERE)),
            Map.entry("updatePrivacyRequest", with(MANAGERS, ELSEWHERE)),
            Map.entry("privacyRequestData", with(MANAGERS, ELSEWHERE)),
            Map.entry("listHolds", with(MANAGERS, ELSEWHERE)),
            Map.entry("createHold", MANAGERS),
            Map.entry("releaseHold", with(MANAGERS, ELSEWHERE)),
            Map.entry("breachReport", ADMIN));

    @SuppressWarnings("unchecked")
    static Set<Caller> with(Set<Caller> base, Object... extra) {
        Set<Caller> out = new java.util.HashSet<>(base);
        for (Object e : extra) {
            if (e instanceof Caller c) {
                out.add(c);
            } else {
                out.addAll((Set<Caller>) e);
            }
        }
        return Set.copyOf(out);
    }

    static Set<Caller> without(Set<Caller> base, Caller gone) {
        Set<Caller> out = new java.util.HashSet<>(base);
        out.remove(gone);
        return Set.copyOf(out);
    }

    static TestServer server;
    static Api admin;
    static long site;
    static long otherUser;
    /** A visitor of the matrix's site: their pass, id and phone. */
    static String visitorPass;
    static long visitorId;
    static final String VISITOR_PHONE = "0912 777 888";
    static String pass;
    static final Map<Caller, Supplier<Api>> callers = new EnumMap<>(Caller.class);

    @BeforeAll
    static void setUp() {
        server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("office", PROVINCE, DISTRICT);
        long other = admin.createSite("office", PROVINCE, DISTRICT);
        otherUser = admin.userFor("guard", List.of(other)).get("/api/v1/auth/me").json().getLong("id");
        JsonObject first = admin.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor("Khách dữ liệu", VISITOR_PHONE))).json();
        visitorPass = first.getString("pass");
        visitorId = first.getJsonObject("visitor").getLong("id");
        pass = admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Khách có thẻ", "0912 555 777")))
                .json().getString("pass");
        String kioskToken = admin.pairKiosk(site, "both").getString("deviceToken");
        String otherKioskToken = admin.pairKiosk(other, "both").getString("deviceToken");
        String screenToken = admin.pairScreen(site).getString("deviceToken");
        callers.put(Caller.ANONYMOUS, server::api);
        callers.put(Caller.KIOSK, () -> server.api().as(kioskToken));
        callers.put(Caller.KIOSK_OF_OTHER_SITE, () -> server.api().as(otherKioskToken));
        callers.put(Caller.SIGNAGE, () -> server.api().as(screenToken));
        // Fresh sessions for every call: logout ends the one it is given.
        callers.put(Caller.GUARD, () -> admin.userFor("guard", List.of(site)));
        callers.put(Caller.MANAGER, () -> admin.userFor("manager", List.of(site)));
        callers.put(Caller.MANAGER_OF_OTHER_SITE, () -> admin.userFor("manager", List.of(other)));
        callers.put(Caller.OFFICER, () -> admin.userFor("officer", List.of()));
        callers.put(Caller.OFFICER_OF_PROVINCE, () -> admin.userFor("officer", List.of(), PROVINCE, null));
        callers.put(Caller.OFFICER_OF_DISTRICT, () -> admin.userFor("officer", List.of(), PROVINCE, DISTRICT));
        callers.put(Caller.OFFICER_OF_OTHER_DISTRICT, () -> admin.userFor("officer", List.of(), PROVINCE, OTHER_DISTRICT));
        callers.put(Caller.OFFICER_OF_OTHER_PROVINCE, () -> admin.userFor("officer", List.of(), OTHER_PROVINCE, null));
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

    /** Where a campaign shows: one site, a district, a province, the whole country. */
    enum Target { SITE, DISTRICT, OTHER_DISTRICT, PROVINCE, OTHER_PROVINCE, NATION }

    /** The targets each caller may create, replace, read and list campaigns for (none: every attempt is 403). */
    static final Map<Caller, Set<Target>> AREA = Map.of(
            Caller.ADMIN, Set.of(Target.values()),
            Caller.OFFICER, Set.of(Target.values()),
            Caller.OFFICER_OF_PROVINCE, Set.of(Target.SITE, Target.DISTRICT, Target.OTHER_DISTRICT, Target.PROVINCE),
            // a province-wide campaign is not within a district officer's area
            Caller.OFFICER_OF_DISTRICT, Set.of(Target.SITE, Target.DISTRICT),
            Caller.OFFICER_OF_OTHER_DISTRICT, Set.of(Target.OTHER_DISTRICT),
            Caller.OFFICER_OF_OTHER_PROVINCE, Set.of(Target.OTHER_PROVINCE),
            Caller.MANAGER, Set.of(Target.SITE));
    /** Reading a campaign's image: a guard that of their site, a kiosk exactly the campaigns it shows. */
    static final Map<Caller, Set<Target>> READS = Map.of(
            Caller.GUARD, Set.of(Target.SITE),
            Caller.KIOSK, Set.of(Target.SITE, Target.DISTRICT, Target.PROVINCE, Target.NATION),
            Caller.SIGNAGE, Set.of(Target.SITE, Target.DISTRICT, Target.PROVINCE, Target.NATION),
            Caller.KIOSK_OF_OTHER_SITE, Set.of(Target.DISTRICT, Target.PROVINCE, Target.NATION));

    static JsonObject campaign(Target t) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonObject b = new JsonObject().put("title", "Chiến dịch " + t).put("startsOn", today.minusDays(1).toString())
                .put("endsOn", today.plusDays(30).toString());
        return switch (t) {
            case SITE -> b.put("siteId", site);
            case DISTRICT -> b.put("province", PROVINCE).put("district", DISTRICT);
            case OTHER_DISTRICT -> b.put("province", PROVINCE).put("district", OTHER_DISTRICT);
            case PROVINCE -> b.put("province", PROVINCE);
            case OTHER_PROVINCE -> b.put("province", OTHER_PROVINCE);
            case NATION -> b;
        };
    }

    @Test
    @DisplayName("Campaigns: each caller creates, replaces, reads and lists exactly the campaigns whose target lies in its area")
    void campaignsStayInTheirArea() {
        byte[] png = vn.kiosk.qr.QrCodes.png("poster", 200);
        Map<Target, Long> ids = new EnumMap<>(Target.class);
        for (Target t : Target.values()) {
            ids.put(t, admin.post("/api/v1/campaigns", campaign(t)).json().getLong("id"));
            assertThat(admin.putRaw(image(ids.get(t)), "application/octet-stream", png).status()).isEqualTo(200);
        }
        List<String> wrong = new ArrayList<>();
        for (Caller c : SIGNED_IN) {
            Api api = callers.get(c).get();
            Set<Target> area = AREA.getOrDefault(c, Set.of());
            for (Target t : Target.values()) {
                expect(wrong, c + " creates a campaign for " + t, api.post("/api/v1/campaigns", campaign(t)).status(),
                        area.contains(t) ? 201 : 403);
                expect(wrong, c + " replaces the image of " + t,
                        api.putRaw(image(ids.get(t)), "application/octet-stream", png).status(), area.contains(t) ? 200 : 403);
                expect(wrong, c + " reads the image of " + t, api.get(image(ids.get(t))).status(),
                        READS.getOrDefault(c, area).contains(t) ? 200 : 403);
            }
            if (ALLOWED.get("listCampaigns").contains(c)) {
                Set<Object> listed = new java.util.HashSet<>();
                api.get("/api/v1/campaigns").items().forEach(o -> listed.add(((JsonObject) o).getLong("id")));
                Set<Target> seen = EnumSet.noneOf(Target.class);
                ids.forEach((t, id) -> {
                    if (listed.contains(id)) {
                        seen.add(t);
                    }
                });
                expect(wrong, c + " lists " + seen, seen.equals(area) ? 0 : 1, 0);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Where an install-rate target is set: the matrix site's district, another district, its province, another. */
    enum Place { DISTRICT, OTHER_DISTRICT, PROVINCE, OTHER_PROVINCE }

    /** The places each caller may set and remove targets for: exactly what Principal.covers says (none: 403). */
    static final Map<Caller, Set<Place>> TARGET_AREA = Map.of(
            Caller.ADMIN, Set.of(Place.values()),
            Caller.OFFICER, Set.of(Place.values()),
            Caller.OFFICER_OF_PROVINCE, Set.of(Place.DISTRICT, Place.OTHER_DISTRICT, Place.PROVINCE),
            Caller.OFFICER_OF_DISTRICT, Set.of(Place.DISTRICT),
            Caller.OFFICER_OF_OTHER_DISTRICT, Set.of(Place.OTHER_DISTRICT),
            Caller.OFFICER_OF_OTHER_PROVINCE, Set.of(Place.OTHER_PROVINCE));
    /** The places whose targets each caller lists: their area, the province their district lies in, their sites'. */
    static final Map<Caller, Set<Place>> TARGET_READS = Map.of(
            Caller.OFFICER_OF_DISTRICT, Set.of(Place.DISTRICT, Place.PROVINCE),
            Caller.OFFICER_OF_OTHER_DISTRICT, Set.of(Place.OTHER_DISTRICT, Place.PROVINCE),
            Caller.MANAGER, Set.of(Place.DISTRICT, Place.PROVINCE),
            Caller.MANAGER_OF_OTHER_SITE, Set.of(Place.DISTRICT, Place.PROVINCE));

    static JsonObject target(Place p, double rate) {
        JsonObject b = new JsonObject().put("rate", rate).put("dueOn", "2021-09-30");
        return switch (p) {
            case DISTRICT -> b.put("province", PROVINCE).put("district", DISTRICT);
            case OTHER_DISTRICT -> b.put("province", PROVINCE).put("district", OTHER_DISTRICT);
            case PROVINCE -> b.put("province", PROVINCE);
            case OTHER_PROVINCE -> b.put("province", OTHER_PROVINCE);
        };
    }

    static Place placeOf(JsonObject t) {
        String province = t.getString("province");
        String district = t.getString("district");
        if (PROVINCE.equals(province)) {
            return district == null ? Place.PROVINCE : DISTRICT.equals(district) ? Place.DISTRICT
                    : OTHER_DISTRICT.equals(district) ? Place.OTHER_DISTRICT : null;
        }
        return OTHER_PROVINCE.equals(province) && district == null ? Place.OTHER_PROVINCE : null;
    }

    @Test
    @DisplayName("Targets: each caller sets, removes and lists exactly the install-rate targets of places its area covers")
    void targetsStayInTheirArea() {
        List<String> wrong = new ArrayList<>();
        for (Caller c : SIGNED_IN) {
            Api api = callers.get(c).get();
            Set<Place> area = TARGET_AREA.getOrDefault(c, Set.of());
            for (Place p : Place.values()) {
                int set = api.post("/api/v1/targets", target(p, 0.55)).status();
                expect(wrong, c + " sets the target of " + p, area.contains(p) && (set == 200 || set == 201) ? 0
                        : set, area.contains(p) ? 0 : 403);
                long id = admin.post("/api/v1/targets", target(p, 0.6)).json().getLong("id");
                expect(wrong, c + " removes the target of " + p, api.delete("/api/v1/targets/" + id).status(),
                        area.contains(p) ? 204 : 403);
                admin.post("/api/v1/targets", target(p, 0.6));
            }
            if (ALLOWED.get("listTargets").contains(c)) {
                Set<Place> seen = EnumSet.noneOf(Place.class);
                api.get("/api/v1/targets").items().forEach(o -> {
                    Place p = placeOf((JsonObject) o);
                    if (p != null) {
                        seen.add(p);
                    }
                });
                Set<Place> expected = TARGET_READS.getOrDefault(c, area);
                expect(wrong, c + " lists " + seen + ", expected " + expected, seen.equals(expected) ? 0 : 1, 0);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("Sites: a manager cannot move their site; an officer moves one only within their area; an admin anywhere")
    void sitesStayInTheirArea() {
        record Move(Caller who, String province, String district, int status) {
        }
        List<String> wrong = new ArrayList<>();
        for (Move m : List.of(new Move(Caller.MANAGER, null, OTHER_DISTRICT, 403),
                new Move(Caller.MANAGER, OTHER_PROVINCE, "Huyện Kỳ Anh", 403),
                new Move(Caller.MANAGER, PROVINCE, DISTRICT, 200), // a form that sends every field moves nothing
                new Move(Caller.GUARD, null, OTHER_DISTRICT, 403),
                new Move(Caller.OFFICER_OF_DISTRICT, null, OTHER_DISTRICT, 403),
                new Move(Caller.OFFICER_OF_OTHER_DISTRICT, null, OTHER_DISTRICT, 403),
                new Move(Caller.OFFICER_OF_PROVINCE, OTHER_PROVINCE, "Huyện Kỳ Anh", 403),
                new Move(Caller.OFFICER_OF_PROVINCE, null, OTHER_DISTRICT, 200),
                new Move(Caller.OFFICER, OTHER_PROVINCE, "Huyện Kỳ Anh", 200),
                new Move(Caller.ADMIN, OTHER_PROVINCE, "Huyện Kỳ Anh", 200))) {
            long moving = admin.createSite("office", PROVINCE, DISTRICT);
            Api api = m.who() == Caller.MANAGER || m.who() == Caller.GUARD
                    ? admin.userFor(m.who().name().toLowerCase(), List.of(moving)) : callers.get(m.who()).get();
            JsonObject change = new JsonObject().put("capacity", 99);
            if (m.province() != null) {
                change.put("province", m.province());
            }
            change.put("district", m.district());
            String what = m.who() + " moves a site to " + m.province() + " / " + m.district();
            expect(wrong, what, api.patch("/api/v1/sites/" + moving, change).status(), m.status());
            JsonObject now = admin.get("/api/v1/sites/" + moving).json();
            boolean asAsked = m.district().equals(now.getString("district")) && Integer.valueOf(99).equals(now.getInteger("capacity"))
                    && (m.province() == null ? PROVINCE : m.province()).equals(now.getString("province"));
            boolean unchanged = PROVINCE.equals(now.getString("province")) && DISTRICT.equals(now.getString("district"))
                    && now.getInteger("capacity") == null;
            if (!(m.status() == 200 ? asAsked : unchanged)) {
                wrong.add(what + ": stored as " + now.getString("province") + " / " + now.getString("district"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 400_000));

    static String image(long campaignId) {
        return "/api/v1/campaigns/" + campaignId + "/image";
    }

    static void expect(List<String> wrong, String what, int status, int expected) {
        if (status != expected) {
            wrong.add(what + " → " + status + ", expected " + expected);
        }
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
        if (path.contains("{targetId}")) {
            path = path.replace("{targetId}", String.valueOf(admin.post("/api/v1/targets", body("setTarget"))
                    .json().getLong("id")));
        }
        if (path.contains("{kioskId}")) {
            path = path.replace("{kioskId}", String.valueOf(admin.post("/api/v1/sites/" + site + "/kiosks",
                    new JsonObject().put("name", "K")).json().getLong("id")));
        }
        if (path.contains("{requestId}")) {
            // a person of their own each time: one open request per person and type
            long person = admin.checkIn(new JsonObject().put("siteId", site).put("visitor",
                    Api.visitor("Khách yêu cầu", "0913" + String.format("%06d", SEQ.incrementAndGet())))).json()
                    .getJsonObject("visitor").getLong("id");
            path = path.replace("{requestId}", String.valueOf(admin.post("/api/v1/privacy/requests", new JsonObject()
                    .put("visitorId", person).put("type", "access")).json().getLong("id")));
        }
        if (path.contains("{holdId}")) {
            path = path.replace("{holdId}", String.valueOf(admin.post("/api/v1/privacy/holds", body("createHold"))
                    .json().getLong("id")));
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
        if (op.method().equals("DELETE")) {
            return api.delete(path).status();
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
                    .put("province", PROVINCE).put("district", DISTRICT);
            case "updateSite" -> new JsonObject().put("capacity", 50);
            case "createKiosk" -> new JsonObject().put("name", "Kiosk cổng phụ");
            case "pairKiosk" -> new JsonObject().put("pairingCode", "NOSUCHCODE");
            case "kioskHeartbeat" -> new JsonObject().put("appVersion", "1");
            case "checkIn" -> new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("siteId", site)
                    .put("visitor", Api.visitor("Khách ma trận", "0912 555 666"));
            case "markBluezone" -> new JsonObject().put("status", "installed_on_site");
            case "confirm", "confirmationStatus" -> new JsonObject().put("code", "c1.not-a-real-code");
            case "createCampaign" -> new JsonObject().put("title", "Cài Bluezone").put("siteId", site)
                    .put("startsOn", "2021-08-01").put("endsOn", "2099-12-31");
            case "updateKiosk" -> new JsonObject().put("name", "Kiosk cổng chính");
            case "updateCampaign" -> new JsonObject().put("schedule", new JsonObject().put("days", new io.vertx.core.json.JsonArray()
                    .add(1).add(2).add(3).add(4).add(5)).put("from", "07:00").put("until", "17:30"));
            case "setTarget" -> new JsonObject().put("province", PROVINCE).put("district", DISTRICT).put("rate", 0.6)
                    .put("dueOn", "2021-09-30");
            case "trace", "traceCallList" -> new JsonObject().put("phone", "0912 555 666");
            case "createNotice" -> new JsonObject().put("vi", notice("Mục đích")).put("en", notice("Purpose"));
            case "myData" -> new JsonObject().put("pass", visitorPass);
            case "fileMyRequest" -> new JsonObject().put("pass", visitorPass).put("type", "access");
            case "findPerson" -> new JsonObject().put("phone", VISITOR_PHONE);
            case "filePrivacyRequest" -> new JsonObject().put("visitorId", visitorId).put("type", "correction");
            case "updatePrivacyRequest" -> new JsonObject().put("state", "in_progress");
            case "createHold" -> {
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
                yield new JsonObject().put("siteId", site).put("kind", "authority").put("reference", "CV 1/2026")
                        .put("until", today.plusDays(1).toString()).put("from", today.minusDays(1) + "T00:00:00+07:00")
                        .put("to", today + "T00:00:00+07:00");
            }
            case "breachReport" -> new JsonObject().put("from", "2026-01-01T00:00:00+07:00")
                    .put("to", "2026-01-02T00:00:00+07:00").put("discoveredAt", "2026-01-02T08:00:00+07:00")
                    .put("siteIds", new io.vertx.core.json.JsonArray().add(site)).put("organization", "UBND")
                    .put("description", "Thử").put("consequences", "Không").put("measures", "Không")
                    .put("contact", new JsonObject().put("name", "Cán bộ").put("phone", "0233 385 0000"));
            case "ownSmsConsent" -> new JsonObject().put("pass", pass);
            case "setOwnSmsConsent" -> new JsonObject().put("pass", pass).put("optIn", true);
            case "setVisitSmsConsent" -> new JsonObject().put("optIn", true);
            default -> null;
        };
    }

    static JsonObject notice(String word) {
        return new JsonObject().put("purpose", word).put("data", word).put("recipients", word).put("rights", word);
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
