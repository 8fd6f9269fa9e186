package vn.kiosk.server.checkin;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.checkin.CheckinCommand.Sealed;
import vn.kiosk.server.http.ApiException;

/**
 * Group commit: check-ins that arrive while a batch is being written pile up
 * and go together in the next one, so many requests share one transaction
 * and one WAL flush. A batch leaves at the end of the event-loop tick in which
 * a request arrived or a batch came back (no timer: at low load nothing
 * waits); up to {@code maxInFlight} batches are in flight at once, each on a
 * connection of its own, so that one batch's commit (the WAL flush) and round
 * trips overlap the next one's work; replies are sent only after COMMIT.
 */
public final class VisitWriter {
    private static final Logger log = LoggerFactory.getLogger(VisitWriter.class);
    private static final String BATCH = "select * from kiosk_checkins($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
            + " $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)";

    private static final HexFormat HEX = HexFormat.of();
    /** How far past the batch size the queue is searched for requests free to go. */
    private static final int SCAN_MAX = 4;

    private record Pending(CheckinCommand command, Promise<CheckinResult> promise) {
    }

    private final Context context;
    private final Pool pool;
    private final String origin;
    private final int batchMax;
    private final int queueMax;
    private final int repeatWindowSeconds;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final BatchObserver observer;
    private final int maxInFlight;
    /** The keys (see {@link #keys}) of every request in a batch in flight: none of them may join another batch. */
    private final Set<String> keysInFlight = new HashSet<>();
    private int inFlight;
    private boolean scheduled;

    /** Told the size of every batch written, for metrics. */
    public interface BatchObserver {
        void batchWritten(int size);
    }

    /**
     * {@code repeatWindowSeconds}: a {@code direction: auto} request this soon after the entry of the stay it would
     * end is answered "already checked in" instead (a second scan is not a check-out); 0 turns that off.
     */
    public VisitWriter(Context context, Pool pool, String origin, int batchMax, int repeatWindowSeconds,
                       BatchObserver observer) {
        this(context, pool, origin, batchMax, 1, repeatWindowSeconds, observer);
    }

    /** {@code maxInFlight}: how many batches may be written at once (each takes a connection of the pool). */
    public VisitWriter(Context context, Pool pool, String origin, int batchMax, int maxInFlight,
                       int repeatWindowSeconds, BatchObserver observer) {
        this.maxInFlight = Math.max(1, maxInFlight);
        this.context = context;
        this.pool = pool;
        this.origin = origin;
        this.batchMax = batchMax;
        this.queueMax = batchMax * 64;
        this.repeatWindowSeconds = repeatWindowSeconds;
        this.observer = observer;
    }

    /** Must be called on the writer's context. */
    public Future<CheckinResult> submit(CheckinCommand command) {
        if (queue.size() >= queueMax) {
            return Future.failedFuture(ApiException.unavailable("Too many check-ins are waiting; try again", 1));
        }
        Promise<CheckinResult> promise = Promise.promise();
        queue.add(new Pending(command, promise));
        schedule();
        return promise.future();
    }

