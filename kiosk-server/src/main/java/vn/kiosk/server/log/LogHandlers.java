package vn.kiosk.server.log;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.events.Occupancy;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.http.Respond;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.VisitIds;
import vn.kiosk.server.export.Labels;
import java.time.Clock;

/** Reading the log: pages, CSV export, who is inside now. */
public final class LogHandlers {
    private static final int DEFAULT_LIMIT = 50;
    private static final java.util.Set<String> BLUEZONE = java.util.Set.of("qr_confirmed", "declared",
            "installed_on_site", "not_installed", "no_smartphone", "unknown");
    private static final String OCCUPANCY = "select p.visit_id, p.entered_at, p.visitor_id, r.name, r.phone_masked"
            + " from presence p join visitors r on r.id = p.visitor_id where p.site_id = $1 order by p.entered_at";
    private static final String ONE = "select " + VisitQuery.COLUMNS + ", v.consent_version, v.consent_method, v.cccd_extra"
            + " from visits v join visitors r on r.id = v.visitor_id where v.site_id = $1 and v.id = $2"
            + " and v.entered_at >= $3 and v.entered_at < $4"; // the id's bounds (VisitIds): a few daily partitions
    private static final String AUDIT = "insert into audit_log (user_id, action, site_id, detail, row_count)"
            + " values ($1, $2, $3, $4, $5)";
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Pool pool;
    private final Pool reads;
    private final SiteAccess access;
    private final PersonalData personal;
    private final Occupancy occupancy;
    private final Clock clock;

