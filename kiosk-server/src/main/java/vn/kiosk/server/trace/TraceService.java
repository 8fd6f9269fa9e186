package vn.kiosk.server.trace;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.site.Site;
import vn.kiosk.server.site.SiteRepository;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.VisitIds;
import java.time.Clock;

/**
 * Contact tracing, one set-based query per step: the subject's stays, the
 * stays overlapping them (hop 1), the stays of those contacts, the stays
 * overlapping those (hop 2). Overlap look-ups go through the (site_id,
 * entered_at) btree from {@code a - stay bound}, one index range per span and
 * site, so a busy site's history is never scanned and each range carries its
 * site (a Citus shard key).
 *
 * Who sees what: admins every site; officers the sites of their area;
 * managers their own sites. A trace of a manager or officer is limited to
 * the sites they may see (the subject's stays elsewhere and contacts there
 * are left out and the answer says so); a person with no visible stay in the
 * window is not found, whether or not they exist, so a trace reveals nothing
 * about other sites.
 */
public final class TraceService {
    static final int MAX_CONTACTS = 5_000;
    /**
     * The second hop starts from at most this many first-hop people, those with the longest overlap: at a
     * busy bus station the contacts of every contact are most of its visitors, and no one calls them all.
     */
    static final int MAX_SECOND_HOP_PEOPLE = 200;
    /** A trace that runs longer is stopped and the caller asked to narrow it. */
    static final int STATEMENT_TIMEOUT_MS = 20_000;
    /** Stays may end a little past the bound: the overdue job closes them every 30 s. */
    static final int BOUND_SLACK_MINUTES = 10;
    /** No site allows a longer stay than 7 days (sites.max_stay_minutes), plus the slack. */
    static final Duration LONGEST_STAY = Duration.ofMinutes(7 * 24 * 60 + BOUND_SLACK_MINUTES);

