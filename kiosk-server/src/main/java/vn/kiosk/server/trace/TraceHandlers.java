package vn.kiosk.server.trace;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.export.Table;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;

/** POST /api/v1/traces and its call list. */
public final class TraceHandlers {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final TraceService traces;
    private final ContactAddresses addresses;

    public TraceHandlers(TraceService traces, ContactAddresses addresses) {
        this.traces = traces;
        this.addresses = addresses;
    }

    public void trace(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            TraceRequest req = TraceRequest.from(Respond.body(ctx), OffsetDateTime.now(ZoneOffset.UTC));
            Respond.async(ctx, 200, traces.run(p, req, "trace").map(TraceHandlers::json));
        });
    }

    /** The contacts as a list to call: name, full phone, masked ID, the address where kept, site, time, overlap. */
    public void callList(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            String format = ctx.request().getParam("format", "csv");
            TraceRequest req = TraceRequest.from(Respond.body(ctx), OffsetDateTime.now(ZoneOffset.UTC));
            traces.run(p, req, "trace_call_list")
                    .compose(t -> addresses.of(t).compose(kept -> callList(t, kept).send(ctx, format, "call-list")))
                    .onFailure(ctx::fail);
        });
    }

    /**
     * One line per contact stay. The address column is there only when a site of the trace keeps CCCD addresses
     * (data minimisation: nothing is shown that the site was not configured to keep).
     */
    static Table callList(TraceService.Trace t, java.util.Map<java.util.UUID, String> addresses) {
        boolean withAddress = t.sites().values().stream().anyMatch(Site::cccdAddress);
        List<String> header = new java.util.ArrayList<>(List.of("STT / No.", "Mức / Level", "Họ tên / Name",
                "Điện thoại / Phone", "Giấy tờ / ID"));
        if (withAddress) {
            header.add("Địa chỉ (theo CCCD) / Address (from the ID card)");
        }
        header.addAll(List.of("Địa điểm / Site", "Vào lúc / Entered", "Ra lúc / Exited", "Phút tiếp xúc / Overlap (min)",
                "Ra tự động / Exit inferred", "Bluezone", "Qua / Via"));
        Table table = new Table("Danh sách gọi", header);
        int n = 1;
        for (TraceService.Contact c : t.contacts()) {
            Site site = t.sites().get(c.visit().siteId());
            ZoneId zone = site == null ? DEFAULT_ZONE : site.zone();
            TraceService.Visit v = c.visit();
            List<Object> row = new java.util.ArrayList<>(List.of(n++, "F" + c.hop(), v.person().name(),
                    national(v.person().phone()), nz(v.person().idMasked())));
            if (withAddress) {
                row.add(addresses.getOrDefault(v.id(), ""));
            }
            row.addAll(List.of(site == null ? String.valueOf(v.siteId()) : site.name(), local(v.enteredAt(), zone),
                    v.exitedAt() == null ? "đang ở trong / inside" : local(v.exitedAt(), zone),
                    minutes(c.overlapSeconds()), v.inferredExit() ? "có / yes" : "",
                    vn.kiosk.server.export.Labels.bluezone(v.bluezone()), c.via() == null ? "" : c.via().name()));
            table.row(row.toArray());
        }
        return table;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static JsonObject json(TraceService.Trace t) {
        TraceRequest r = t.request();
        JsonArray visits = new JsonArray();
        for (TraceService.Visit v : t.visits()) {
            visits.add(visit(v, t).put("visitor", new JsonObject().put("id", v.person().id()).put("name", v.person().name())));
        }
        JsonArray people = new JsonArray();
        t.people().forEach(p -> people.add(new JsonObject().put("id", p.id()).put("name", p.name())));
        JsonArray contacts = new JsonArray();
        for (TraceService.Contact c : t.contacts()) {
            contacts.add(visit(c.visit(), t).put("visitor", TraceService.personJson(c.visit().person()))
                    .put("overlapMinutes", minutes(c.overlapSeconds()))
                    .put("overlapSeconds", Math.round(c.overlapSeconds()))
                    .put("hop", c.hop())
                    .put("via", c.via() == null ? null
                            : new JsonObject().put("id", c.via().id()).put("name", c.via().name())));
        }
        TraceService.Person s = t.subject();
        return new JsonObject()
                .put("subject", TraceService.personJson(s).put("idMasked", s.idMasked()).put("by", r.by()))
                .put("people", people)
                .put("window", new JsonObject().put("from", r.from().toString()).put("to", r.to().toString()))
                .put("minOverlapMinutes", r.minOverlapMinutes()).put("hops", r.hops())
                .put("arrivalBufferMinutes", r.arrivalBufferMinutes())
                .put("departureBufferMinutes", r.departureBufferMinutes())
                .put("limitedToYourSites", t.limited()).put("truncated", t.truncated())
                .put("tookMs", t.tookMicros() / 1000.0).put("asOf", t.asOf().toString())
                .put("visits", visits).put("contacts", contacts);
    }

    private static JsonObject visit(TraceService.Visit v, TraceService.Trace t) {
        Site site = t.sites().get(v.siteId());
        return new JsonObject().put("visitId", v.id().toString()).put("siteId", v.siteId())
                .put("siteName", site == null ? null : site.name())
                .put("enteredAt", v.enteredAt().toString())
                .put("exitedAt", v.exitedAt() == null ? null : v.exitedAt().toString())
                .put("open", v.exitedAt() == null).put("inferredExit", v.inferredExit())
                .put("bluezone", v.bluezone());
    }

    /** Whole tenths of a minute, rounded down, so 14.99 minutes never reads as 15. */
    static double minutes(double seconds) {
        return Math.floor(seconds / 6.0) / 10.0;
    }

    private static String local(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(LOCAL);
    }

    /** +84912345678 → 0912 345 678: dialled as written, and read as text by Excel. */
    static String national(String e164) {
        if (e164 == null) {
            return "";
        }
        if (!e164.startsWith("+84")) {
            return e164;
        }
        String n = "0" + e164.substring(3);
        return n.length() == 10 ? n.substring(0, 4) + " " + n.substring(4, 7) + " " + n.substring(7)
                : n.length() == 11 ? n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7) : n;
    }
}
