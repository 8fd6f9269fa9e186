package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.PersonalData;

/**
 * The queue of visitors' requests: each with its deadline from the moment it was received, its state
 * (received → in_progress → done | refused with a reason), who handled it and what was done.
 */
public final class Requests {
    /**
     * Time to act, from receipt. 72 hours for deletion is the practice the law's guidance cites; the same
     * for the other three keeps one rule at the desk (and withdrawal already takes effect when it is filed).
     */
    public static final Map<String, Duration> DEADLINES = Map.of("access", Duration.ofHours(72),
            "correction", Duration.ofHours(72), "deletion", Duration.ofHours(72), "withdrawal", Duration.ofHours(72));
    static final List<String> FINAL = List.of("done", "refused");
    /** Open requests one person may have of one type: enough for a real need, not for flooding the queue. */
    static final int MAX_OPEN_PER_TYPE = 1;

    private static final String COLUMNS = "q.id, q.type, q.state, q.visitor_id, q.site_ids, q.channel, q.detail_enc,"
            + " q.received_at, q.due_at, q.filed_by, q.handled_by, q.handled_at, q.outcome, q.subject_erased,"
            + " r.name, r.phone_masked, r.id_masked, f.username as filed_by_name, hu.username as handled_by_name";
    private static final String FROM = " from privacy_requests q left join visitors r on r.id = q.visitor_id"
            + " left join users f on f.id = q.filed_by left join users hu on hu.id = q.handled_by";
    private static final String INSERT = "insert into privacy_requests (type, visitor_id, site_ids, channel, detail_enc,"
            + " received_at, due_at, filed_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id";
    private static final String OPEN_OF_TYPE = "select count(*)::int from privacy_requests where visitor_id = $1"
            + " and type = $2 and state in ('received', 'in_progress')";
    // $1: the sites the caller sees (null: all); $2: only open ones
    private static final String LIST = "select " + COLUMNS + FROM
            + " where ($1::bigint[] is null or q.site_ids && $1) and (not $2 or q.state in ('received', 'in_progress'))"
            + " order by (q.state in ('received', 'in_progress')) desc, q.due_at, q.id limit 500";
    private static final String ONE = "select " + COLUMNS + FROM + " where q.id = $1";
    private static final String LOCK = "select state from privacy_requests where id = $1 for update";
    private static final String MOVE = "update privacy_requests set state = $2, handled_by = $3, handled_at = $4,"
            + " outcome = coalesce($5, outcome) where id = $1";
    private static final String OF_VISITOR = "select " + COLUMNS + FROM + " where q.visitor_id = $1 order by q.id desc"
            + " limit 50";

    public record Request(long id, String type, String state, long visitorId, List<Long> siteIds, String channel,
                          OffsetDateTime dueAt, JsonObject json) {
        boolean open() {
            return !FINAL.contains(state);
        }
    }

    private final PersonalData personal;

    public Requests(PersonalData personal) {
        this.personal = personal;
    }

    /** Files a request; 409 when the person already has one of that type open. */
    public Future<Long> file(SqlClient c, String type, long visitorId, List<Long> siteIds, String channel,
                             String detail, Instant now, Long filedBy) {
        return c.preparedQuery(OPEN_OF_TYPE).execute(Tuple.of(visitorId, type)).compose(rows -> {
            if (rows.iterator().next().getInteger(0) >= MAX_OPEN_PER_TYPE) {
                return Future.failedFuture(ApiException.conflict("request-open",
                        "A request of this type is already open for this person; it will be answered by its deadline"));
            }
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            Buffer sealed = detail == null || detail.isBlank() ? null : Buffer.buffer(personal.encrypt(detail.strip()));
            return c.preparedQuery(INSERT).execute(Tuple.tuple().addString(type).addLong(visitorId)
                            .addArrayOfLong(siteIds.toArray(Long[]::new)).addString(channel).addBuffer(sealed)
                            .addOffsetDateTime(at).addOffsetDateTime(at.plus(DEADLINES.get(type))).addLong(filedBy))
                    .map(r -> r.iterator().next().getLong(0));
        });
    }

    /** Requests about the caller's sites ({@code siteIds} null: all), open ones first by deadline. */
    public Future<JsonArray> list(SqlClient c, List<Long> siteIds, boolean openOnly, Instant now) {
        Long[] ids = siteIds == null ? null : siteIds.toArray(Long[]::new);
        return c.preparedQuery(LIST).execute(Tuple.tuple().addArrayOfLong(ids).addBoolean(openOnly)).map(rows -> {
            JsonArray out = new JsonArray();
            rows.forEach(r -> out.add(from(r, now).json()));
            return out;
        });
    }

    public Future<Optional<Request>> get(SqlClient c, long id, Instant now) {
        return c.preparedQuery(ONE).execute(Tuple.of(id)).map(rows -> rows.iterator().hasNext()
                ? Optional.of(from(rows.iterator().next(), now)) : Optional.empty());
    }

    /** The person's own requests, as they see them (no staff names). */
    public Future<JsonArray> ofVisitor(SqlClient c, long visitorId, Instant now) {
        return c.preparedQuery(OF_VISITOR).execute(Tuple.of(visitorId)).map(rows -> {
            JsonArray out = new JsonArray();
            for (Row r : rows) {
                JsonObject j = from(r, now).json();
                for (String staff : List.of("filedBy", "handledBy", "person", "siteIds")) {
                    j.remove(staff);
                }
                out.add(j);
            }
            return out;
        });
    }

    /** Locks the request's row for the transition and returns its state then. */
    public Future<String> lock(SqlClient c, long id) {
        return c.preparedQuery(LOCK).execute(Tuple.of(id)).map(rows -> rows.iterator().next().getString(0));
    }

    public Future<Void> move(SqlClient c, long id, String state, long userId, Instant now, String outcome) {
        return c.preparedQuery(MOVE).execute(Tuple.of(id, state, userId, now.atOffset(ZoneOffset.UTC), outcome))
                .mapEmpty();
    }

    private Request from(Row r, Instant now) {
        List<Long> sites = List.of(r.getArrayOfLongs("site_ids"));
        OffsetDateTime due = r.getOffsetDateTime("due_at");
        String state = r.getString("state");
        boolean open = !FINAL.contains(state);
        Buffer detail = r.getBuffer("detail_enc");
        JsonObject j = new JsonObject().put("id", r.getLong("id")).put("type", r.getString("type")).put("state", state)
                .put("channel", r.getString("channel")).put("siteIds", new JsonArray(sites))
                .put("detail", detail == null ? null : personal.decrypt(detail.getBytes()))
                .put("receivedAt", Subjects.text(r, "received_at")).put("dueAt", due.toString())
                .put("overdue", open && now.isAfter(due.toInstant()))
                .put("hoursLeft", open ? Duration.between(now, due.toInstant()).toHours() : null)
                .put("filedBy", r.getString("filed_by_name")).put("handledBy", r.getString("handled_by_name"))
                .put("handledAt", Subjects.text(r, "handled_at")).put("outcome", r.getString("outcome"))
                .put("subjectErased", r.getBoolean("subject_erased"))
                .put("person", new JsonObject().put("id", r.getLong("visitor_id")).put("name", r.getString("name"))
                        .put("phoneMasked", r.getString("phone_masked")).put("idMasked", r.getString("id_masked")));
        return new Request(r.getLong("id"), r.getString("type"), state, r.getLong("visitor_id"), sites,
                r.getString("channel"), due, j);
    }
}
