package vn.kiosk.server.trace;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.VisitIds;

/**
 * The addresses a call list may carry: read from a CCCD card only at a site configured to keep them
 * ({@code cccdAddress}), so a contact who came by card without a phone can still be reached; at any other site
 * none is kept and none is shown.
 */
public final class ContactAddresses {
    private static final String EXTRAS = "select id, cccd_extra from visits where site_id = $1 and id = any($2::uuid[])"
            + " and entered_at >= $3 and entered_at < $4 and cccd_extra is not null";

    private final Pool reads;
    private final PersonalData personal;

    public ContactAddresses(Pool reads, PersonalData personal) {
        this.reads = reads;
        this.personal = personal;
    }

    /** Visit id → address, for the contacts' visits at sites that keep addresses. */
    Future<Map<UUID, String>> of(TraceService.Trace t) {
        Map<Long, List<UUID>> bySite = new HashMap<>();
        for (TraceService.Contact c : t.contacts()) {
            Site site = t.sites().get(c.visit().siteId());
            if (site != null && site.cccdAddress()) {
                bySite.computeIfAbsent(site.id(), k -> new ArrayList<>()).add(c.visit().id());
            }
        }
        Map<UUID, String> out = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<Long, List<UUID>> e : bySite.entrySet()) {
            List<UUID> ids = e.getValue();
            // the ids' own bounds (UUIDv7) name the few daily partitions their entries lie in
            UUID first = ids.stream().min(Comparator.comparing(VisitIds::earliest)).orElseThrow();
            UUID last = ids.stream().max(Comparator.comparing(VisitIds::latest)).orElseThrow();
            chain = chain.compose(x -> reads.preparedQuery(EXTRAS).execute(Tuple.of(e.getKey(), ids.toArray(UUID[]::new),
                    VisitIds.earliest(first), VisitIds.latest(last))).map(rows -> {
                        for (Row r : rows) {
                            String address = new JsonObject(personal.decrypt(r.getBuffer("cccd_extra").getBytes()))
                                    .getString("address");
                            if (address != null && !address.isBlank()) {
                                out.put(r.getUUID("id"), address);
                            }
                        }
                        return null;
                    }));
        }
        return chain.map(out);
    }
}
