package vn.kiosk.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.visitor.PersonalData;

/**
 * After a data-key rotation: re-encrypts the phone and ID numbers still sealed
 * with the previous key, a batch at a time, while the server keeps serving.
 * Idempotent and safe on several instances (each row is rewritten under a
 * row lock and only if it still holds what was read).
 */
public final class Reencryption extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);
    static final int BATCH = 500;
    private static final String PAGE = "select id, phone_enc, id_enc from visitors where id > $1"
            + " and (phone_enc is not null or id_enc is not null) order by id limit " + BATCH;
    private static final String REWRITE = "update visitors set phone_enc = $2, id_enc = $3 where id = $1"
            + " and phone_enc is not distinct from $4 and id_enc is not distinct from $5";

    // Other values sealed with the data key: a CCCD's details at sites that keep them (few rows: only those
    // sites, within their retention) and what visitors wrote in their requests.
    private static final String EXTRAS = "select site_id, entered_at, id, cccd_extra from visits where cccd_extra is not null";
    private static final String REWRITE_EXTRA = "update visits set cccd_extra = $4 where site_id = $1 and entered_at = $2"
            + " and id = $3 and cccd_extra = $5";
    private static final String DETAILS = "select id, detail_enc from privacy_requests where detail_enc is not null";
    private static final String REWRITE_DETAIL = "update privacy_requests set detail_enc = $2 where id = $1"
            + " and detail_enc = $3";

    private final Pool pool;
    private final PersonalData personal;

    public Reencryption(Pool pool, PersonalData personal) {
        this.pool = pool;
        this.personal = personal;
    }

    @Override
    public Future<?> start() {
        if (personal.rotating()) {
            run().onSuccess(n -> log.info("Re-encrypted {} visitors with the new data key; every stored number is now"
                            + " under it: data.previous.key (or KIOSK_KEY_DATA_PREVIOUS) may be removed", n))
                    .onFailure(t -> log.warn("Re-encryption stopped ({}); it resumes at the next start",
                            t.getClass().getSimpleName()));
        }
        return Future.succeededFuture();
    }

    /** Re-encrypts everything still under the previous key; returns how many visitors were rewritten. */
    public Future<Long> run() {
        return page(0L, 0L).compose(n -> others(EXTRAS, "cccd_extra", REWRITE_EXTRA, n))
                .compose(n -> others(DETAILS, "detail_enc", REWRITE_DETAIL, n));
    }

    private Future<Long> others(String select, String column, String rewrite, long done) {
        return pool.query(select).execute().compose(rows -> {
            Future<Long> chain = Future.succeededFuture(done);
            for (Row r : rows) {
                byte[] box = bytes(r.getBuffer(column));
                if (personal.current(box)) {
                    continue;
                }
                Tuple t = Tuple.tuple();
                for (int i = 0; i < r.size() - 1; i++) {
                    t.addValue(r.getValue(i));
                }
                t.addBuffer(reseal(box)).addBuffer(r.getBuffer(column));
                chain = chain.compose(n -> pool.preparedQuery(rewrite).execute(t).map(u -> n + u.rowCount()));
            }
            return chain;
        });
    }

    private Future<Long> page(long after, long done) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(after)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(done);
            }
            Future<Long> chain = Future.succeededFuture(done);
            long last = after;
            for (Row r : rows) {
                last = r.getLong("id");
                byte[] phone = bytes(r.getBuffer("phone_enc"));
                byte[] id = bytes(r.getBuffer("id_enc"));
                if (personal.current(phone) && personal.current(id)) {
                    continue;
                }
                Tuple t = Tuple.tuple().addLong(r.getLong("id")).addBuffer(reseal(phone)).addBuffer(reseal(id))
                        .addBuffer(r.getBuffer("phone_enc")).addBuffer(r.getBuffer("id_enc"));
                chain = chain.compose(n -> pool.preparedQuery(REWRITE).execute(t).map(u -> n + u.rowCount()));
            }
            long next = last;
            return chain.compose(n -> page(next, n));
        });
    }

    private Buffer reseal(byte[] box) {
        return box == null ? null : Buffer.buffer(personal.encrypt(personal.decrypt(box)));
    }

    private static byte[] bytes(Buffer b) {
        return b == null ? null : b.getBytes();
    }
}
