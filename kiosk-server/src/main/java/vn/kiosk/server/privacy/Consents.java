package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.site.Site;

/**
 * What consent a check-in records. Given now: {@code self} on the visitor's phone (required there: silence is
 * not consent), {@code kiosk} by a tap at the tablet, {@code staff} by a guard who told the visitor; each names
 * the notice version shown. {@code pass}: the consent the visitor's pass carries, i.e. the one they gave last,
 * good while it is to the current notice, to this site's controller and not withdrawn. Without it an online scan
 * is refused (409 consent-required) so that the screen can ask; an offline replay (the kiosk could not ask) is
 * stored with whatever consent is on record. A staff or kiosk check-in with no consent records none.
 */
public final class Consents {
    // the visitor's last consent, and whether they are inside this site now (a scan would be their exit)
    private static final String CARRIED = "select r.consent_version, r.consent_controller,"
            + " r.consent_withdrawn_at is not null as withdrawn,"
            + " exists (select 1 from presence p where p.site_id = $2 and p.visitor_id = r.id) as inside"
            + " from visitors r where r.id = $1";

    /** What the check-in stores; version and method null when no consent is recorded. */
    public record Consent(Integer version, String method, String controller) {
        static final Consent NONE = new Consent(null, null, null);

        public JsonObject toJson() {
            return method == null ? null : new JsonObject().put("version", version).put("method", method);
        }
    }

    /** Who asks: the visitor's phone, a kiosk, a signed-in user. */
    public enum Caller { SELF, KIOSK, STAFF }

    private final Pool pool;
    private final Notices notices;

    public Consents(Pool pool, Notices notices) {
        this.pool = pool;
        this.notices = notices;
    }

    /**
     * @param asked     the request's {@code consent} (null: none)
     * @param passOf    the visitor a pass names, or null
     * @param direction in, out or auto as asked; {@code replay} when the request carries its own time
     */
    public Future<Consent> resolve(JsonObject asked, Caller caller, Site site, Long passOf, String direction,
                                   boolean replay) {
        if (asked == null) {
            if (caller == Caller.SELF) {
                throw ApiException.unprocessable("consent-required", "A self check-in needs the visitor's consent:"
                        + " consent {version, method: self} after they read the notice").with("field", "consent");
            }
            return Future.succeededFuture(Consent.NONE);
        }
        String method = asked.getString("method");
        Caller allowed = switch (method) {
            case "self" -> Caller.SELF;
            case "kiosk" -> Caller.KIOSK;
            case "staff" -> Caller.STAFF;
            default -> null;
        };
        if ("pass".equals(method) ? passOf == null || caller == Caller.SELF : allowed != caller) {
            throw ApiException.unprocessable("invalid-consent", "consent.method " + method + " is not how this caller"
                    + " records consent (self: the visitor's phone, kiosk: a tap at a kiosk, staff: a guard, pass: a"
                    + " kiosk or guard scanning a pass)").with("field", "consent.method");
        }
        return notices.current().compose(current -> {
            if (!"pass".equals(method)) {
                int v = asked.getInteger("version");
                if (v < 1 || v > current.version()) {
                    return Future.failedFuture(ApiException.unprocessable("invalid-consent", "consent.version " + v
                            + " is not a notice version (the current one is " + current.version() + ")")
                            .with("field", "consent.version"));
                }
                return Future.succeededFuture(new Consent(v, method, site.controllerName()));
            }
            return pool.preparedQuery(CARRIED).execute(Tuple.of(passOf, site.id())).compose(rows -> {
                if (!rows.iterator().hasNext()) {
                    return Future.succeededFuture(Consent.NONE); // the check-in says the visitor is unknown
                }
                Row r = rows.iterator().next();
                Integer carried = r.getInteger("consent_version");
                boolean ours = carried != null && !r.getBoolean("withdrawn")
                        && site.controllerName().equals(r.getString("consent_controller"));
                boolean entering = "in".equals(direction) || "auto".equals(direction) && !r.getBoolean("inside");
                if (ours && carried == current.version() || replay || !entering) {
                    return Future.succeededFuture(ours ? new Consent(carried, "pass", site.controllerName()) : Consent.NONE);
                }
                return Future.failedFuture(ApiException.of(409, "consent-required", "Consent needed",
                                "The visitor has not agreed to notice version " + current.version() + " of "
                                        + site.controllerName() + ": show it and send their consent")
                        .with("field", "consent").with("version", current.version()));
            });
        });
    }
}
