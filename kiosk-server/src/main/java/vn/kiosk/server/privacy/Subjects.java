package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.kiosk.qr.TokenException;
import vn.kiosk.qr.VisitorPass;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.IdNumbers;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.Phones;

/** The person a request is about ("data subject"): found by visitor pass, phone or ID number. */
public final class Subjects {
    private static final String PERSON = "select id, name, phone_masked, id_masked, consent_version, consent_method,"
            + " consent_at, consent_withdrawn_at from visitors where id = $1";
    private static final String BY_PHONE = "select id from visitors where phone_hash = $1";
    private static final String BY_ID = "select id from visitors where id_hash = $1";
    // Every visit of the person (visits_visitor serves it), newest first: at most the retention period's worth.
    private static final String VISITS = "select v.id, v.site_id, s.name as site_name, v.entered_at, v.exited_at,"
            + " v.exit_inferred, v.bluezone, v.consent_version, v.consent_method, v.cccd_extra is not null as extra,"
            + " v.entry_missing from visits v join sites s on s.id = v.site_id where v.visitor_id = $1"
            + " order by v.entered_at desc limit $2";
    private static final String SITES = "select site_id, count(*)::int as n, max(entered_at) as last_at from visits"
            + " where visitor_id = $1 group by site_id order by site_id";

    /** What is held about a person, without the numbers themselves. */
    public record Person(long id, String name, String phoneMasked, String idMasked, Integer consentVersion,
                         String consentMethod, String consentAt, String consentWithdrawnAt) {
        JsonObject toJson() {
            return new JsonObject().put("id", id).put("name", name).put("phoneMasked", phoneMasked)
                    .put("idMasked", idMasked).put("consent", new JsonObject().put("version", consentVersion)
                            .put("method", consentMethod).put("at", consentAt).put("withdrawnAt", consentWithdrawnAt));
        }
    }

    private final Pool pool;
    private final PersonalData personal;
    private final PublicKey passKey;

    public Subjects(Pool pool, PersonalData personal, PublicKey passKey) {
        this.pool = pool;
        this.personal = personal;
        this.passKey = passKey;
    }

    /** The visitor a pass names; 401 invalid-pass when it is not one of this server's. */
    public long fromPass(String pass) {
        try {
            return VisitorPass.verify(pass, passKey).visitorId();
        } catch (TokenException e) {
            throw ApiException.of(401, "invalid-pass", "Invalid visitor pass", "The visitor pass is not valid: "
                    + e.getMessage()).with("field", "pass");
        }
    }

    /** By exactly one of pass, phone, idNumber in {@code body}; empty when no one is on record. */
    public Future<Optional<Long>> find(JsonObject body) {
        int given = (body.containsKey("pass") ? 1 : 0) + (body.containsKey("phone") ? 1 : 0)
                + (body.containsKey("idNumber") ? 1 : 0);
        if (given != 1) {
            throw ApiException.unprocessable("subject-required", "Give exactly one of pass, phone or idNumber")
                    .with("field", "phone");
        }
        if (body.containsKey("pass")) {
            return Future.succeededFuture(Optional.of(fromPass(body.getString("pass"))));
        }
        if (body.containsKey("phone")) {
            String e164 = Phones.normalize(body.getString("phone")).orElseThrow(() ->
                    ApiException.unprocessable("invalid-phone", "phone is not a possible phone number").with("field", "phone"));
            return first(BY_PHONE, personal.hash("phone", e164));
        }
        String id = IdNumbers.normalize(body.getString("idNumber")).orElseThrow(() ->
                ApiException.unprocessable("invalid-id-number",
                        "idNumber must be a 12-digit citizen ID, a 9-digit ID or a passport number").with("field", "idNumber"));
        return first(BY_ID, personal.hash("id", id));
    }

    private Future<Optional<Long>> first(String sql, byte[] hash) {
        return pool.preparedQuery(sql).execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash)))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getLong(0)) : Optional.empty());
    }

    public Future<Optional<Person>> person(SqlClient client, long visitorId) {
        return client.preparedQuery(PERSON).execute(Tuple.of(visitorId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Person(r.getLong("id"), r.getString("name"), r.getString("phone_masked"),
                    r.getString("id_masked"), r.getInteger("consent_version"), r.getString("consent_method"),
                    text(r, "consent_at"), text(r, "consent_withdrawn_at")));
        });
    }

    /** The person, or 404 with a detail that does not tell whether they ever existed. */
    public Future<Person> require(long visitorId) {
        return person(pool, visitorId).compose(p -> p.map(Future::succeededFuture).orElseGet(() ->
                Future.failedFuture(ApiException.of(404, "no-data", "No data held",
                        "No personal data is held about this person (it may have been deleted or expired)"))));
    }

    public Future<JsonArray> visits(long visitorId, int limit) {
        return pool.preparedQuery(VISITS).execute(Tuple.of(visitorId, limit)).map(rows -> {
            JsonArray out = new JsonArray();
            for (Row r : rows) {
                out.add(new JsonObject().put("id", r.getUUID("id").toString()).put("siteId", r.getLong("site_id"))
                        .put("siteName", r.getString("site_name"))
                        .put("enteredAt", r.getBoolean("entry_missing") ? null : text(r, "entered_at"))
                        .put("exitedAt", text(r, "exited_at")).put("exitInferred", r.getBoolean("exit_inferred"))
                        .put("bluezone", r.getString("bluezone"))
                        .put("consent", new JsonObject().put("version", r.getInteger("consent_version"))
                                .put("method", r.getString("consent_method")))
                        .put("cccdDetailsKept", r.getBoolean("extra")));
            }
            return out;
        });
    }

    /** The sites where the person has visits on record, each with how many and the latest. */
    public Future<List<long[]>> sites(SqlClient client, long visitorId) {
        return client.preparedQuery(SITES).execute(Tuple.of(visitorId)).map(rows -> {
            List<long[]> out = new ArrayList<>();
            rows.forEach(r -> out.add(new long[] {r.getLong("site_id"), r.getInteger("n")}));
            return out;
        });
    }

    static String text(Row r, String column) {
        var t = r.getOffsetDateTime(column);
        return t == null ? null : t.toString();
    }
}
