package vn.kiosk.server.log;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.IdNumbers;
import vn.kiosk.server.visitor.Names;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.Phones;

/**
 * A filtered page of one site's visits as SQL: keyset pagination on
 * (entered_at, id) newest first, so any depth costs the same (no OFFSET).
 */
final class VisitQuery {
    static final String COLUMNS = "v.id, v.entered_at, v.exited_at, v.exit_inferred, v.entry_missing, v.entry_method,"
            + " v.exit_method, v.entry_gate, v.exit_gate, v.bluezone, v.bluezone_id, v.visitor_id,"
            + " r.name, r.phone_masked, r.id_masked";

    final StringBuilder sql = new StringBuilder("select " + COLUMNS
            + " from visits v join visitors r on r.id = v.visitor_id where v.site_id = $1"
            + " and v.entered_at >= $2 and v.entered_at < $3");
    final Tuple params = Tuple.tuple();
    OffsetDateTime start;
    OffsetDateTime end;

    VisitQuery(long siteId, String from, String to) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The open end reaches a little ahead: check-ins may be stamped up to 2 minutes in the future.
        OffsetDateTime end = to == null ? now.plusMinutes(5) : time(to, "to");
        OffsetDateTime start = from == null ? now.minusHours(24) : time(from, "from");
        if (!start.isBefore(end)) {
            throw ApiException.unprocessable("invalid-range", "from must be before to").with("field", "from");
        }
        params.addLong(siteId).addOffsetDateTime(start).addOffsetDateTime(end);
        this.start = start;
        this.end = end;
    }

    /** The same query over [from, to) instead of the asked range. */
    Tuple over(OffsetDateTime from, OffsetDateTime to) {
        Tuple t = Tuple.tuple();
        for (int i = 0; i < params.size(); i++) {
            t.addValue(i == 1 ? from : i == 2 ? to : params.getValue(i));
        }
        return t;
    }

    VisitQuery bluezone(String status) {
        if (status != null) {
            sql.append(" and coalesce(v.bluezone, 'unknown') = $").append(next());
            params.addString(status);
        }
        return this;
    }

    VisitQuery gate(String gate) {
        if (gate != null) {
            int n = next();
            sql.append(" and (v.entry_gate = $").append(n).append(" or v.exit_gate = $").append(n).append(')');
            params.addString(gate);
        }
        return this;
    }

    VisitQuery inside(Boolean inside) {
        if (inside != null) {
            sql.append(inside ? " and v.exited_at is null" : " and v.exited_at is not null");
        }
        return this;
    }

    /** A name (with or without diacritics), a phone number in any common form, or an ID number. */
    VisitQuery search(String q, PersonalData personal) {
        if (q == null || q.isBlank()) {
            return this;
        }
        if (q.length() > 100) {
            throw ApiException.badRequest("invalid-request", "q must be at most 100 characters").with("field", "q");
        }
        StringBuilder any = new StringBuilder(" and (");
        String folded = Names.fold(q);
        int n = next();
        any.append("r.name_folded like $").append(n).append(" escape '\\'");
        params.addString("%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        var phone = Phones.normalize(q);
        if (phone.isPresent()) {
            any.append(" or r.phone_hash = $").append(next());
            params.addBuffer(Buffer.buffer(personal.hash("phone", phone.get())));
        }
        var id = IdNumbers.normalize(q);
        if (id.isPresent()) {
            any.append(" or r.id_hash = $").append(next());
            params.addBuffer(Buffer.buffer(personal.hash("id", id.get())));
        }
        sql.append(any).append(')');
        return this;
    }

    VisitQuery after(String cursor) {
        if (cursor != null) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                OffsetDateTime t = OffsetDateTime.parse(parts[0]);
                UUID id = UUID.fromString(parts[1]);
                int a = next();
                sql.append(" and (v.entered_at, v.id) < ($").append(a).append(", $").append(a + 1).append(')');
                params.addOffsetDateTime(t).addUUID(id);
                // Nothing at or after the cursor's time can follow it (1 µs: the stored precision).
                OffsetDateTime past = t.plusNanos(1_000);
                if (past.isBefore(end)) {
                    end = past;
                }
            } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw ApiException.badRequest("invalid-cursor", "cursor is not one this server gave out");
            }
        }
        return this;
    }

    VisitQuery page(int limit) {
        sql.append(" order by v.entered_at desc, v.id desc limit ").append(limit);
        return this;
    }

    VisitQuery newestFirst() {
        sql.append(" order by v.entered_at desc, v.id desc");
        return this;
    }

    static String cursor(OffsetDateTime enteredAt, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((enteredAt.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private int next() {
        return params.size() + 1;
    }

    private static OffsetDateTime time(String text, String field) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-time", field + " must be an ISO-8601 time with an offset")
                    .with("field", field);
        }
    }
}
