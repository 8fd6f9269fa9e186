package vn.kiosk.server.log;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import vn.kiosk.server.visitor.VisitIds;

/**
 * The visit log of a site: its pages, one visit, who is inside now, the rows of its exports and their audit.
 * {@code reads} may lag {@code pool} (a read replica): pages and exports read it; one visit, who is inside and
 * the audit use {@code pool}.
 */
public final class VisitLogStore {
    private static final String OCCUPANCY = "select p.visit_id, p.entered_at, p.visitor_id, r.name, r.phone_masked"
            + " from presence p join visitors r on r.id = p.visitor_id where p.site_id = $1 order by p.entered_at";
    private static final String ONE = "select " + VisitQuery.COLUMNS + ", v.consent_version, v.consent_method, v.cccd_extra"
            + " from visits v join visitors r on r.id = v.visitor_id where v.site_id = $1 and v.id = $2"
            + " and v.entered_at >= $3 and v.entered_at < $4"; // the id's bounds (VisitIds): a few daily partitions
    private static final String AUDIT = "insert into audit_log (user_id, action, site_id, detail, row_count)"
            + " values ($1, $2, $3, $4, $5)";
    /** Rows an export fetches at a time. */
    private static final int FETCH = 500;

    /** A visit as a row of the log: masked phone and ID only. */
    public record Visit(UUID id, Long visitorId, String name, String phoneMasked, String idMasked,
                        OffsetDateTime enteredAt, OffsetDateTime exitedAt, Boolean exitInferred, Boolean entryMissing,
                        String bluezone, String bluezoneId, String entryMethod, String exitMethod, String entryGate,
                        String exitGate) {
        static Visit from(Row r) {
            return new Visit(r.getUUID("id"), r.getLong("visitor_id"), r.getString("name"), r.getString("phone_masked"),
                    r.getString("id_masked"), r.getOffsetDateTime("entered_at"), r.getOffsetDateTime("exited_at"),
                    r.getBoolean("exit_inferred"), r.getBoolean("entry_missing"), r.getString("bluezone"),
                    r.getString("bluezone_id"), r.getString("entry_method"), r.getString("exit_method"),
                    r.getString("entry_gate"), r.getString("exit_gate"));
        }
    }

    /**
     * One visit with the consent it was made under and, where the site keeps them, a CCCD's details as stored
     * (encrypted: {@code cccdExtra} is null when there are none).
     */
    public record Detail(Visit visit, Integer consentVersion, String consentMethod, byte[] cccdExtra) {
    }

    /** Someone inside now. */
    public record Inside(UUID visitId, OffsetDateTime enteredAt, Long visitorId, String name, String phoneMasked) {
    }

    private final Pool pool;
    private final Pool reads;

    public VisitLogStore(Pool pool, Pool reads) {
        this.pool = pool;
        this.reads = reads;
    }

