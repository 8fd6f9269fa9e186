package vn.kiosk.server.checkin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import vn.kiosk.qr.Confirmation;
import vn.kiosk.qr.ConfirmationClaims;
import vn.kiosk.qr.PassClaims;
import vn.kiosk.qr.TokenException;
import vn.kiosk.qr.VisitorPass;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.events.Events;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.ServerKeys;
import vn.kiosk.server.visitor.VisitIds;

/** What happens to a visit after check-in: a guard's exit mark, the Bluezone QR confirmation, a status mark. */
public final class VisitActions {
    /** The entry-time bounds of a visit id ({@link VisitIds}), so that one look-up names a few daily partitions. */
    static final String BOUNDED = " and v.entered_at >= $%d and v.entered_at < $%d";
    private static final String OPEN_VISIT = "select p.visitor_id from presence p where p.site_id = $1 and p.visit_id = $2";
    private static final String CONFIRM = "update visits v set bluezone = $3, bluezone_id = coalesce($4, v.bluezone_id),"
            + " confirmed_at = now() where v.site_id = $1 and v.id = $2 and v.confirmed_at is null" + BOUNDED.formatted(5, 6)
            + " returning v.visitor_id, (select name from visitors where id = v.visitor_id) as name";
    private static final String VISIT = "select v.visitor_id, v.bluezone, r.name from visits v"
            + " join visitors r on r.id = v.visitor_id where v.site_id = $1 and v.id = $2" + BOUNDED.formatted(3, 4);
    private static final String STATUS = "select v.bluezone, v.confirmed_at from visits v where v.site_id = $1 and v.id = $2"
            + BOUNDED.formatted(3, 4);
    private static final String MARK = "update visits v set bluezone = $3, bluezone_id = coalesce($4, v.bluezone_id)"
            + " where v.site_id = $1 and v.id = $2" + BOUNDED.formatted(5, 6)
            + " returning v.visitor_id, (select name from visitors where id = v.visitor_id) as name";

    private final Pool pool;
    private final SiteAccess access;
    private final Supplier<VisitWriter> writer;
    private final EventRelay relay;
    private final ServerKeys keys;

    public VisitActions(Pool pool, SiteAccess access, Supplier<VisitWriter> writer, EventRelay relay, ServerKeys keys) {
        this.pool = pool;
        this.access = access;
        this.writer = writer;
        this.relay = relay;
        this.keys = keys;
    }

