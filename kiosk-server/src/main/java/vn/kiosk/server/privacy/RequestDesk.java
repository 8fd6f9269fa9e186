package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;

/**
 * Staff's side of the requests: find the person who asks at the desk, file for them, and work the queue.
 * Completing a deletion, withdrawal or correction changes the person's data at every site, so it needs a
 * caller who sees every site of the request (an officer of the area, an admin, a manager of all of them).
 */
public final class RequestDesk {
    private static final Set<String> CHANGES_DATA = Set.of("deletion", "withdrawal", "correction");
    private static final String WITHDRAW = "update visitors set consent_withdrawn_at = $2 where id = $1";

    private final Pool pool;
    private final Subjects subjects;
    private final Requests requests;
    private final Erasure erasure;
    private final Audit audit;
    private final Scope scope;
    private final Clock clock;

    public RequestDesk(Pool pool, Subjects subjects, Requests requests, Erasure erasure, Audit audit,
                       vn.kiosk.server.site.SiteRepository sites, Clock clock) {
        this.pool = pool;
        this.subjects = subjects;
        this.requests = requests;
        this.erasure = erasure;
        this.audit = audit;
        this.scope = new Scope(sites);
        this.clock = clock;
    }

    /** {@code POST /api/v1/privacy/people} {pass | phone | idNumber}: the person, if they visited the caller's sites. */
    public void find(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            JsonObject body = Respond.body(ctx);
            Respond.async(ctx, 200, subjects.find(body).compose(found -> found.isEmpty() ? Future.failedFuture(noOne())
                    : visibleSubject(p, found.get()).compose(sv -> audit.write(pool, p.userId(), "privacy.lookup", null,
                            new JsonObject().put("visitorId", sv.visitorId()), null).map(v -> sv.answer()))));
        });
    }

    /** {@code POST /api/v1/privacy/requests} {visitorId, type, detail}: filed at the desk for the person. */
    public void file(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            JsonObject body = Respond.body(ctx);
            long visitorId = body.getLong("visitorId");
            String type = body.getString("type");
            Instant now = clock.instant();
            Respond.async(ctx, 201, visibleSubject(p, visitorId).compose(sv -> pool.withTransaction(c ->
                    requests.file(c, type, visitorId, sv.allSites(), "desk", body.getString("detail"), now, p.userId())
                            .compose(id -> withdrawIf(c, type, visitorId, now)
                                    .compose(v -> audit.write(c, p.userId(), "privacy.request_filed", null, new JsonObject()
                                            .put("requestId", id).put("type", type).put("channel", "desk")
                                            .put("visitorId", visitorId), null))
                                    .compose(v -> requests.get(c, id, now))))
                    .map(r -> r.orElseThrow().json())));
        });
    }

    /** {@code GET /api/v1/privacy/requests?state=open|all}: the caller's queue, open ones first by deadline. */
    public void list(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            boolean openOnly = !"all".equals(ctx.request().getParam("state"));
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(ids -> requests.list(pool, ids, openOnly, now)).map(items -> {
                long overdue = items.stream().filter(o -> ((JsonObject) o).getBoolean("overdue")).count();
                return new JsonObject().put("items", items).put("overdue", overdue).put("now", now.toString());
            }));
        });
    }

    /** {@code PATCH /api/v1/privacy/requests/{requestId}} {state, outcome, correction}. */
    public void update(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "requestId");
            JsonObject body = Respond.body(ctx);
            String to = body.getString("state");
            String outcome = body.getString("outcome") == null ? null : body.getString("outcome").strip();
            if ("refused".equals(to) && (outcome == null || outcome.isEmpty())) {
                throw ApiException.unprocessable("reason-required", "A refusal needs its reason in outcome")
                        .with("field", "outcome");
            }
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(mine -> pool.withTransaction(c -> requests.get(c, id, now)
                    .compose(found -> {
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
                            Future<JsonObject> done = "done".equals(to) ? apply(c, p, r, body, now)
                                    : Future.succeededFuture(new JsonObject());
                            return done.compose(what -> requests.move(c, id, to, p.userId(), now, outcome)
                                    .compose(v -> audit.write(c, p.userId(), "privacy.request_state", null, what
                                            .put("requestId", id).put("type", r.type()).put("from", from).put("to", to),
                                            null)));
                        }).compose(v -> requests.get(c, id, now)).map(q -> q.orElseThrow().json());
                    }))));
        });
    }

    /** {@code GET /api/v1/privacy/requests/{requestId}/data}: what is held about the person, for an access request. */
    public void data(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "requestId");
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(mine -> requests.get(pool, id, now).compose(found -> {
                Requests.Request r = found.filter(q -> Scope.seesAny(mine, q.siteIds()))
                        .orElseThrow(() -> ApiException.notFound("Request " + id));
                return subjects.require(r.visitorId()).compose(person -> subjects.visits(r.visitorId(),
                        SelfService.VISITS_SHOWN).compose(visits -> {
                            JsonArray shown = new JsonArray(visits.stream().filter(v -> mine == null
                                    || mine.contains(((JsonObject) v).getLong("siteId"))).toList());
                            return audit.write(pool, p.userId(), "privacy.access_export", null, new JsonObject()
                                    .put("requestId", id).put("visitorId", r.visitorId()), shown.size())
                                    .map(v -> new JsonObject().put("request", r.json()).put("person", person.toJson())
                                            .put("visits", shown).put("exportedAt", now.toString()));
                        }));
            })));
        });
    }

    /** What "done" does: the erasure or correction, inside the transaction that closes the request. */
    private Future<JsonObject> apply(SqlClient c, Principal p, Requests.Request r, JsonObject body, Instant now) {
        if (r.type().equals("correction")) {
            JsonObject correction = body.getJsonObject("correction");
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

    private Future<Void> withdrawIf(SqlClient c, String type, long visitorId, Instant now) {
        return "withdrawal".equals(type)
                ? c.preparedQuery(WITHDRAW).execute(Tuple.of(visitorId, now.atOffset(ZoneOffset.UTC))).mapEmpty()
                : Future.succeededFuture();
    }

    private record Visible(long visitorId, Subjects.Person person, List<Long> allSites, JsonArray mySites) {
        JsonObject answer() {
            return new JsonObject().put("person", person.toJson()).put("sites", mySites);
        }
    }

    /** The person and their sites; 404 when they have no visit at a site the caller sees. */
    private Future<Visible> visibleSubject(Principal p, long visitorId) {
        return scope.siteIds(p).compose(mine -> subjects.person(pool, visitorId).compose(person -> {
            if (person.isEmpty()) {
                return Future.failedFuture(noOne());
            }
            return subjects.sites(pool, visitorId).compose(sites -> {
                JsonArray shown = new JsonArray();
                for (long[] s : sites) {
                    if (mine == null || mine.contains(s[0])) {
                        shown.add(new JsonObject().put("siteId", s[0]).put("visits", s[1]));
                    }
                }
                if (shown.isEmpty() && mine != null) {
                    return Future.failedFuture(noOne());
                }
                return Future.succeededFuture(new Visible(visitorId, person.get(),
                        sites.stream().map(s -> s[0]).toList(), shown));
            });
        }));
    }

    private static ApiException noOne() {
        return ApiException.of(404, "no-data", "No data held",
                "No visit of this person is on record at the sites you see");
    }
}
