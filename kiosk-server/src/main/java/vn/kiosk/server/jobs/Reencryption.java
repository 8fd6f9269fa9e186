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
        return page(0L, 0L);
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