    // A phone may be shared by a family: every visitor of that phone is the subject (V48).
    private static final String SUBJECT_BY_PHONE = "select id, name, phone_enc, phone_masked, id_masked from visitors"
            + " where phone_hash = $1 order by last_seen_at desc, id";
    private static final String SUBJECT_BY_ID = "select id, name, phone_enc, phone_masked, id_masked from visitors"
            + " where id_hash = $1";
    // The visit and its visitor in one round trip (a separate look-up of the visitor cost one more).
    private static final String VISIT = "select v.id, v.visitor_id, v.site_id, v.entered_at, v.exited_at,"
            + " v.exit_inferred, v.bluezone, r.name, r.phone_enc, r.phone_masked, r.id_masked"
            + " from visits v join visitors r on r.id = v.visitor_id where v.id = $1"
            + " and v.entered_at >= $2 and v.entered_at < $3"; // the id's bounds (VisitIds): a few daily partitions
    private static final String VISITS_OF = "select v.id, v.visitor_id, v.site_id, v.entered_at, v.exited_at,"
            + " v.exit_inferred, v.bluezone from visits v"
            // $6 = $2 - the longest stay, computed by the caller: a parameter compared as it is lets the planner
            // prune the daily partitions (timestamptz - interval is not immutable, so it cannot, and it planned
            // all ~90 of them on every call: 3-20 ms of a 1-hop trace).
            + " where v.visitor_id = any($1::bigint[]) and v.entered_at < $3::timestamptz"
            + " and v.entered_at > $6::timestamptz"
            + " and coalesce(v.exited_at, greatest($4::timestamptz, v.entered_at)) > $2::timestamptz"
            + " and ($5::bigint[] is null or v.site_id = any($5::bigint[]))"
            + " order by v.entered_at, v.id";
    /**
     * $1 span owners, $2 sites, $3 span starts, $4 span ends (parallel arrays),
     * $5 now, $6 people left out, $7 least shared seconds, $8 row limit, $9 and
     * $10 the earliest start minus the longest stay and the latest end (bounds
     * of all the index ranges, as parameters so that the planner keeps only the
     * daily partitions they cover instead of planning every one). A contact's
     * overlap is the time it shares with one owner's spans; a stay near several
     * owners (hop 2) keeps the owner it shares most with.
     */
    static final String OVERLAPS = "with s as materialized ("
            + "  select u.src, u.site_id, u.a, u.b,"
            + "   u.a - make_interval(mins => st.stay_bound_minutes + " + BOUND_SLACK_MINUTES + ") as lo"
            + "  from unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[]) as u(src, site_id, a, b)"
            + "  join sites st on st.id = u.site_id"
            + "), pairs as ("
            + "  select v.id, v.site_id, v.visitor_id, v.entered_at, v.exited_at, v.exit_inferred, v.bluezone, s.src,"
            + "   sum(extract(epoch from least(s.b, coalesce(v.exited_at, greatest($5::timestamptz, v.entered_at)))"
            + "       - greatest(s.a, v.entered_at))) as secs"
            + "  from s cross join lateral ("
            // OFFSET 0 keeps this a per-span index range scan: flattened, the planner may hash-join a seq scan.
            + "    select vv.id, vv.site_id, vv.visitor_id, vv.entered_at, vv.exited_at, vv.exit_inferred, vv.bluezone"
            + "      from visits vv"
            + "     where vv.site_id = s.site_id and vv.entered_at > s.lo and vv.entered_at < s.b"
            + "       and vv.entered_at > $9::timestamptz and vv.entered_at < $10::timestamptz"
            + "       and coalesce(vv.exited_at, greatest($5::timestamptz, vv.entered_at)) > s.a"
            + "     offset 0) v"
            + "  where v.visitor_id <> all($6::bigint[])"
            + "  group by v.id, v.site_id, v.visitor_id, v.entered_at, v.exited_at, v.exit_inferred, v.bluezone, s.src"
            + "), best as ("
            + "  select distinct on (p.id) p.* from pairs p where p.secs > 0 and p.secs >= $7"
            + "  order by p.id, p.secs desc, p.src"
            + "), top as ("
            + "  select * from best order by secs desc, entered_at, id limit $8"
            + ")"
            + " select x.id, x.site_id, x.visitor_id, x.entered_at, x.exited_at, x.exit_inferred, x.bluezone, x.src,"
            + " x.secs::float8 as secs, r.name, r.phone_enc, r.phone_masked, r.id_masked"
            + " from top x join visitors r on r.id = x.visitor_id"
            + " order by x.secs desc, x.entered_at, x.id";
    /**
     * The same answer as {@link #OVERLAPS} for many spans (a second hop): the scan ranges [a - bound, b) are
     * merged per site so each stay is read once, then paired with the spans it meets through hourly buckets
     * (an equi-join), each pair counted in the bucket where their shared time begins. $9 and $10 bound the
     * ranges as in {@link #OVERLAPS}; $11 is the bucket width in microseconds.
     */
    static final String OVERLAPS_MERGED = "with s as materialized ("
            + "  select u.src, u.site_id, u.a, u.b,"
            + "   u.a - make_interval(mins => st.stay_bound_minutes + " + BOUND_SLACK_MINUTES + ") as lo,"
            + "   (extract(epoch from u.a) * 1000000)::bigint as ai, (extract(epoch from u.b) * 1000000)::bigint as bi"
            + "  from unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[]) as u(src, site_id, a, b)"
            + "  join sites st on st.id = u.site_id"
            + "), marks as ("
            + "  select s.site_id, s.lo, s.b, case when s.lo <= max(s.b) over (partition by s.site_id order by s.lo, s.b"
            + "   rows between unbounded preceding and 1 preceding) then 0 else 1 end as starts from s"
            + "), islands as ("
            + "  select m.site_id, m.lo, m.b, sum(m.starts) over (partition by m.site_id order by m.lo, m.b"
            + "   rows unbounded preceding) as grp from marks m"
            + "), r as materialized ("
            + "  select i.site_id, min(i.lo) as lo, max(i.b) as hi from islands i group by i.site_id, i.grp"
            + "), c as materialized ("
            // Times as whole microseconds: the pairing below is integer arithmetic, exact and fast.
            + "  select v.id, v.site_id, v.visitor_id, v.entered_at, v.exited_at, v.exit_inferred, v.bluezone,"
            + "   (extract(epoch from v.entered_at) * 1000000)::bigint as ei,"
            + "   (extract(epoch from coalesce(v.exited_at, greatest($5::timestamptz, v.entered_at))) * 1000000)::bigint as ee"
            + "  from r cross join lateral ("
            + "    select vv.id, vv.site_id, vv.visitor_id, vv.entered_at, vv.exited_at, vv.exit_inferred, vv.bluezone"
            + "      from visits vv where vv.site_id = r.site_id and vv.entered_at > r.lo and vv.entered_at < r.hi"
            + "       and vv.entered_at > $9::timestamptz and vv.entered_at < $10::timestamptz"
            + "     offset 0) v"
            + "  where v.visitor_id <> all($6::bigint[])"
            + "), sb as materialized ("
            + "  select s.src, s.site_id, s.ai, s.bi, g.k from s"
            + "   cross join lateral generate_series(s.ai / $11::bigint, s.bi / $11::bigint) as g(k)"
            + "), cb as materialized ("
            + "  select c.id, c.site_id, c.ei, c.ee, g.k from c"
            + "   cross join lateral generate_series(c.ei / $11::bigint, c.ee / $11::bigint) as g(k)"
            + "), pairs as ("
            + "  select cb.id, sb.src, sum(least(sb.bi, cb.ee) - greatest(sb.ai, cb.ei)) as us"
            + "  from cb join sb on sb.site_id = cb.site_id and sb.k = cb.k"
            + "  where sb.ai < cb.ee and sb.bi > cb.ei and greatest(sb.ai, cb.ei) / $11::bigint = cb.k"
            + "  group by cb.id, sb.src"
            + "), best as ("
            + "  select distinct on (p.id) p.id, p.src, p.us from pairs p where p.us > 0 and p.us >= $7 * 1000000"
            + "  order by p.id, p.us desc, p.src"
            + "), top as ("
            + "  select c.*, b.src, b.us from best b join c on c.id = b.id order by b.us desc, c.entered_at, c.id limit $8"
            + ")"
            + " select x.id, x.site_id, x.visitor_id, x.entered_at, x.exited_at, x.exit_inferred, x.bluezone, x.src,"
            + " x.us / 1000000.0::float8 as secs, r.name, r.phone_enc, r.phone_masked, r.id_masked"
            + " from top x join visitors r on r.id = x.visitor_id"
            + " order by x.us desc, x.entered_at, x.id";
    /** More spans than this are looked up with {@link #OVERLAPS_MERGED}; tests move it to check both. */
    static volatile int mergeAbove = 48;
    static final long BUCKET_MICROS = 3_600_000_000L;
    /** A first hop from at most this many spans runs without the second hop's transaction and limits. */
    static final int SMALL_SPANS = 8;
    private static final String AUDIT = "insert into audit_log (user_id, action, site_id, detail, row_count)"
            + " values ($1, $2, null, $3, $4)";

