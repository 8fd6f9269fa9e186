package vn.kiosk.server.log;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.events.Occupancy;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.log.VisitLogStore.Visit;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.export.Labels;
import java.time.Clock;

/** Reading the log: pages, CSV export, who is inside now. */
public final class LogHandlers {
    private static final int DEFAULT_LIMIT = 50;
    private static final java.util.Set<String> BLUEZONE = java.util.Set.of("qr_confirmed", "declared",
            "installed_on_site", "not_installed", "no_smartphone", "unknown");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final VisitLogStore visits;
    private final SiteAccess access;
    private final PersonalData personal;
    private final Occupancy occupancy;
    private final Clock clock;

    public LogHandlers(VisitLogStore visits, SiteAccess access, PersonalData personal, Occupancy occupancy, Clock clock) {
        this.clock = clock;
        this.visits = visits;
        this.access = access;
        this.personal = personal;
        this.occupancy = occupancy;
    }

    public void list(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            var req = ctx.request();
            int limit = QueryParams.integer(req.getParam("limit"), "limit", DEFAULT_LIMIT, 1, 500);
            VisitQuery q = query(ctx).after(req.getParam("cursor"))
                    .inside(QueryParams.bool(req.getParam("inside"), "inside"))
                    .page(limit + 1);
            Respond.async(ctx, 200, access.visible(p, Respond.pathLong(ctx, "siteId"))
                    .compose(site -> visits.newest(q, limit + 1))
                    .map(rows -> {
                        JsonArray items = new JsonArray();
                        String next = null;
                        for (Visit v : rows) {
                            if (items.size() == limit) {
                                Visit last = rows.get(limit - 1);
                                next = VisitQuery.cursor(last.enteredAt(), last.id());
                                break;
                            }
                            items.add(visit(v));
                        }
                        return new JsonObject().put("items", items).put("next", next);
                    }));
        });
    }

    /**
     * One visit as a row of the log. A live log fetches it when an event names a visit: the event carries the
     * name but not the masked phone and ID the row shows (kiosks receive events too).
     */
    public void one(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            long siteId = Respond.pathLong(ctx, "siteId");
            java.util.UUID visitId = java.util.UUID.fromString(ctx.pathParam("visitId"));
            Respond.async(ctx, 200, access.visible(p, siteId)
                    .compose(site -> visits.one(siteId, visitId))
                    .map(found -> {
                        if (found.isEmpty()) {
                            throw ApiException.notFound("Visit " + visitId);
                        }
                        VisitLogStore.Detail d = found.get();
                        // the consent the visit was made under, and a CCCD's details where the site keeps them
                        JsonObject visit = visit(d.visit());
                        if (d.consentMethod() != null) {
                            visit.put("consent", new JsonObject().put("version", d.consentVersion())
                                    .put("method", d.consentMethod()));
                        }
                        if (d.cccdExtra() != null) {
                            visit.put("cccd", new JsonObject(personal.decrypt(d.cccdExtra())));
                        }
                        return visit;
                    }));
        });
    }

    public void csv(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            VisitQuery q = query(ctx).newestFirst();
            long siteId = Respond.pathLong(ctx, "siteId");
            access.visible(p, siteId).compose(site -> stream(ctx, site, q)).compose(count ->
                    visits.audit(p.userId(), "export_csv", siteId,
                            new JsonObject().put("from", ctx.request().getParam("from"))
                                    .put("to", ctx.request().getParam("to")).put("filtered", ctx.request().getParam("q") != null),
                            count)).onFailure(t -> {
                                if (!ctx.response().headWritten()) {
                                    ctx.fail(t);
                                } else {
                                    ctx.response().reset();
                                }
                            });
        });
    }

    private Future<Integer> stream(RoutingContext ctx, Site site, VisitQuery q) {
        ZoneId zone = site.zone();
        AtomicInteger count = new AtomicInteger();
        return visits.stream(q, stream -> {
            HttpServerResponse res = ctx.response().setChunked(true)
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"visits-site-" + site.id() + ".csv\"")
                    .putHeader("Cache-Control", "no-store");
            res.write("\uFEFF" + line("Mã lượt / Visit", "Họ tên / Name", "Điện thoại / Phone", "Giấy tờ / ID",
                    "Vào lúc / Entered", "Ra lúc / Exited", "Ra tự động / Exit inferred", "Cổng vào / Gate in",
                    "Cổng ra / Gate out", "Cách ghi / Method", "Bluezone"));
            io.vertx.core.Promise<Integer> done = io.vertx.core.Promise.promise();
            stream.exceptionHandler(done::tryFail);
            stream.endHandler(v -> {
                res.end();
                done.tryComplete(count.get());
            });
            stream.handler(v -> {
                count.incrementAndGet();
                res.write(line(v.id().toString(), v.name(), nz(v.phoneMasked()), nz(v.idMasked()),
                        local(v.enteredAt(), zone), local(v.exitedAt(), zone), v.exitInferred() ? "có / yes" : "",
                        nz(v.entryGate()), nz(v.exitGate()), Labels.method(v.entryMethod()),
                        Labels.bluezone(v.bluezone())));
                if (res.writeQueueFull()) {
                    stream.pause();
                    res.drainHandler(x -> stream.resume());
                }
            });
            return done.future();
        });
    }

    /**
     * Who is inside now, longest first, with the count; {@code visitors=false} gives the count alone, from the
     * in-memory count ({@link Occupancy}) without reading the list.
     */
    public void occupancy(RoutingContext ctx) {
        Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD, Role.KIOSK);
        boolean list = !Boolean.FALSE.equals(QueryParams.bool(ctx.request().getParam("visitors"), "visitors"));
        Respond.async(ctx, 200, access.visible(p, Respond.pathLong(ctx, "siteId")).compose(site -> {
            Future<Integer> counted = occupancy.inside(site.id()); // and counted from now on
            if (!list) {
                return counted.map(n -> summary(site, n, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
            }
            return visits.inside(site.id()).map(rows -> {
                OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                JsonArray visitors = new JsonArray();
                for (VisitLogStore.Inside r : rows) {
                    OffsetDateTime in = r.enteredAt();
                    visitors.add(new JsonObject().put("visitId", r.visitId().toString())
                            .put("enteredAt", in.toString())
                            .put("minutesInside", Math.max(0, Duration.between(in, now).toMinutes()))
                            .put("visitor", new JsonObject().put("id", r.visitorId())
                                    .put("name", r.name()).put("phoneMasked", r.phoneMasked())));
                }
                return summary(site, visitors.size(), now).put("visitors", visitors);
            });
        }));
    }

    /** {@code asOf} is the server's time, so that a console can count minutes inside by its own clock. */
    private static JsonObject summary(Site site, int inside, OffsetDateTime now) {
        boolean over = site.capacity() != null && inside >= site.capacity();
        return new JsonObject().put("siteId", site.id()).put("inside", inside).put("capacity", site.capacity())
                .put("atCapacity", over).put("asOf", now.toString());
    }

    private VisitQuery query(RoutingContext ctx) {
        var req = ctx.request();
        return new VisitQuery(Respond.pathLong(ctx, "siteId"), req.getParam("from"), req.getParam("to"))
                .bluezone(QueryParams.oneOf(req.getParam("bluezone"), "bluezone", BLUEZONE))
                .gate(QueryParams.text(req.getParam("gate"), "gate", 100)).search(req.getParam("q"), personal);
    }

    static JsonObject visit(Visit v) {
        OffsetDateTime exited = v.exitedAt();
        return new JsonObject().put("id", v.id().toString())
                .put("visitor", new JsonObject().put("id", v.visitorId()).put("name", v.name())
                        .put("phoneMasked", v.phoneMasked()).put("idMasked", v.idMasked()))
                .put("enteredAt", v.enteredAt().toString())
                .put("exitedAt", exited == null ? null : exited.toString())
                .put("exitInferred", v.exitInferred())
                .put("entryMissing", v.entryMissing())
                .put("bluezone", v.bluezone()).put("bluezoneId", v.bluezoneId())
                .put("method", v.entryMethod()).put("exitMethod", v.exitMethod())
                .put("gate", v.entryGate()).put("exitGate", v.exitGate());
    }

    private static String line(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            // A cell that starts like a formula would run as one in Excel.
            if (!cells[i].isEmpty() && "=+-@\t\r".indexOf(cells[i].charAt(0)) >= 0) {
                cells[i] = "'" + cells[i];
            }
        }
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(cells);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String local(OffsetDateTime t, ZoneId zone) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(CSV_TIME);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
