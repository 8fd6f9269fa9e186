package vn.kiosk.server.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final PrivacyRequestStore store;
    private final Subjects subjects;
    private final Scope scope;
    private final Clock clock;

    public RequestDesk(PrivacyRequestStore store, Subjects subjects, vn.kiosk.server.site.SiteRepository sites,
                       Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.scope = new Scope(sites);
        this.clock = clock;
    }

    /** {@code POST /api/v1/privacy/people} {pass | phone | idNumber}: the person, if they visited the caller's sites. */
    public void find(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            JsonObject body = Respond.body(ctx);
            Respond.async(ctx, 200, subjects.find(body).compose(found -> found.isEmpty() ? Future.failedFuture(noOne())
                    : visibleSubject(p, found.get()).compose(sv -> store.log(p.userId(), "privacy.lookup",
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
            Respond.async(ctx, 201, visibleSubject(p, visitorId).compose(sv -> store.fileAtDesk(type, visitorId,
                            sv.allSites(), body.getString("detail"), now, p.userId()))
                    .map(r -> r.orElseThrow().json()));
        });
    }

    /** {@code GET /api/v1/privacy/requests?state=open|all}: the caller's queue, open ones first by deadline. */
    public void list(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            boolean openOnly = !"all".equals(ctx.request().getParam("state"));
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(ids -> store.list(ids, openOnly, now)).map(items -> {
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
            Respond.async(ctx, 200, scope.siteIds(p).compose(mine -> store.move(id, to, outcome, p.userId(), mine,
                    () -> body.getJsonObject("correction"), now)).map(Requests.Request::json));
        });
    }

    /** {@code GET /api/v1/privacy/requests/{requestId}/data}: what is held about the person, for an access request. */
    public void data(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            long id = Respond.pathLong(ctx, "requestId");
            Instant now = clock.instant();
            Respond.async(ctx, 200, scope.siteIds(p).compose(mine -> store.get(id, now).compose(found -> {
                Requests.Request r = found.filter(q -> Scope.seesAny(mine, q.siteIds()))
                        .orElseThrow(() -> ApiException.notFound("Request " + id));
                return subjects.require(r.visitorId()).compose(person -> subjects.visits(r.visitorId(),
                        SelfService.VISITS_SHOWN).compose(visits -> {
                            JsonArray shown = new JsonArray(visits.stream().filter(v -> mine == null
                                    || mine.contains(((JsonObject) v).getLong("siteId"))).toList());
                            return store.log(p.userId(), "privacy.access_export", new JsonObject()
                                    .put("requestId", id).put("visitorId", r.visitorId()), shown.size())
                                    .map(v -> new JsonObject().put("request", r.json()).put("person", person.toJson())
                                            .put("visits", shown).put("exportedAt", now.toString()));
                        }));
            })));
        });
    }

    private record Visible(long visitorId, Subjects.Person person, List<Long> allSites, JsonArray mySites) {
        JsonObject answer() {
            return new JsonObject().put("person", person.toJson()).put("sites", mySites);
        }
    }

    /** The person and their sites; 404 when they have no visit at a site the caller sees. */
    private Future<Visible> visibleSubject(Principal p, long visitorId) {
        return scope.siteIds(p).compose(mine -> store.person(visitorId).compose(person -> {
            if (person.isEmpty()) {
                return Future.failedFuture(noOne());
            }
            return store.sites(visitorId).compose(sites -> {
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