    private final Pool pool;
    private final Pool reads;
    private final SiteRepository sites;
    private final PersonalData personal;
    private final Clock clock;

    /** {@code reads} may lag {@code pool} (a read replica): the visits; the audit goes to {@code pool}. */
    public TraceService(Pool pool, Pool reads, SiteRepository sites, PersonalData personal, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.reads = reads;
        this.sites = sites;
        this.personal = personal;
    }

    record Person(long id, String name, String phone, String phoneMasked, String idMasked) {
    }

    record Visit(UUID id, Person person, long siteId, OffsetDateTime enteredAt, OffsetDateTime exitedAt,
                 boolean inferredExit, String bluezone) {
        Stays.Stay stay() {
            return new Stays.Stay(person.id(), siteId, enteredAt.toInstant(),
                    exitedAt == null ? null : exitedAt.toInstant());
        }
    }

    record Contact(Visit visit, int hop, double overlapSeconds, Person via) {
    }

    /**
     * A finished trace; {@code limited} when the caller sees only some sites. {@code people} are the visitors traced
     * (several when a family shares the phone), those with a stay the caller may see; {@code subject} is the first.
     */
    record Trace(TraceRequest request, Person subject, List<Person> people, List<Visit> visits, List<Contact> contacts,
                 Map<Long, Site> sites, boolean limited, boolean truncated, long tookMicros, Instant asOf) {
    }

