package vn.kiosk.server.checkin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.kiosk.qr.Confirmation;
import vn.kiosk.qr.ConfirmationClaims;
import vn.kiosk.qr.PassClaims;
import vn.kiosk.qr.VisitorPass;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.privacy.Consents;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.ServerKeys;
import vn.kiosk.server.visitor.VisitIds;
import java.time.Clock;

/**
 * {@code POST /api/v1/checkins}: every way in or out. Resolves who asks (a
 * site token, a kiosk, a guard) and who the visitor is, hands one command to
 * the visit writer, and answers after COMMIT.
 */
public final class CheckinHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CheckinHandler.class);

    private final Clock clock;
    private final SiteAccess access;
    private final Supplier<VisitWriter> writer;
    private final EventRelay relay;
    private final ServerKeys keys;
    private final RateLimiter limiter;
    private final boolean limitStaff;
    private final SiteTokens tokens;
    private final Consents consents;

    public CheckinHandler(Clock clock, SiteAccess access, Supplier<VisitWriter> writer, EventRelay relay,
                          ServerKeys keys, RateLimiter limiter, boolean limitStaff, SiteTokens tokens,
                          Consents consents) {
        this.consents = consents;
        this.clock = clock;
        this.access = access;
        this.writer = writer;
        this.relay = relay;
        this.keys = keys;
        this.limiter = limiter;
        this.limitStaff = limitStaff;
        this.tokens = tokens;
    }

    public void handle(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            CheckinRequest request = CheckinRequest.parse(json(ctx));
            OffsetDateTime occurredAt = occurredAt(request.occurredAt(), OffsetDateTime.now(clock));
            VisitorIdentity visitor = VisitorIdentity.from(request, keys.personal(), keys.pass().getPublic());
            List<VisitorIdentity> dependants = Dependants.identify(request, keys.personal(), keys.pass().getPublic());
            Future<JsonObject> answer = origin(ctx, request).compose(origin -> {
                boolean self = "self".equals(origin.method()) || "poster".equals(origin.method());
                if (self || limitStaff) {
                    limit(ctx, origin, visitor);
                }
                if (self && visitor.phone() == null && visitor.visitorId() == null) {
                    throw ApiException.unprocessable("phone-required",
                            "A self check-in needs a phone number (or a visitor pass)").with("field", "visitor.phone");
                }
                if (self && visitor.idNumber() != null) {
                    // Typed, it would be a claim on whoever holds that number: staff record it, or the card is read.
                    throw ApiException.unprocessable("id-number-not-self-declared",
                            "An ID number is recorded by staff or read from the card, not typed at a self check-in")
                            .with("field", "visitor.idNumber");
                }
                String direction = direction(request.direction(), origin.kioskMode());
                Consents.Caller caller = self ? Consents.Caller.SELF
                        : origin.kioskId() != null ? Consents.Caller.KIOSK : Consents.Caller.STAFF;
                return consents.resolve(request.consent(), caller, origin.site(), visitor.visitorId(), direction,
                        request.occurredAt() != null).compose(consent -> {
                            // the visitor consents for those who come with them, recorded on each visit
                            CheckinCommand.Consent given = new CheckinCommand.Consent(consent.version(),
                                    consent.method(), consent.controller());
                            CheckinCommand command = command(request, origin, visitor, occurredAt, self, given);
                            ctx.put(vn.kiosk.server.metrics.KioskMetrics.CHECKIN_METHOD, command.act().method());
                            Function<CheckinCommand, Future<JsonObject>> submit = c -> writer.get().submit(c)
                                    .map(result -> reply(result, origin, c.act()));
                            return submit.apply(command).compose(lead -> Dependants.record(request, dependants, lead,
                                    (r, who) -> command(r, origin, who, occurredAt, self, given), submit))
                                    .map(json -> json.put("consent", consent.toJson()));
                        });
            });
            answer.onSuccess(json -> Respond.json(ctx, json.getBoolean("replay") ? 200 : 201, clean(json)))
                    .onFailure(ctx::fail);
        });
    }

    private CheckinCommand command(CheckinRequest request, SiteTokens.Origin origin, VisitorIdentity visitor,
                                   OffsetDateTime occurredAt, boolean self, CheckinCommand.Consent consent) {
        String method = "manual".equals(visitor.method()) ? origin.method() : visitor.method();
        String askedGate = request.gate() == null ? origin.gate() : request.gate();
        String gate = askedGate == null || askedGate.isBlank() ? null : askedGate.strip();
        byte[] digest = RequestDigest.of(origin.site().id(), request, visitor,
                request.occurredAt() == null ? null : occurredAt);
        return new CheckinCommand(
                new CheckinCommand.Asker(origin.site().id(), origin.kioskId(), origin.userId()),
                new CheckinCommand.Visitor(visitor.visitorId(), visitor.name(),
                        vn.kiosk.server.visitor.Names.fold(visitor.name()), visitor.phone(), visitor.idNumber(),
                        self && "manual".equals(visitor.method()), cccdExtra(visitor, origin.site())),
                new CheckinCommand.Act(request.id(), direction(request.direction(), origin.kioskMode()), occurredAt,
                        method, gate, request.bluezoneStatus(), request.bluezoneId(), VisitIds.next(), digest, null),
                consent);
    }

    /** The body as JSON (checked by {@link CheckinSchema}, not by the OpenAPI router: see there). */
    private static JsonObject json(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.regionMatches(true, 0, "application/json", 0, 16)) {
            throw ApiException.badRequest("invalid-request", "Send the check-in as application/json");
        }
        if (ctx.body() == null || ctx.body().length() == 0) {
            throw ApiException.badRequest("invalid-request", "The request body is required");
        }
        JsonObject parsed;
        try {
            parsed = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            throw ApiException.badRequest("malformed-json", "The body is not valid JSON");
        }
        if (parsed == null) {
            throw ApiException.badRequest("invalid-request", "The body must be a JSON object");
        }
        return parsed;
    }

    private Future<SiteTokens.Origin> origin(RoutingContext ctx, CheckinRequest request) {
        String siteToken = request.siteToken();
        if (siteToken != null) {
            return tokens.resolve(siteToken);
        }
        Principal p = Authenticator.principal(ctx);
        if (p == null) {
            return Future.failedFuture(ApiException.unauthorized("Sign in, or check in with the site's QR code"));
        }
        if (!p.is(Role.ADMIN, Role.MANAGER, Role.GUARD, Role.KIOSK)) {
            return Future.failedFuture(ApiException.forbidden("Your role does not record check-ins"));
        }
        Long siteId = request.siteId();
        if (siteId == null && (p.isKiosk() || p.siteIds().size() == 1)) {
            siteId = p.siteIds().iterator().next();
        }
        if (siteId == null) {
            return Future.failedFuture(ApiException.unprocessable("site-required", "Give siteId or siteToken")
                    .with("field", "siteId"));
        }
        return access.visible(p, siteId).map(site -> new SiteTokens.Origin(site, "manual", p.kioskId(), p.userId(),
                p.gate(), p.kioskMode()));
    }

    private void limit(RoutingContext ctx, SiteTokens.Origin origin, VisitorIdentity visitor) {
        // Per code, not per token string: every rotating step and every session of one kiosk (or of one site's
        // posters) shares one count, so minting new sessions does not buy new check-ins.
        if ("self".equals(origin.method())) {
            limiter.hit("code:k" + origin.kioskId(), 240, "through this code");
        } else if ("poster".equals(origin.method())) {
            limiter.hit("code:p" + origin.site().id(), 240, "through this code");
        }
        String who = visitor.limitKey();
        if (who != null) {
            limiter.hit("v:" + who, 6, "for this visitor");
        }
        limiter.hit("a:" + ctx.request().remoteAddress().hostAddress(), 60, "from this address");
    }

    private JsonObject reply(CheckinResult r, SiteTokens.Origin origin, CheckinCommand.Act act) {
        String method = act.method();
        String bluezoneId = act.bluezoneId();
        JsonObject visitor = new JsonObject().put("id", r.visitorId()).put("name", r.name())
                .put("phoneMasked", r.phoneMasked());
        String pass = null;
        if (r.newVisitor() || ("self".equals(origin.method()) || "poster".equals(origin.method())) && !"pass".equals(method)) {
            pass = afterCommit("pass", () -> VisitorPass.issue(new PassClaims(r.visitorId(), r.name(),
                    r.occurredAt().toEpochSecond()), keys.pass().getPrivate()));
        }
        String confirmation = null;
        // "Installed" without the ID is still an answer: a visitor who cannot find the ID is let in as declared.
        boolean installed = r.bluezone() != null && !"not_installed".equals(r.bluezone())
                && !"no_smartphone".equals(r.bluezone());
        boolean answered = installed || "not_installed".equals(r.bluezone()) || r.bluezone() == null;
        if ("in".equals(r.direction()) && origin.userId() == null && answered) {
            // Deterministic from the stored visit, so a replay returns the same text.
            confirmation = afterCommit("confirmation", () -> Confirmation.issue(new ConfirmationClaims(
                    r.visitId().toString(), origin.site().id(), installed, installed ? bluezoneId : null,
                    r.occurredAt().toInstant().plus(Confirmation.VALIDITY).getEpochSecond()), keys.confirmation()));
        }
        if (!r.replay()) {
            relay.publishLocally(r.event(act, origin.site().id()));
        }
        return new JsonObject().put("visitId", r.visitId().toString()).put("direction", r.direction())
                .put("occurredAt", r.occurredAt().toString()).put("siteId", origin.site().id())
                .put("siteName", origin.site().name()).put("visitor", visitor).put("bluezone", r.bluezone())
                .put("pass", pass).put("confirmation", confirmation).put("replay", r.replay());
    }

    /**
     * A code made from a visit already committed: failing to make it must not turn an acknowledged write into a
     * 5xx (a kiosk would replay it for ever). Only a row stored before names were checked as the signer checks
     * them can fail here; the answer then goes without the code.
     */
    private static String afterCommit(String what, Supplier<String> code) {
        try {
            return code.get();
        } catch (IllegalArgumentException e) {
            log.warn("A stored check-in is answered without its {}: {}", what, e.getClass().getSimpleName());
            return null;
        }
    }

    /** A CCCD's birth date and address, sealed, only where the site is configured to need them; else null. */
    private byte[] cccdExtra(VisitorIdentity visitor, vn.kiosk.server.site.Site site) {
        if (visitor.card() == null || !(site.cccdBirthDate() || site.cccdAddress())) {
            return null;
        }
        JsonObject kept = new JsonObject();
        if (site.cccdBirthDate()) {
            kept.put("birthDate", visitor.card().birthDate().toString());
        }
        if (site.cccdAddress()) {
            kept.put("address", visitor.card().address());
        }
        return keys.personal().encrypt(kept.encode());
    }

    private static JsonObject clean(JsonObject json) {
        json.remove("replay");
        return json;
    }

    /** The time of a check-in: {@code now}, or the one an offline replay gives, within the window around now. */
    static OffsetDateTime occurredAt(String text, OffsetDateTime clockNow) {
        OffsetDateTime now = clockNow.withOffsetSameInstant(ZoneOffset.UTC);
        if (text == null) {
            return now.truncatedTo(ChronoUnit.MICROS);
        }
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.unprocessable("invalid-time", "occurredAt must be an ISO-8601 time with an offset")
                    .with("field", "occurredAt");
        }
        if (t.isBefore(now.minus(VisitIds.MAX_PAST)) || t.isAfter(now.plus(VisitIds.MAX_FUTURE))) {
            throw ApiException.unprocessable("time-out-of-range",
                    "occurredAt must lie within the last 72 hours and at most 2 minutes ahead").with("field", "occurredAt");
        }
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String direction(String asked, String kioskMode) {
        if (!"auto".equals(asked) || kioskMode == null) {
            return asked;
        }
        return switch (kioskMode) {
            case "entry" -> "in";
            case "exit" -> "out";
            default -> "auto";
        };
    }

}
