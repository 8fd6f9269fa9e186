package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.IdNumbers;
import vn.kiosk.server.visitor.Names;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.Phones;

/** What "done" does to the data: erasure (unless a legal hold forbids it) and correction. */
public final class Erasure {
    private static final String ERASE = "select * from kiosk_erase_visitor($1)";
    // The hold that blocks erasing a person: on them, or on a site and period holding one of their visits.
    // A hold lasts to the end of its until-date in its site's time zone.
    private static final String HOLD = "select h.id, h.kind, h.reference, h.authority, h.until from legal_holds h"
            + " join sites s on s.id = h.site_id"
            + " where h.released_at is null and h.until >= ($2::timestamptz at time zone s.time_zone)::date"
            + " and (h.visitor_id = $1 or (h.visitor_id is null and exists (select 1 from visits v"
            + "   where v.visitor_id = $1 and v.site_id = h.site_id and v.entered_at >= h.period_from"
            + "   and v.entered_at < h.period_to)))"
            + " order by h.until desc, h.id limit 1";
    private static final String NAME = "update visitors set name = $2, name_folded = $3 where id = $1";
    private static final String PHONE = "update visitors set phone_hash = $2, phone_enc = $3, phone_masked = $4"
            + " where id = $1";
    private static final String ID_NUMBER = "update visitors set id_hash = $2, id_enc = $3, id_masked = $4 where id = $1";
    private static final String EVENT_NAMES = "update visit_events set display_name = $2 where visitor_id = $1";
    private static final String EVENT_PHONES = "update visit_events set phone_masked = $2 where visitor_id = $1";

    private final PersonalData personal;

    public Erasure(PersonalData personal) {
        this.personal = personal;
    }

    /** Fails with 409 legal-hold, naming the hold, when one covers the person at {@code now}. */
    public Future<Void> checkHolds(SqlClient c, long visitorId, Instant now) {
        return c.preparedQuery(HOLD).execute(Tuple.of(visitorId, now.atOffset(ZoneOffset.UTC))).compose(rows -> {
            if (!rows.iterator().hasNext()) {
                return Future.succeededFuture();
            }
            Row h = rows.iterator().next();
            return Future.failedFuture(ApiException.conflict("legal-hold",
                    "Deletion is blocked by legal hold " + h.getLong("id") + " (" + h.getString("kind") + ", reference "
                            + h.getString("reference") + ") until " + h.getLocalDate("until")
                            + "; the data must be kept for it")
                    .with("holdId", h.getLong("id")).with("reference", h.getString("reference"))
                    .with("until", h.getLocalDate("until").toString()));
        });
    }

    /** Erases the person's personal data; returns the counts for the audit log. */
    public Future<JsonObject> erase(SqlClient c, long visitorId) {
        return c.preparedQuery(ERASE).execute(Tuple.of(visitorId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return new JsonObject().put("visits", 0).put("events", 0).put("openStays", 0);
            }
            Row r = rows.iterator().next();
            return new JsonObject().put("visits", r.getInteger("visits")).put("events", r.getInteger("events"))
                    .put("openStays", r.getInteger("open_stays"));
        });
    }

    /**
     * Applies {@code correction} ({name, phone, idNumber}, each optional): the visitor's record and the copies
     * of their name and masked phone in the event rows. Returns the names of the fields changed.
     */
    public Future<List<String>> correct(SqlClient c, long visitorId, JsonObject correction) {
        List<String> fields = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        if (correction.containsKey("name")) {
            String name;
            try {
                name = Names.normalize(correction.getString("name"));
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("invalid-name", "correction.name " + e.getMessage()
                        + "; a name has 1 to 100 printable characters").with("field", "correction.name");
            }
            fields.add("name");
            chain = chain.compose(v -> run(c, NAME, Tuple.of(visitorId, name, Names.fold(name))))
                    .compose(v -> run(c, EVENT_NAMES, Tuple.of(visitorId, name)));
        }
        if (correction.containsKey("phone")) {
            String e164 = Phones.normalize(correction.getString("phone")).orElseThrow(() -> ApiException.unprocessable(
                    "invalid-phone", "correction.phone is not a possible phone number").with("field", "correction.phone"));
            fields.add("phone");
            chain = chain.compose(v -> run(c, PHONE, Tuple.of(visitorId, Buffer.buffer(personal.hash("phone", e164)),
                            Buffer.buffer(personal.encrypt(e164)), Phones.mask(e164))))
                    .compose(v -> run(c, EVENT_PHONES, Tuple.of(visitorId, Phones.mask(e164))));
        }
        if (correction.containsKey("idNumber")) {
            String id = IdNumbers.normalize(correction.getString("idNumber")).orElseThrow(() -> ApiException.unprocessable(
                    "invalid-id-number", "correction.idNumber must be a 12-digit citizen ID, a 9-digit ID or a passport"
                            + " number").with("field", "correction.idNumber"));
            fields.add("idNumber");
            chain = chain.compose(v -> run(c, ID_NUMBER, Tuple.of(visitorId, Buffer.buffer(personal.hash("id", id)),
                    Buffer.buffer(personal.encrypt(id)), IdNumbers.mask(id))));
        }
        if (fields.isEmpty()) {
            throw ApiException.unprocessable("correction-required",
                    "A correction needs at least one of correction.name, correction.phone, correction.idNumber")
                    .with("field", "correction");
        }
        return chain.recover(t -> Future.failedFuture(t instanceof PgException pg && "23505".equals(pg.getSqlState())
                ? ApiException.conflict("number-in-use", "Another visitor record has that number; records are not merged")
                : t)).map(v -> fields);
    }

    private static Future<Void> run(SqlClient c, String sql, Tuple args) {
        return c.preparedQuery(sql).execute(args).mapEmpty();
    }
}