    /** Runs the trace and writes it to the audit log as {@code action}. */
    public Future<Trace> run(Principal p, TraceRequest req, String action) {
        long t0 = System.nanoTime();
        // Open stays last until now: a call list asked with the trace's asOf measures them as the screen did.
        Instant now = req.asOf() != null ? req.asOf() : clock.instant();
        return scope(p).compose(scope -> start(req, scope, now).compose(start -> {
            TraceRequest asked = start.request();
            Future<List<Visit>> visits = start.visits() != null ? Future.succeededFuture(start.visits())
                    : visitsOf(start.subjects(), asked, scope, now);
            return visits.compose(vs -> {
                if (vs.isEmpty()) {
                    return Future.failedFuture(noSubject());
                }
                List<Contact> contacts = new ArrayList<>();
                Set<Long> excluded = new LinkedHashSet<>();
                start.subjects().forEach(s -> excluded.add(s.id()));
                // Only people with a stay the caller may see are named: a trace reveals nothing about other sites.
                List<Person> people = start.subjects().stream()
                        .filter(s -> vs.stream().anyMatch(v -> v.person().id() == s.id())).toList();
                return overlaps(vs, asked, excluded, 1, now, Map.of()).compose(hop1 -> {
                    contacts.addAll(hop1);
                    if (asked.hops() < 2 || hop1.isEmpty()) {
                        return Future.succeededFuture(contacts);
                    }
                    // hop1 is ranked by overlap: the first people met are the closest contacts.
                    Map<Long, Person> f1 = new java.util.LinkedHashMap<>();
                    hop1.forEach(c -> f1.putIfAbsent(c.visit().person().id(), c.visit().person()));
                    excluded.addAll(f1.keySet());
                    List<Person> from = f1.values().stream().limit(MAX_SECOND_HOP_PEOPLE).toList();
                    return visitsOf(from, asked, scope, now)
                            .compose(f1Visits -> overlaps(f1Visits, asked, excluded, 2, now, f1))
                            .map(hop2 -> {
                                contacts.addAll(hop2);
                                return contacts;
                            });
                }).compose(all -> siteMap(vs, all).compose(siteMap -> {
                    long firstHopPeople = all.stream().filter(c -> c.hop() == 1).map(c -> c.visit().person().id())
                            .distinct().count();
                    boolean truncated = all.stream().filter(c -> c.hop() == 1).count() >= MAX_CONTACTS
                            || all.stream().filter(c -> c.hop() == 2).count() >= MAX_CONTACTS
                            || (asked.hops() > 1 && firstHopPeople > MAX_SECOND_HOP_PEOPLE);
                    Trace trace = new Trace(asked, people.get(0), people, vs, all, siteMap, scope != null, truncated,
                            (System.nanoTime() - t0) / 1_000, now);
                    return audit(p, action, asked, all.size()).map(trace);
                }));
            });
        })).recover(t -> t instanceof ApiException e && "trace-subject-not-found".equals(e.type())
                // A trace that found no one is still a look-up of a person: audited too.
                ? audit(p, action, req, 0).compose(x -> Future.failedFuture(t))
                : Future.failedFuture(t));
    }

    private record Start(TraceRequest request, List<Person> subjects, List<Visit> visits) {
    }