    /**
     * A guard marks someone as gone; goes through the writer like any other exit, naming the visit it must end,
     * so that a second tap (or a second console) finds it closed: 409, and no exit with no entry.
     */
    public void markExit(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD, Role.KIOSK);
        long siteId = Respond.pathLong(ctx, "siteId");
        UUID visitId = UUID.fromString(ctx.pathParam("visitId"));
        String chosenGate = Respond.body(ctx).getString("gate", "").strip();
        String gate = !chosenGate.isEmpty() ? chosenGate : p.gate() == null ? "" : p.gate();
        Respond.async(ctx, 200, access.visible(p, siteId)
                .compose(site -> pool.preparedQuery(OPEN_VISIT).execute(Tuple.of(siteId, visitId)))
                .compose(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Future.failedFuture(ApiException.conflict("visit-closed",
                                "That visit is not open: the visitor has already left or it does not exist"));
                    }
                    long visitorId = rows.iterator().next().getLong("visitor_id");
                    CheckinCommand.Act exit = new CheckinCommand.Act(UUID.randomUUID(), "out",
                            OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), "manual",
                            gate, null, null, VisitIds.next(), null, visitId);
                    return writer.get().submit(new CheckinCommand(
                            new CheckinCommand.Asker(siteId, p.kioskId(), p.userId()),
                            CheckinCommand.Visitor.known(visitorId), exit)).map(r -> {
                                relay.publishLocally(r.event(exit, siteId));
                                return r;
                            });
                })
                .map(r -> new JsonObject().put("visitId", r.visitId().toString()).put("direction", r.direction())
                        .put("exitedAt", r.occurredAt().toString())));
    }

    /** The kiosk camera or a guard scanned the confirmation QR on the visitor's phone. */
    public void confirm(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD, Role.KIOSK);
            ConfirmationClaims c;
            try {
                c = Confirmation.verify(Respond.body(ctx).getString("code"), keys.confirmation(), Instant.now());
            } catch (TokenException e) {
                throw ApiException.unprocessable("invalid-confirmation",
                        "The confirmation code is expired or not genuine: " + e.getMessage());
            }
            UUID visitId = UUID.fromString(c.visitRef());
            // Without the ID there is nothing the kiosk saw to confirm: the visitor's word stays "declared".
            String status = c.declaredOnly() ? "declared" : c.installed() ? "qr_confirmed" : "not_installed";
            Respond.async(ctx, 200, access.visible(p, c.siteId())
                    .compose(site -> pool.preparedQuery(CONFIRM).execute(Tuple.of(c.siteId(), visitId, status, c.bluezoneId(),
                            VisitIds.earliest(visitId), VisitIds.latest(visitId))))
                    .compose(rows -> {
                        if (rows.iterator().hasNext()) {
                            Row r = rows.iterator().next();
                            relay.publish(Events.confirmation(c.siteId(), visitId.toString(),
                                    r.getLong("visitor_id"), r.getString("name"), Instant.now().toString(), "qr",
                                    p.gate(), status));
                            return Future.succeededFuture(result(visitId, status, r.getString("name"), false, c.installed()));
                        }
                        return pool.preparedQuery(VISIT).execute(Tuple.of(c.siteId(), visitId,
                                VisitIds.earliest(visitId), VisitIds.latest(visitId))).map(again -> {
                            if (!again.iterator().hasNext()) {
                                throw ApiException.notFound("Visit " + visitId);
                            }
                            Row r = again.iterator().next();
                            return result(visitId, r.getString("bluezone"), r.getString("name"), true, c.installed());
                        });
                    }));
        });
    }

    /**
     * The phone that shows a confirmation asks whether a kiosk or a guard has scanned it. The code itself is the key
     * (signed, five minutes, held by whoever checked in): the answer is only whether it was confirmed, and the status.
     */
    public void confirmationStatus(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            ConfirmationClaims c;
            try {
                c = Confirmation.verify(Respond.body(ctx).getString("code"), keys.confirmation(), Instant.now());
            } catch (TokenException e) {
                throw ApiException.unprocessable("invalid-confirmation",
                        "The confirmation code is expired or not genuine: " + e.getMessage()).with("field", "code");
            }
            UUID visitId = UUID.fromString(c.visitRef());
            Respond.async(ctx, 200, pool.preparedQuery(STATUS).execute(Tuple.of(c.siteId(), visitId,
                    VisitIds.earliest(visitId), VisitIds.latest(visitId))).map(rows -> {
                        if (!rows.iterator().hasNext()) {
                            throw ApiException.notFound("Visit " + visitId);
                        }
                        Row r = rows.iterator().next();
                        OffsetDateTime at = r.getOffsetDateTime("confirmed_at");
                        return new JsonObject().put("confirmed", at != null).put("confirmedAt", at == null ? null : at.toString())
                                .put("bluezone", r.getString("bluezone"));
                    }));
        });
    }

    /** A visitor pass for someone's visit, to print on a card for a visitor without a phone. */
    public void pass(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD);
        long siteId = Respond.pathLong(ctx, "siteId");
        UUID visitId = UUID.fromString(ctx.pathParam("visitId"));
        Respond.async(ctx, 200, access.visible(p, siteId)
                .compose(site -> pool.preparedQuery(VISIT).execute(Tuple.of(siteId, visitId,
                        VisitIds.earliest(visitId), VisitIds.latest(visitId))))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("Visit " + visitId);
                    }
                    Row r = rows.iterator().next();
                    PassClaims claims;
                    try {
                        claims = new PassClaims(r.getLong("visitor_id"), r.getString("name"), Instant.now().getEpochSecond());
                    } catch (IllegalArgumentException e) {
                        // a name stored before names were checked as the signer checks them
                        throw ApiException.unprocessable("unsignable-name", "This visitor's stored name cannot go on"
                                + " a pass: " + e.getMessage() + ". Check them in again with the name typed anew");
                    }
                    String pass = VisitorPass.issue(claims, keys.pass().getPrivate());
                    return new JsonObject().put("visitId", visitId.toString()).put("pass", pass)
                            .put("visitor", new JsonObject().put("id", r.getLong("visitor_id")).put("name", r.getString("name")));
                }));
    }

    /** A guard sets the status by hand, e.g. installed on site after helping. */
    public void markBluezone(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD, Role.KIOSK);
        long siteId = Respond.pathLong(ctx, "siteId");
        UUID visitId = UUID.fromString(ctx.pathParam("visitId"));
        JsonObject b = Respond.body(ctx);
        Respond.async(ctx, 200, access.visible(p, siteId)
                .compose(site -> pool.preparedQuery(MARK).execute(Tuple.of(siteId, visitId, b.getString("status"),
                        b.getString("bluezoneId"), VisitIds.earliest(visitId), VisitIds.latest(visitId))))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("Visit " + visitId);
                    }
                    Row r = rows.iterator().next();
                    relay.publish(Events.confirmation(siteId, visitId.toString(), r.getLong("visitor_id"),
                            r.getString("name"), Instant.now().toString(), "guard", p.gate(), b.getString("status")));
                    return new JsonObject().put("visitId", visitId.toString()).put("bluezone", b.getString("status"));
                }));
    }

    private static JsonObject result(UUID visitId, String status, String name, boolean already, boolean installed) {
        return new JsonObject().put("visitId", visitId.toString()).put("bluezone", status)
                .put("installed", installed).put("visitor", new JsonObject().put("name", name))
                .put("alreadyConfirmed", already);
    }
}