    /** Completes once everything queued so far is written. */
    public Future<Void> drain() {
        if (inFlight == 0 && queue.isEmpty()) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> drain().onComplete(done));
        return done.future();
    }

    /** A flush at the end of this tick, so that the requests of one tick go together. */
    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            context.runOnContext(v -> flush());
        }
    }

    private void flush() {
        scheduled = false;
        while (inFlight < maxInFlight && !queue.isEmpty()) {
            List<Pending> batch = take();
            if (batch.isEmpty()) {
                return; // all that waits belongs to visitors in flight: their batches schedule the next flush
            }
            send(batch);
        }
    }

    private void send(List<Pending> batch) {
        List<String> keys = new ArrayList<>(batch.size() * 2);
        for (Pending p : batch) {
            keys(p.command, keys);
        }
        keysInFlight.addAll(keys);
        inFlight++;
        write(batch).recover(t -> {
            if (batch.size() > 1 && isDataError(t)) {
                // One bad row must not sink its neighbours: write them one by one.
                log.warn("A batch of {} check-ins failed ({}); retrying them one by one", batch.size(),
                        t.getClass().getSimpleName());
                return writeEach(batch, 0);
            }
            fail(batch, t);
            return Future.failedFuture(t);
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                observer.batchWritten(batch.size());
            }
            keys.forEach(keysInFlight::remove);
            inFlight--;
            schedule();
        });
    }

    /**
     * The next batch: the oldest requests, but never two with the same request
     * id, visitor id, phone hash or ID-number hash (the batch function applies a
     * batch as one set, so the later of two such requests waits for the next
     * batch), nor one whose key is in a batch in flight. Keys of a request left
     * waiting block the requests behind it too, so one visitor's requests keep
     * their order.
     */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), batchMax));
        Set<String> seen = new HashSet<>();
        List<String> keys = new ArrayList<>(4);
        int scanned = 0;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext() && batch.size() < batchMax
                && scanned < SCAN_MAX * batchMax; scanned++) {
            Pending p = it.next();
            keys.clear();
            keys(p.command, keys);
            boolean free = true;
            for (String k : keys) {
                free &= seen.add(k) && !keysInFlight.contains(k);
            }
            if (free) {
                batch.add(p);
                it.remove();
            }
        }
        return batch;
    }

    private static void keys(CheckinCommand c, List<String> out) {
        out.add("r" + c.act().requestId());
        CheckinCommand.Visitor v = c.visitor();
        if (v.id() != null) {
            out.add("v" + v.id());
        }
        if (v.phone() != null) {
            out.add("p" + HEX.formatHex(v.phone().hash()));
        }
        if (v.idNumber() != null) {
            out.add("i" + HEX.formatHex(v.idNumber().hash()));
        }
    }

    private Future<Void> writeEach(List<Pending> batch, int i) {
        if (i == batch.size()) {
            return Future.succeededFuture();
        }
        List<Pending> one = List.of(batch.get(i));
        return write(one).recover(t -> {
            fail(one, t);
            return Future.succeededFuture();
        }).compose(v -> writeEach(batch, i + 1));
    }

    private Future<Void> write(List<Pending> batch) {
        return pool.preparedQuery(BATCH).execute(tuple(batch)).map(rows -> {
            // One row per request, found by its id (unique in a batch: see take); the function answers the
            // requests of its short path first, so the rows are not in the batch's order.
            Map<UUID, Integer> index = new HashMap<>(batch.size() * 2);
            for (int i = 0; i < batch.size(); i++) {
                index.put(batch.get(i).command.act().requestId(), i);
            }
            List<Integer> again = new ArrayList<>();
            for (Row r : rows) {
                Integer i = index.remove(r.getUUID("req_id"));
                Pending p = batch.get(i);
                String error = r.getString("error");
                if ("retry".equals(error)) {
                    // Met another request of the same visitor at the same site through a different key.
                    again.add(i);
                } else if (error != null) {
                    p.promise.fail(refused(error, r));
                } else {
                    p.promise.complete(new CheckinResult(r.getUUID("req_id"), r.getBoolean("replay"), r.getUUID("visit_id"),
                            "i".equals(r.getString("direction")) ? "in" : "out", r.getOffsetDateTime("occurred_at"),
                            r.getLong("visitor_id"), r.getString("display_name"), r.getString("phone_masked"),
                            r.getBoolean("new_visitor"), r.getString("bluezone"), r.getShort("presence"),
                            r.getBoolean("past")));
                }
            }
            if (!index.isEmpty()) {
                throw new IllegalStateException("kiosk_checkins answered no row for " + index.size() + " requests");
            }
            again.sort(null);
            for (int j = again.size() - 1; j >= 0; j--) {
                queue.addFirst(batch.get(again.get(j)));
            }
            return null;
        });
    }

    /** A request the batch function refused, storing nothing for it. */
    private static ApiException refused(String error, Row r) {
        return switch (error) {
            case "already_checked_in" -> ApiException.conflict("already-checked-in", "Checked in already at "
                            + r.getOffsetDateTime("occurred_at") + ": a second scan is not a check-out;"
                            + " to check out, send the check-in again with direction out and a new id")
                    .with("visitId", r.getUUID("visit_id").toString())
                    .with("enteredAt", r.getOffsetDateTime("occurred_at").toString());
            case "id_reused" -> ApiException.conflict("id-reused", "This check-in id was used before for another"
                    + " request; a retry must send the same request, anything else needs a new id").with("field", "id");
            case "visit_closed" -> ApiException.conflict("visit-closed",
                    "That visit is not open: the visitor has already left or it does not exist");
            default -> ApiException.unprocessable(error.replace('_', '-'),
                    "The visitor pass names a visitor who is no longer on record; check in with name and phone");
        };
    }

    private static void fail(List<Pending> batch, Throwable cause) {
        for (Pending p : batch) {
            p.promise.tryFail(cause);
        }
    }

    private static boolean isDataError(Throwable t) {
        return t instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23")
                    || pg.getSqlState().equals("21000") || pg.getSqlState().equals("40P01") || pg.getSqlState().equals("40001"));
    }

    /** The batch as kiosk_checkins takes it: one array per column, in its parameters' order. */
    private Tuple tuple(List<Pending> batch) {
        int n = batch.size();
        return Tuple.tuple()
                .addArrayOfUUID(col(batch, n, UUID[]::new, c -> c.act().requestId()))
                .addArrayOfLong(col(batch, n, Long[]::new, c -> c.asker().siteId()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.act().direction()))
                .addArrayOfOffsetDateTime(col(batch, n, OffsetDateTime[]::new, c -> c.act().occurredAt()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.act().method()))
                .addArrayOfLong(col(batch, n, Long[]::new, c -> c.asker().kioskId()))
                .addArrayOfLong(col(batch, n, Long[]::new, c -> c.asker().userId()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.act().gate()))
                .addArrayOfLong(col(batch, n, Long[]::new, c -> c.visitor().id()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.visitor().name()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.visitor().nameFolded()))
                .addArrayOfBuffer(col(batch, n, Buffer[]::new, c -> sealed(c.visitor().phone(), Sealed::hash)))
                .addArrayOfBuffer(col(batch, n, Buffer[]::new, c -> sealed(c.visitor().phone(), Sealed::encrypted)))
                .addArrayOfString(col(batch, n, String[]::new, c -> masked(c.visitor().phone())))
                .addArrayOfBuffer(col(batch, n, Buffer[]::new, c -> sealed(c.visitor().idNumber(), Sealed::hash)))
                .addArrayOfBuffer(col(batch, n, Buffer[]::new, c -> sealed(c.visitor().idNumber(), Sealed::encrypted)))
                .addArrayOfString(col(batch, n, String[]::new, c -> masked(c.visitor().idNumber())))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.act().bluezone()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.act().bluezoneId()))
                .addArrayOfUUID(col(batch, n, UUID[]::new, c -> c.act().newVisitId()))
                .addArrayOfBoolean(col(batch, n, Boolean[]::new, c -> c.visitor().selfDeclared()))
                .addArrayOfBuffer(col(batch, n, Buffer[]::new, c -> buf(c.act().digest())))
                .addArrayOfUUID(col(batch, n, UUID[]::new, c -> c.act().closeVisit()))
                .addString(origin)
                .addInteger(repeatWindowSeconds)
                .addArrayOfInteger(col(batch, n, Integer[]::new, c -> c.consent().version()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.consent().method()))
                .addArrayOfString(col(batch, n, String[]::new, c -> c.consent().controller()))
                .addArrayOfBuffer(col(batch, n, Buffer[]::new, c -> buf(c.visitor().cccdExtra())));
    }

    private static <T> T[] col(List<Pending> batch, int n, java.util.function.IntFunction<T[]> make,
                               Function<CheckinCommand, T> get) {
        T[] out = make.apply(n);
        for (int i = 0; i < n; i++) {
            out[i] = get.apply(batch.get(i).command);
        }
        return out;
    }

    private static Buffer sealed(Sealed s, Function<Sealed, byte[]> part) {
        return s == null ? null : buf(part.apply(s));
    }

    private static String masked(Sealed s) {
        return s == null ? null : s.masked();
    }

    private static Buffer buf(byte[] b) {
        return b == null ? null : Buffer.buffer(b);
    }
}