    /** The sites the caller may trace in; null for all of them. */
    private Future<Long[]> scope(Principal p) {
        return switch (p.role()) {
            case ADMIN -> Future.succeededFuture(null);
            case OFFICER -> sites.visibleTo(p).map(list -> list.stream().map(Site::id).toArray(Long[]::new));
            case MANAGER -> Future.succeededFuture(p.siteIds().toArray(Long[]::new));
            default -> Future.failedFuture(ApiException.forbidden("Only admins, officers and managers may trace"));
        };
    }

    private Future<Start> start(TraceRequest req, Long[] scope, Instant now) {
        if (req.phone() != null) {
            return people(SUBJECT_BY_PHONE, Tuple.of(Buffer.buffer(personal.hash("phone", req.phone()))))
                    .map(s -> new Start(req, s, null));
        }
        if (req.idNumber() != null) {
            return people(SUBJECT_BY_ID, Tuple.of(Buffer.buffer(personal.hash("id", req.idNumber()))))
                    .map(s -> new Start(req, s, null));
        }
        return reads.preparedQuery(VISIT).execute(Tuple.of(req.visitId(),
                VisitIds.earliest(req.visitId()), VisitIds.latest(req.visitId()))).compose(rows -> {
            if (!rows.iterator().hasNext()) {
                return Future.failedFuture(noSubject());
            }
            Row r = rows.iterator().next();
            if (scope != null && !List.of(scope).contains(r.getLong("site_id"))) {
                return Future.failedFuture(noSubject());
            }
            Person person = person(r, "visitor_id");
            if (req.from() != null) {
                return Future.succeededFuture(new Start(req, List.of(person), null));
            }
            // Traced from one visit with no window: that stay is the window.
            Visit v = visit(r, person);
            OffsetDateTime end = v.stay().end(now).atOffset(ZoneOffset.UTC);
            return Future.succeededFuture(new Start(req.window(v.enteredAt(), end), List.of(person), List.of(v)));
        });
    }

    private Future<List<Person>> people(String sql, Tuple args) {
        return reads.preparedQuery(sql).execute(args).compose(rows -> {
            List<Person> out = new ArrayList<>();
            rows.forEach(r -> out.add(person(r, "id")));
            return out.isEmpty() ? Future.failedFuture(noSubject()) : Future.succeededFuture(out);
        });
    }