    /** How far back each look-up of a page reaches: the newest day first, then wider. */
    private static final Duration[] SPANS = {Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)};

    /** The newest {@code want} visits of the query (a page of it, see {@link VisitQuery#page}), newest first. */
    public Future<List<Visit>> newest(VisitQuery q, int want) {
        return newest(q, want, q.end, 0, new ArrayList<>());
    }

    /**
     * Asked newest day first and then over wider spans until the page is full or the range is done. visits is
     * partitioned by day: a look-up over the whole range plans and opens every partition (about 15 ms over 90
     * days), one over a day only one or two, and at a busy site the first day fills the page. Each span is older
     * than the one before, so the rows stay in order.
     */
    private Future<List<Visit>> newest(VisitQuery q, int want, OffsetDateTime to, int step, List<Visit> got) {
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
                    got.add(Visit.from(r));
                }
            }
            return newest(q, want, lo, step + 1, got);
        });
    }

    /**
     * One visit of the site. Read from {@code pool}, not {@code reads}: it is asked for when an event names the
     * visit, and the event follows the commit at once, a replica may not have the row yet.
     */
    public Future<Optional<Detail>> one(long siteId, UUID visitId) {
        return pool.preparedQuery(ONE).execute(Tuple.of(siteId, visitId, VisitIds.earliest(visitId),
                VisitIds.latest(visitId))).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    io.vertx.core.buffer.Buffer extra = r.getBuffer("cccd_extra");
                    return Optional.of(new Detail(Visit.from(r), r.getInteger("consent_version"),
                            r.getString("consent_method"), extra == null ? null : extra.getBytes()));
                });
    }

    /** Who is inside the site now, longest first. */
    public Future<List<Inside>> inside(long siteId) {
        return pool.preparedQuery(OCCUPANCY).execute(Tuple.of(siteId)).map(rows -> {
            List<Inside> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Inside(r.getUUID("visit_id"), r.getOffsetDateTime("entered_at"), r.getLong("visitor_id"),
                        r.getString("name"), r.getString("phone_masked")));
            }
            return out;
        });
    }

    /** Records an export of the log: who, which site, how it was filtered (no personal data) and how many rows. */
    public Future<Void> audit(Long userId, String action, long siteId, JsonObject detail, int rows) {
        return pool.preparedQuery(AUDIT).execute(Tuple.of(userId, action, siteId, detail, rows)).mapEmpty();
    }

    /**
     * Streams the visits of the query to {@code consume} within one transaction of {@code reads}, fetched
     * {@value #FETCH} at a time as the stream is read: pausing it holds the database back, so an export of any
     * size never sits in memory. The transaction ends when the future {@code consume} returns does.
     */
    public <T> Future<T> stream(VisitQuery q, Function<ReadStream<Visit>, Future<T>> consume) {
        return reads.withTransaction(conn -> conn.prepare(q.sql.toString())
                .compose(ps -> consume.apply(new Visits(ps.createStream(FETCH, q.params)))));
    }

    /**
     * The visits of the query through a cursor in a transaction of {@code reads}, for a worker thread: every call
     * blocks. The first {@value #FETCH} are read before this returns, so that a failing query fails here, before
     * anything has been sent.
     */
    public VisitCursor cursor(VisitQuery q) throws Exception {
        SqlConnection conn = await(reads.getConnection());
        try {
            Transaction tx = await(conn.begin());
            var statement = await(conn.prepare(q.sql.toString()));
            Cursor cursor = statement.cursor(q.params);
            RowSet<Row> first = await(cursor.read(FETCH));
            return new VisitCursor(conn, tx, cursor, list(first));
        } catch (Exception | Error e) {
            conn.close();
            throw e;
        }
    }

    /** A blocking cursor over the visits of an export; {@link #close} gives its connection back. */
    public static final class VisitCursor implements AutoCloseable {
        private final SqlConnection conn;
        private final Transaction tx;
        private final Cursor cursor;
        private List<Visit> rows;

        private VisitCursor(SqlConnection conn, Transaction tx, Cursor cursor, List<Visit> first) {
            this.conn = conn;
            this.tx = tx;
            this.cursor = cursor;
            this.rows = first;
        }

        /** The batch read last. */
        public List<Visit> rows() {
            return rows;
        }

        public boolean hasMore() {
            return cursor.hasMore();
        }

        /** Reads the next batch. */
        public List<Visit> next() throws Exception {
            rows = list(await(cursor.read(FETCH)));
            return rows;
        }

        /** Closes the cursor and commits the read's transaction (a failure before this rolls it back). */
        public void finish() throws Exception {
            await(cursor.close());
            await(tx.commit());
        }

        @Override
        public void close() {
            conn.close();
        }
    }

    private static List<Visit> list(RowSet<Row> rows) {
        List<Visit> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(Visit.from(r));
        }
        return out;
    }

    /** Waits on a worker thread (the XLSX export) for a database step: two minutes at most. */
    static <T> T await(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new IOException("the database did not answer within 2 minutes", e);
        }
    }

    /** The rows of a RowStream as visits, with its flow control. */
    private record Visits(RowStream<Row> rows) implements ReadStream<Visit> {
        @Override
        public ReadStream<Visit> exceptionHandler(Handler<Throwable> handler) {
            rows.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Visit> handler(Handler<Visit> handler) {
            rows.handler(handler == null ? null : r -> handler.handle(Visit.from(r)));
            return this;
        }

        @Override
        public ReadStream<Visit> pause() {
            rows.pause();
            return this;
        }

        @Override
        public ReadStream<Visit> resume() {
            rows.resume();
            return this;
        }

        @Override
        public ReadStream<Visit> fetch(long amount) {
            rows.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Visit> endHandler(Handler<Void> endHandler) {
            rows.endHandler(endHandler);
            return this;
        }
    }
}
