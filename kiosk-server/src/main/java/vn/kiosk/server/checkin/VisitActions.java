package vn.kiosk.server.checkin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
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
    private final VisitStore visits;
    private final SiteAccess access;
    private final Supplier<VisitWriter> writer;
    private final EventRelay relay;
    private final ServerKeys keys;

    public VisitActions(VisitStore visits, SiteAccess access, Supplier<VisitWriter> writer, EventRelay relay,
                        ServerKeys keys) {
        this.visits = visits;
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
                .compose(site -> visits.openVisitor(siteId, visitId))
                .compose(open -> {
                    if (open.isEmpty()) {
                        return Future.failedFuture(ApiException.conflict("visit-closed",
                                "That visit is not open: the visitor has already left or it does not exist"));
                    }
                    long visitorId = open.get();
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
                    .compose(site -> visits.confirm(c.siteId(), visitId, status, c.bluezoneId()))
                    .compose(marked -> {
                        if (marked.isPresent()) {
                            VisitStore.Marked m = marked.get();
                            relay.publish(Events.confirmation(c.siteId(), visitId.toString(), m.visitorId(), m.name(),
                                    Instant.now().toString(), "qr", p.gate(), status));
                            return Future.succeededFuture(result(visitId, status, m.name(), false, c.installed()));
                        }
                        return visits.visit(c.siteId(), visitId).map(again -> {
                            VisitStore.Visit v = again.orElseThrow(() -> ApiException.notFound("Visit " + visitId));
                            return result(visitId, v.bluezone(), v.name(), true, c.installed());
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
            Respond.async(ctx, 200, visits.status(c.siteId(), visitId).map(found -> {
                VisitStore.Status st = found.orElseThrow(() -> ApiException.notFound("Visit " + visitId));
                OffsetDateTime at = st.confirmedAt();
                return new JsonObject().put("confirmed", at != null).put("confirmedAt", at == null ? null : at.toString())
                        .put("bluezone", st.bluezone());
            }));
        });
    }

    /** A visitor pass for someone's visit, to print on a card for a visitor without a phone. */
    public void pass(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD);
        long siteId = Respond.pathLong(ctx, "siteId");
        UUID visitId = UUID.fromString(ctx.pathParam("visitId"));
        Respond.async(ctx, 200, access.visible(p, siteId)
                .compose(site -> visits.visit(siteId, visitId))
                .map(found -> {
                    VisitStore.Visit v = found.orElseThrow(() -> ApiException.notFound("Visit " + visitId));
                    PassClaims claims;
                    try {
                        claims = new PassClaims(v.visitorId(), v.name(), Instant.now().getEpochSecond());
                    } catch (IllegalArgumentException e) {
                        // a name stored before names were checked as the signer checks them
                        throw ApiException.unprocessable("unsignable-name", "This visitor's stored name cannot go on"
                                + " a pass: " + e.getMessage() + ". Check them in again with the name typed anew");
                    }
                    String pass = VisitorPass.issue(claims, keys.pass().getPrivate());
                    return new JsonObject().put("visitId", visitId.toString()).put("pass", pass)
                            .put("visitor", new JsonObject().put("id", v.visitorId()).put("name", v.name()));
                }));
    }

    /** A guard sets the status by hand, e.g. installed on site after helping. */
    public void markBluezone(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.MANAGER, Role.GUARD, Role.KIOSK);
        long siteId = Respond.pathLong(ctx, "siteId");
        UUID visitId = UUID.fromString(ctx.pathParam("visitId"));
        JsonObject b = Respond.body(ctx);
        Respond.async(ctx, 200, access.visible(p, siteId)
                .compose(site -> visits.mark(siteId, visitId, b.getString("status"), b.getString("bluezoneId")))
                .map(found -> {
                    VisitStore.Marked m = found.orElseThrow(() -> ApiException.notFound("Visit " + visitId));
                    relay.publish(Events.confirmation(siteId, visitId.toString(), m.visitorId(), m.name(),
                            Instant.now().toString(), "guard", p.gate(), b.getString("status")));
                    return new JsonObject().put("visitId", visitId.toString()).put("bluezone", b.getString("status"));
                }));
    }

    private static JsonObject result(UUID visitId, String status, String name, boolean already, boolean installed) {
        return new JsonObject().put("visitId", visitId.toString()).put("bluezone", status)
                .put("installed", installed).put("visitor", new JsonObject().put("name", name))
                .put("alreadyConfirmed", already);
    }
}