    /** {@code reads} may lag {@code pool} (a read replica): the log itself; audits and occupancy use {@code pool}. */
    public LogHandlers(Pool pool, Pool reads, SiteAccess access, PersonalData personal, Occupancy occupancy, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.reads = reads;
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
                    .compose(site -> newest(q, limit + 1, q.end, 0, new ArrayList<>()))
                    .map(rows -> {
                        JsonArray items = new JsonArray();
                        String next = null;
                        for (Row r : rows) {
                            if (items.size() == limit) {
                                JsonObject last = items.getJsonObject(limit - 1);
                                next = VisitQuery.cursor(OffsetDateTime.parse(last.getString("enteredAt")),
                                        java.util.UUID.fromString(last.getString("id")));
                                break;
                            }
                            items.add(visit(r));
                        }
                        return new JsonObject().put("items", items).put("next", next);
                    }));
        });
    }

    /**
     * One visit as a row of the log. A live log fetches it when an event names a visit: the event carries the
     * name but not the masked phone and ID the row shows (kiosks receive events too). Read from {@code pool},
     * not {@code reads}: the event follows the commit at once, a replica may not have the row yet.
     */
    public void one(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER, Role.GUARD);
            long siteId = Respond.pathLong(ctx, "siteId");
            java.util.UUID visitId = java.util.UUID.fromString(ctx.pathParam("visitId"));
            Respond.async(ctx, 200, access.visible(p, siteId)
                    .compose(site -> pool.preparedQuery(ONE).execute(Tuple.of(siteId, visitId,
                            VisitIds.earliest(visitId), VisitIds.latest(visitId))))
                    .map(rows -> {
                        if (!rows.iterator().hasNext()) {
                            throw ApiException.notFound("Visit " + visitId);
                        }
                        Row r = rows.iterator().next();
                        // the consent the visit was made under, and a CCCD's details where the site keeps them
                        io.vertx.core.buffer.Buffer extra = r.getBuffer("cccd_extra");
                        JsonObject visit = visit(r);
                        if (r.getString("consent_method") != null) {
                            visit.put("consent", new JsonObject().put("version", r.getInteger("consent_version"))
                                    .put("method", r.getString("consent_method")));
                        }
                        if (extra != null) {
                            visit.put("cccd", new JsonObject(personal.decrypt(extra.getBytes())));
                        }
                        return visit;
                    }));
        });
    }

    /** How far back each look-up of a page reaches: the newest day first, then wider. */
    private static final Duration[] SPANS = {Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)};

    /**
     * The newest {@code want} rows of the query, asked newest day first and then over wider spans until the
     * page is full or the range is done. visits is partitioned by day: a look-up over the whole range plans
     * and opens every partition (about 15 ms over 90 days), one over a day only one or two, and at a busy
     * site the first day fills the page. Each span is older than the one before, so the rows stay in order.
     */
    private Future<List<Row>> newest(VisitQuery q, int want, OffsetDateTime to, int step, List<Row> got) {
        if (!to.isAfter(q.start) || got.size() >= want) {
            return Future.succeededFuture(got);
        }
        OffsetDateTime from = step < SPANS.length ? to.minus(SPANS[step]) : q.start;
        if (from.isBefore(q.start)) {
            from = q.start;
        }
        OffsetDateTime lo = from;
        return reads.preparedQuery(q.sql.toString()).execute(q.over(lo, to)).compose(rows -> {
            for (Row r : rows) {
                if (got.size() < want) {
                    got.add(r);
                }
            }
            return newest(q, want, lo, step + 1, got);
        });
    }

    public void csv(RoutingContext ctx) {
        Respond.guarded(ctx, () -> {
            Principal p = Authenticator.require(ctx, Role.ADMIN, Role.OFFICER, Role.MANAGER);
            VisitQuery q = query(ctx).newestFirst();
            long siteId = Respond.pathLong(ctx, "siteId");
            access.visible(p, siteId).compose(site -> stream(ctx, site, q)).compose(count ->
                    pool.preparedQuery(AUDIT).execute(Tuple.of(p.userId(), "export_csv", siteId,
                            new JsonObject().put("from", ctx.request().getParam("from"))
                                    .put("to", ctx.request().getParam("to")).put("filtered", ctx.request().getParam("q") != null),
                            count))).onFailure(t -> {
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
        return reads.withTransaction(conn -> conn.prepare(q.sql.toString()).compose(ps -> {
            HttpServerResponse res = ctx.response().setChunked(true)
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"visits-site-" + site.id() + ".csv\"")
                    .putHeader("Cache-Control", "no-store");
            res.write("\uFEFF" + line("Mã lượt / Visit", "Họ tên / Name", "Điện thoại / Phone", "Giấy tờ / ID",
                    "Vào lúc / Entered", "Ra lúc / Exited", "Ra tự động / Exit inferred", "Cổng vào / Gate in",
                    "Cổng ra / Gate out", "Cách ghi / Method", "Bluezone"));
            io.vertx.core.Promise<Integer> done = io.vertx.core.Promise.promise();
            var stream = ps.createStream(500, q.params);
            stream.exceptionHandler(done::tryFail);
            stream.endHandler(v -> {
                res.end();
                done.tryComplete(count.get());
            });
            stream.handler(r -> {
                count.incrementAndGet();
                res.write(line(r.getUUID("id").toString(), r.getString("name"), nz(r.getString("phone_masked")),
                        nz(r.getString("id_masked")), local(r.getOffsetDateTime("entered_at"), zone),
                        local(r.getOffsetDateTime("exited_at"), zone), r.getBoolean("exit_inferred") ? "có / yes" : "",
                        nz(r.getString("entry_gate")), nz(r.getString("exit_gate")),
                        Labels.method(r.getString("entry_method")),
                        Labels.bluezone(r.getString("bluezone"))));
                if (res.writeQueueFull()) {
                    stream.pause();
                    res.drainHandler(x -> stream.resume());
                }
            });
            return done.future();
        }));
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
            return pool.preparedQuery(OCCUPANCY).execute(Tuple.of(site.id())).map(rows -> {
                OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                JsonArray visitors = new JsonArray();
                for (Row r : rows) {
                    OffsetDateTime in = r.getOffsetDateTime("entered_at");
                    visitors.add(new JsonObject().put("visitId", r.getUUID("visit_id").toString())
                            .put("enteredAt", in.toString())
                            .put("minutesInside", Math.max(0, Duration.between(in, now).toMinutes()))
                            .put("visitor", new JsonObject().put("id", r.getLong("visitor_id"))
                                    .put("name", r.getString("name")).put("phoneMasked", r.getString("phone_masked"))));
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

    static JsonObject visit(Row r) {
        OffsetDateTime exited = r.getOffsetDateTime("exited_at");
        return new JsonObject().put("id", r.getUUID("id").toString())
                .put("visitor", new JsonObject().put("id", r.getLong("visitor_id")).put("name", r.getString("name"))
                        .put("phoneMasked", r.getString("phone_masked")).put("idMasked", r.getString("id_masked")))
                .put("enteredAt", r.getOffsetDateTime("entered_at").toString())
                .put("exitedAt", exited == null ? null : exited.toString())
                .put("exitInferred", r.getBoolean("exit_inferred"))
                .put("entryMissing", r.getBoolean("entry_missing"))
                .put("bluezone", r.getString("bluezone")).put("bluezoneId", r.getString("bluezone_id"))
                .put("method", r.getString("entry_method")).put("exitMethod", r.getString("exit_method"))
                .put("gate", r.getString("entry_gate")).put("exitGate", r.getString("exit_gate"));
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
