package vn.kiosk.server.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool for reads that may lag behind the last write by the replication
 * delay (the log, exports, reports, traces): a streaming replica when
 * {@code KIOSK_DB_READ_URL} is set. The replica is probed every second; while
 * it does not answer, those reads go to the primary and are counted in
 * {@code kiosk_db_read_fallbacks_total}, so an operator sees the replica is
 * gone while nobody is refused a report. Everything that must see its own
 * write at once (check-ins, sign-in, occupancy) uses the primary pool directly.
 */
public final class ReadPool {
    static final long PROBE_MS = 1000;
    private static final Logger log = LoggerFactory.getLogger(ReadPool.class);
    private static final Set<String> READS = Set.of("query", "preparedQuery", "getConnection", "withConnection",
            "withTransaction");

    private final Pool primary;
    private final Pool replica;
    private final Counter fallbacks;
    private volatile boolean replicaUp;

    private ReadPool(Pool primary, Pool replica, MeterRegistry registry) {
        this.primary = primary;
        this.replica = replica;
        this.fallbacks = Counter.builder("kiosk.db.read.fallbacks")
                .description("Reads meant for the replica that the primary served because the replica did not answer")
                .register(registry);
        Gauge.builder("kiosk.db.read.replica.up", () -> replicaUp ? 1 : 0)
                .description("1 while the read replica answers (reads go to it), 0 while the primary serves them")
                .register(registry);
    }

    /** The primary itself without a replica; else a pool that reads from the replica while it answers. */
    public static Pool of(Vertx vertx, Pool primary, DbTarget replica, int size, MeterRegistry registry) {
        if (replica == null) {
            return primary;
        }
        ReadPool reads = new ReadPool(primary, replica.pool(vertx, size, "kiosk-read"), registry);
        reads.probe();
        long timer = vertx.setPeriodic(PROBE_MS, t -> reads.probe());
        return (Pool) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Pool.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName())) {
                        vertx.cancelTimer(timer);
                        return invoke(reads.replica, method, args);
                    }
                    return invoke(reads.target(method), method, args);
                });
    }

    private Pool target(Method method) {
        if (replicaUp) {
            return replica;
        }
        if (READS.contains(method.getName())) {
            fallbacks.increment();
        }
        return primary;
    }

    private void probe() {
        replica.query("select 1").execute().onComplete(ar -> {
            if (ar.succeeded() != replicaUp) {
                replicaUp = ar.succeeded();
                if (replicaUp) {
                    log.info("The read replica answers: reports and the log are read from it");
                } else {
                    log.warn("The read replica does not answer ({}): reports and the log are read from the primary",
                            ar.cause().getClass().getSimpleName());
                }
            }
        });
    }

    private static Object invoke(Pool target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
