package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import vn.kiosk.server.http.ApiException;

/**
 * The visitors' requests as transactions: filing one (with a withdrawal's effect) and moving one on (with what
 * "done" does to the data) each commit together with their audit entry, or not at all.
 */
public final class PrivacyRequestStore {
    /** Completing one of these changes the person's data at every site of the request. */
    static final Set<String> CHANGES_DATA = Set.of("deletion", "withdrawal", "correction");
    private static final String WITHDRAW = "update visitors set consent_withdrawn_at = $2 where id = $1";

    private final Pool pool;
    private final Subjects subjects;
    private final Requests requests;
    private final Erasure erasure;
    private final Audit audit;

    public PrivacyRequestStore(Pool pool, Subjects subjects, Requests requests, Erasure erasure, Audit audit) {
        this.pool = pool;
        this.subjects = subjects;
        this.requests = requests;
        this.erasure = erasure;
        this.audit = audit;
    }

    /** An audit entry of its own (a lookup, a view, an export), outside any transaction. */
    public Future<Void> log(Long userId, String action, JsonObject detail, Integer rows) {
        return audit.write(pool, userId, action, null, detail, rows);
    }

    public Future<Optional<Subjects.Person>> person(long visitorId) {
        return subjects.person(pool, visitorId);
    }

    /** The sites where the person has visits, each as {site id, visits}. */
    public Future<List<long[]>> sites(long visitorId) {
        return subjects.sites(pool, visitorId);
    }

    public Future<Optional<Requests.Request>> get(long id, Instant now) {
        return requests.get(pool, id, now);
    }

    /** Requests about {@code siteIds} (null: all), open ones first by deadline. */
    public Future<JsonArray> list(List<Long> siteIds, boolean openOnly, Instant now) {
        return requests.list(pool, siteIds, openOnly, now);
    }

    /** The person's own requests, as they see them. */
    public Future<JsonArray> ofVisitor(long visitorId, Instant now) {
        return requests.ofVisitor(pool, visitorId, now);
    }

    /** Filed at the desk by {@code userId} about {@code siteIds}; 409 when one of the type is open. */
    public Future<Optional<Requests.Request>> fileAtDesk(String type, long visitorId, List<Long> siteIds, String detail,
                                                         Instant now, long userId) {
        return pool.withTransaction(c -> requests.file(c, type, visitorId, siteIds, "desk", detail, now, userId)
                .compose(id -> withdrawIf(c, type, visitorId, now)
                        .compose(v -> audit.write(c, userId, "privacy.request_filed", null, new JsonObject()
                                .put("requestId", id).put("type", type).put("channel", "desk")
                                .put("visitorId", visitorId), null))
                        .compose(v -> requests.get(c, id, now))));
    }

    /** Filed by the person with their pass, about every site where they have visits (read in the transaction). */
    public Future<Requests.Request> fileBySelf(String type, long visitorId, String detail, Instant now) {
        return pool.withTransaction(c -> subjects.sites(c, visitorId).compose(sites -> requests.file(c, type, visitorId,
                        sites.stream().map(s -> s[0]).toList(), "self", detail, now, null))
                .compose(id -> withdrawIf(c, type, visitorId, now)
                        .compose(v -> audit.write(c, null, "privacy.request_filed", null, new JsonObject()
                                .put("requestId", id).put("type", type).put("channel", "self")
                                .put("visitorId", visitorId), null))
                        .compose(v -> requests.get(c, id, now)))
                .map(r -> r.orElseThrow()));
    }

    /**
     * Moves request {@code id} to state {@code to} under its row lock, doing what "done" does, audited in the same
     * transaction. 404 when it concerns none of {@code mine} (null: every site), 403 when "done" would change data
     * at sites outside them, 409 when it is closed or already in that state.
     */
    public Future<Requests.Request> move(long id, String to, String outcome, long userId, List<Long> mine,
                                         Supplier<JsonObject> correction, Instant now) {
        return pool.withTransaction(c -> requests.get(c, id, now).compose(found -> {
            Requests.Request r = found.filter(q -> Scope.seesAny(mine, q.siteIds()))
                    .orElseThrow(() -> ApiException.notFound("Request " + id));
            if ("done".equals(to) && CHANGES_DATA.contains(r.type()) && !Scope.seesAll(mine, r.siteIds())) {
                throw ApiException.forbidden("This request concerns sites outside your area; an officer of"
                        + " their area or an admin completes it");
            }
            return requests.lock(c, id).compose(from -> {
                if (Requests.FINAL.contains(from)) {
                    return Future.failedFuture(ApiException.conflict("request-closed",
                            "The request is already " + from + "; it cannot change any more"));
                }
                if (from.equals(to)) {
                    return Future.failedFuture(ApiException.conflict("request-unchanged",
                            "The request is already " + from));
                }
                Future<JsonObject> done = "done".equals(to) ? apply(c, r, correction, now)
                        : Future.succeededFuture(new JsonObject());
                return done.compose(what -> requests.move(c, id, to, userId, now, outcome)
                        .compose(v -> audit.write(c, userId, "privacy.request_state", null, what
                                .put("requestId", id).put("type", r.type()).put("from", from).put("to", to), null)));
            }).compose(v -> requests.get(c, id, now)).map(q -> q.orElseThrow());
        }));
    }

    /** What "done" does: the erasure or correction, inside the transaction that closes the request. */
    private Future<JsonObject> apply(SqlClient c, Requests.Request r, Supplier<JsonObject> asked, Instant now) {
        if (r.type().equals("correction")) {
            JsonObject correction = asked.get();
            if (correction == null) {
                throw ApiException.unprocessable("correction-required", "Say what to correct in correction")
                        .with("field", "correction");
            }
            return erasure.correct(c, r.visitorId(), correction)
                    .map(fields -> new JsonObject().put("corrected", new JsonArray(fields)));
        }
        if (r.type().equals("access")) {
            return Future.succeededFuture(new JsonObject());
        }
        return erasure.checkHolds(c, r.visitorId(), now).compose(v -> erasure.erase(c, r.visitorId()))
                .map(counts -> new JsonObject().put("erased", counts));
    }

    private static Future<Void> withdrawIf(SqlClient c, String type, long visitorId, Instant now) {
        return "withdrawal".equals(type)
                ? c.preparedQuery(WITHDRAW).execute(Tuple.of(visitorId, now.atOffset(ZoneOffset.UTC))).mapEmpty()
                : Future.succeededFuture();
    }
}