    private Future<List<Visit>> visitsOf(List<Person> people, TraceRequest req, Long[] scope, Instant now) {
        Map<Long, Person> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.id(), p));
        Tuple args = Tuple.tuple().addArrayOfLong(byId.keySet().toArray(Long[]::new))
                .addOffsetDateTime(req.from()).addOffsetDateTime(req.to())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)).addArrayOfLong(scope)
                .addOffsetDateTime(req.from().minus(LONGEST_STAY));
        return reads.preparedQuery(VISITS_OF).execute(args).map(rows -> {
            List<Visit> out = new ArrayList<>();
            rows.forEach(r -> out.add(visit(r, byId.get(r.getLong("visitor_id")))));
            return out;
        });
    }

    private Future<List<Contact>> overlaps(List<Visit> of, TraceRequest req, Set<Long> excluded, int hop, Instant now,
                                           Map<Long, Person> owners) {
        List<Stays.Span> spans = Stays.spans(of.stream().map(Visit::stay).toList(),
                Duration.ofMinutes(req.arrivalBufferMinutes()), Duration.ofMinutes(req.departureBufferMinutes()), now);
        Tuple args = Tuple.tuple()
                .addArrayOfLong(spans.stream().map(Stays.Span::person).toArray(Long[]::new))
                .addArrayOfLong(spans.stream().map(Stays.Span::site).toArray(Long[]::new))
                .addArrayOfOffsetDateTime(spans.stream().map(s -> s.from().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(spans.stream().map(s -> s.to().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                .addArrayOfLong(excluded.toArray(Long[]::new))
                .addLong(60L * req.minOverlapMinutes())
                .addInteger(MAX_CONTACTS)
                .addOffsetDateTime(spans.stream().map(Stays.Span::from).min(Comparator.naturalOrder()).orElse(now)
                        .minus(LONGEST_STAY).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(spans.stream().map(Stays.Span::to).max(Comparator.naturalOrder()).orElse(now)
                        .atOffset(ZoneOffset.UTC));
        boolean merged = spans.size() > mergeAbove;
        if (merged) {
            args.addLong(BUCKET_MICROS);
        }
        // A second hop pairs hundreds of thousands of stays: sorted and grouped in memory, not on disk, and
        // stopped if it runs too long. A first hop from a few stays reads a few index ranges of bounded
        // length: it goes straight to the pool of reads, saving the transaction's three extra round trips.
        Future<RowSet<Row>> found = hop == 1 && !merged && spans.size() <= SMALL_SPANS
                ? reads.preparedQuery(OVERLAPS).execute(args)
                : reads.withTransaction(tx -> tx.query("set local statement_timeout = " + STATEMENT_TIMEOUT_MS
                        + "; set local work_mem = '64MB'").execute()
                .compose(x -> tx.preparedQuery(merged ? OVERLAPS_MERGED : OVERLAPS).execute(args)));
        return found
                .recover(t -> Future.failedFuture(t instanceof io.vertx.pgclient.PgException pg
                        && "57014".equals(pg.getSqlState())
                        ? ApiException.unprocessable("trace-too-broad", "The trace took too long: narrow the window,"
                                + " raise the least overlap or trace one hop")
                        : t))
                .map(rows -> {
                    List<Contact> out = new ArrayList<>();
                    for (Row r : rows) {
                        Person via = hop > 1 ? owners.get(r.getLong("src")) : null;
                        out.add(new Contact(visit(r, person(r, "visitor_id")), hop, r.getDouble("secs"), via));
                    }
                    out.sort(Comparator.comparingDouble(Contact::overlapSeconds).reversed()
                            .thenComparing(c -> c.visit().enteredAt()).thenComparing(c -> c.visit().id()));
                    return out;
                });
    }

    private Future<Map<Long, Site>> siteMap(List<Visit> visits, List<Contact> contacts) {
        Set<Long> ids = new LinkedHashSet<>();
        visits.forEach(v -> ids.add(v.siteId()));
        contacts.forEach(c -> ids.add(c.visit().siteId()));
        Map<Long, Site> out = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (Long id : ids) {
            chain = chain.compose(x -> sites.find(id).map(s -> {
                s.ifPresent(site -> out.put(id, site));
                return null;
            }));
        }
        return chain.map(out);
    }

    private Future<Void> audit(Principal p, String action, TraceRequest req, int rows) {
        return pool.preparedQuery(AUDIT).execute(Tuple.of(p.userId(), action, req.audit(), rows)).mapEmpty();
    }

    private Person person(Row r, String idColumn) {
        Buffer enc = r.getBuffer("phone_enc");
        String phone = enc == null ? null : personal.decrypt(enc.getBytes());
        return new Person(r.getLong(idColumn), r.getString("name"), phone, r.getString("phone_masked"),
                hasColumn(r, "id_masked") ? r.getString("id_masked") : null);
    }

    private static Visit visit(Row r, Person person) {
        return new Visit(r.getUUID("id"), person, r.getLong("site_id"), r.getOffsetDateTime("entered_at"),
                r.getOffsetDateTime("exited_at"), r.getBoolean("exit_inferred"), r.getString("bluezone"));
    }

    private static boolean hasColumn(Row r, String name) {
        return r.getColumnIndex(name) >= 0;
    }

    private static ApiException noSubject() {
        return ApiException.of(404, "trace-subject-not-found", "Not found",
                "No stay of this person at the sites you may see in that window");
    }

    static JsonObject personJson(Person p) {
        return new JsonObject().put("id", p.id()).put("name", p.name()).put("phone", p.phone())
                .put("phoneMasked", p.phoneMasked()).put("idMasked", p.idMasked());
    }
}
