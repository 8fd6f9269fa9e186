package vn.kiosk.server.checkin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.PersonalData;

/**
 * The people who come with a visitor and are checked in by them (children, an elderly relative: names only), each
 * a visit of their own, so that figures, traces and "who is inside" count them. They go the way the visitor goes
 * (in, or out); with the visitor's typed phone they are the persons of that phone by their names, as a family
 * sharing a phone is, so they can be checked out together the same way, or one by one. Without a phone they are
 * recorded only on the way in (a name alone finds no one again): they leave one by one, marked by staff.
 */
final class Dependants {
    private Dependants() {
    }

    /** Each dependant's identity, checked before anything is stored (422 with field dependants[i].name). */
    static List<VisitorIdentity> identify(CheckinRequest request, PersonalData personal, PublicKey passKey) {
        List<VisitorIdentity> out = new ArrayList<>();
        for (int i = 0; i < request.dependants().size(); i++) {
            try {
                out.add(VisitorIdentity.from(request.dependant(i, "in"), personal, passKey));
            } catch (ApiException e) {
                throw e.with("field", "dependants[" + i + "].name");
            }
        }
        return out;
    }

    /**
     * Records them after the visitor's own record ({@code lead}, the answer so far) and adds
     * {@code dependants: [{visitId, direction, occurredAt, visitor, pass}]} to it once every one is stored.
     * {@code command} makes a dependant's command from its request and identity; {@code submit} stores one and
     * answers as a check-in does.
     */
    static Future<JsonObject> record(CheckinRequest request, List<VisitorIdentity> identities, JsonObject lead,
                                     BiFunction<CheckinRequest, VisitorIdentity, CheckinCommand> command,
                                     Function<CheckinCommand, Future<JsonObject>> submit) {
        if (identities.isEmpty()) {
            return Future.succeededFuture(lead);
        }
        String direction = lead.getString("direction");
        boolean byPhone = request.visitor() != null && request.visitor().phone() != null;
        if (!"in".equals(direction) && !byPhone) {
            return Future.succeededFuture(lead.put("dependants", new JsonArray()));
        }
        List<Future<JsonObject>> each = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            each.add(submit.apply(command.apply(request.dependant(i, direction), identities.get(i))));
        }
        return Future.all(each).map(all -> {
            JsonArray list = new JsonArray();
            for (Future<JsonObject> f : each) {
                JsonObject d = f.result();
                list.add(new JsonObject().put("visitId", d.getString("visitId")).put("direction", d.getString("direction"))
                        .put("occurredAt", d.getString("occurredAt")).put("visitor", d.getJsonObject("visitor"))
                        .put("pass", d.getString("pass")));
            }
            return lead.put("dependants", list);
        });
    }
}
