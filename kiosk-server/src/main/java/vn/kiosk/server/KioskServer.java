package vn.kiosk.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.auth.AuthService;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.Bootstrap;
import vn.kiosk.server.auth.AuditStore;
import vn.kiosk.server.auth.UserHandlers;
import vn.kiosk.server.auth.UserStore;
import vn.kiosk.server.checkin.VisitWriter;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.db.DbTarget;
import vn.kiosk.server.db.EmbeddedDatabase;
import vn.kiosk.server.db.ReadPool;
import vn.kiosk.server.demo.DemoSeed;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.events.Occupancy;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.jobs.Housekeeping;
import vn.kiosk.server.privacy.Notices;
import vn.kiosk.server.jobs.Reencryption;
import vn.kiosk.server.jobs.Retention;
import vn.kiosk.server.log.EventTicketStore;
import vn.kiosk.server.log.SseHandler;
import vn.kiosk.server.metrics.KioskMetrics;
import vn.kiosk.server.qr.QrHandlers;
import vn.kiosk.server.report.DailyStatsJob;
import vn.kiosk.server.site.KioskStore;
import vn.kiosk.server.site.KioskWatch;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.site.SiteRepository;
import vn.kiosk.server.sms.Sms;
import vn.kiosk.server.visitor.Keys;
import vn.kiosk.server.visitor.ServerKeys;
import vn.kiosk.server.web.WebPages;

/**
 * One running server: database (embedded or external), migrations, then the
 * verticles in order. Start-up fails fast; {@link #close()} stops HTTP first,
 * drains the writers, then the database.
 */
public final class KioskServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskServer.class);

    private final EmbeddedDatabase embedded;
    private final DbTarget target;
    private final Vertx vertx;
    private final Pool pool;
    private final EventRelay relay;
    private final int port;
    private final int httpsPort;
    private final Housekeeping housekeeping;
    private DailyStatsJob dailyStats;
    private Sms sms;
    private String apiDeployment;
    private AtomicBoolean draining;
    private int metricsPort = -1;
    private boolean closed;

    private KioskServer(EmbeddedDatabase embedded, DbTarget target, Vertx vertx, Pool pool, EventRelay relay, int port,
                        int httpsPort, Housekeeping housekeeping) {
        this.embedded = embedded;
        this.target = target;
        this.vertx = vertx;
        this.pool = pool;
        this.relay = relay;
        this.port = port;
        this.httpsPort = httpsPort;
        this.housekeeping = housekeeping;
    }

    public static KioskServer start(Config config, Map<String, String> env) throws Exception {
        return start(config, env, false, Clock.systemUTC());
    }

    /**
     * {@code stoppedByCaller}: the caller stops the server from its own JVM shutdown hook (the server process
     * does, {@code Main}), so the embedded PostgreSQL gets no hook of its own and stops last, after the drain.
     */
    public static KioskServer start(Config config, Map<String, String> env, boolean stoppedByCaller) throws Exception {
        return start(config, env, stoppedByCaller, Clock.systemUTC());
    }

    /**
     * {@code clock}: the time every decision of the server is taken at (which day "today" is, whether a
     * replayed check-in is too old, when stays are inferred to have ended). Tests set it; the database's own
     * now() still stamps rows as they are written.
     */
    public static KioskServer start(Config config, Map<String, String> env, boolean stoppedByCaller, Clock clock)
            throws Exception {
        long t0 = System.nanoTime();
        EmbeddedDatabase embedded = config.dbUrl().isEmpty()
                ? EmbeddedDatabase.start(config.dataDir(), !stoppedByCaller) : null;
        Vertx vertx = null;
        try {
            DbTarget target = embedded != null ? embedded.target() : DbTarget.of(config.dbUrl().get());
            target.migrate();
            ServerKeys keys = ServerKeys.load(new Keys(config.dataDir(), env));
            int port = config.httpPort() == 0 ? freePort() : config.httpPort();
            Config resolved = config.withHttpPort(port);
            if (config.tls().isPresent() && config.tls().get().port() == 0) {
                resolved = resolved.withTls(Optional.of(config.tls().get().withPort(freePort())));
            }
            Optional<Integer> httpsPort = resolved.tls().map(Config.Tls::port);
            if (!env.containsKey(Config.PUBLIC_URL) && (config.httpPort() == 0 || httpsPort.isPresent())) {
                resolved = resolved.withPublicUrl(httpsPort.map(p -> "https://localhost:" + p).orElse("http://localhost:" + port));
            }
            Config cfg = resolved;

            PrometheusMeterRegistry registry = KioskMetrics.registry();
            vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(KioskMetrics.options()))
                    .withMetrics(new MicrometerMetricsFactory(registry))
                    .build();
            Pool pool = target.pool(vertx, cfg.dbPoolSize());
            Pool readPool = ReadPool.of(vertx, pool, cfg.dbReadUrl().map(DbTarget::of).orElse(null), cfg.dbPoolSize(),
                    registry);
            EventRelay relay = new EventRelay(vertx, pool, target.connectOptions(), UUID.randomUUID().toString(),
                    new Occupancy(vertx, pool, registry));
            SiteAccess access = new SiteAccess(new SiteRepository(pool));
            AuthService auth = new AuthService(vertx, pool, cfg.sessionTtl());
            SseHandler sse = new SseHandler(vertx, new EventTicketStore(pool), access, auth, relay.occupancy());
            relay.onAuthChange(auth::invalidateAll);
            relay.onAuthChange(sse::recheck);
            Notices notices = new Notices(new vn.kiosk.server.privacy.NoticeStore(pool, new vn.kiosk.server.privacy.Audit()),
                    access.repository(), cfg.retentionDays());
            QrHandlers qr = new QrHandlers(vertx, new KioskStore(pool), access, keys, cfg.publicUrl(), notices);
            // Without an SMSC configured no SMS code runs at all.
            Vertx vx = vertx;
            Sms sms = cfg.sms().map(s -> new Sms(vx, pool, target.connectOptions(), keys.personal(), s, clock,
                    cfg.retentionDays())).orElse(null);
            Services services = new Services(vertx, cfg, pool, readPool, new Authenticator(auth), access, relay, keys,
                    new RateLimiter(60_000), sse, qr, new UserHandlers(vertx, new UserStore(pool),
                    new AuditStore(pool), auth, keys.session(), clock),
                    new ConcurrentLinkedQueue<VisitWriter>(), WebPages::mount, new AtomicBoolean(), clock, sms, notices);
            KioskMetrics.gauge(registry, "kiosk.sse.connections", "Open event streams (guard consoles, dashboards, kiosks)",
                    services.sse()::openStreams);
            if (sms != null) {
                KioskMetrics.gauge(registry, "kiosk.sms.bound", "1 while this instance is bound to the SMSC (only the"
                        + " instance that sends binds)", () -> sms.bound() ? 1 : 0);
            }
            KioskMetrics.gauge(registry, "kiosk.db.pool.max", "Database connections this instance may open", cfg::dbPoolSize);
            KioskWatch fleet = new KioskWatch(pool, relay, cfg.kioskSilentSeconds(), KioskStore.ONLINE_SECONDS, registry);
            Housekeeping housekeeping = new Housekeeping(pool, relay, clock);
            DailyStatsJob dailyStats = new DailyStatsJob(pool, clock, cfg.retentionDays());
            Retention retention = new Retention(pool, dailyStats, clock, cfg.retentionDays());
            // By default only an embedded database that has no sites yet gets the demo province.
            Future<Boolean> demo = cfg.demo().isPresent() || embedded == null
                    ? Future.succeededFuture(cfg.demo().orElse(false))
                    : pool.query("select not exists (select 1 from sites) as fresh").execute()
                            .map(rows -> rows.iterator().next().getBoolean("fresh"));

            Vertx v = vertx;
            String[] api = new String[1];
            int[] metrics = new int[1];
            await(checkKeys(pool, keys)
                    .compose(x -> relay.start())
                    .compose(x -> Bootstrap.admin(v, pool, cfg.adminPassword()))
                    .compose(x -> v.deployVerticle(housekeeping))
                    .compose(x -> v.deployVerticle(fleet))
                    .compose(x -> v.deployVerticle(dailyStats))
                    .compose(x -> v.deployVerticle(retention))
                    .compose(x -> v.deployVerticle(new Reencryption(pool, keys.personal())))
                    .compose(x -> demo)
                    .compose(seed -> seed ? v.deployVerticle(new DemoSeed(pool, keys, qr)) : Future.succeededFuture())
                    .compose(x -> v.deployVerticle(() -> new ApiVerticle(cfg, services, registry),
                            new DeploymentOptions().setInstances(cfg.verticleInstances())))
                    .onSuccess(id -> api[0] = id)
                    .compose(id -> cfg.metrics().port().isEmpty() ? Future.succeededFuture(-1)
                            : KioskMetrics.listen(v, registry, cfg.metrics().host(), cfg.metrics().port().get())
                                    .map(io.vertx.core.http.HttpServer::actualPort))
                    .onSuccess(p -> metrics[0] = p));
            log.info("Kiosk is listening on port {}{} (database {}, started in {} ms)", port,
                    httpsPort.map(p -> ", HTTPS on port " + p).orElse("")
                            + (metrics[0] > 0 ? ", metrics on " + cfg.metrics().host() + ":" + metrics[0] : ""),
                    (embedded != null ? "embedded" : target.host() + ":" + target.port())
                            + cfg.dbReadUrl().map(u -> ", reads from " + u.host() + ":" + u.port()).orElse(""),
                    (System.nanoTime() - t0) / 1_000_000);
            KioskServer server = new KioskServer(embedded, target, vertx, pool, relay, port, httpsPort.orElse(-1), housekeeping);
            if (sms != null) {
                sms.start();
                server.sms = sms;
            }
            server.dailyStats = dailyStats;
            server.draining = services.draining();
            server.apiDeployment = api[0];
            server.metricsPort = metrics[0];
            return server;
        } catch (Exception | Error e) {
            if (vertx != null) {
                vertx.close().await(10, TimeUnit.SECONDS);
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static Future<Void> checkKeys(Pool pool, ServerKeys keys) {
        // During a data-key rotation the database still knows the previous key: move it on to the new one.
        byte[] previous = keys.personal().previousFingerprint();
        Future<Void> chain = previous == null ? Future.succeededFuture()
                : pool.preparedQuery("update key_fingerprints set fingerprint = $2 where name = 'data' and fingerprint = $1")
                        .execute(io.vertx.sqlclient.Tuple.of(io.vertx.core.buffer.Buffer.buffer(previous),
                                io.vertx.core.buffer.Buffer.buffer(keys.personal().fingerprints().get("data"))))
                        .mapEmpty();
        for (var e : keys.personal().fingerprints().entrySet()) {
            chain = chain.compose(x -> pool.preparedQuery("insert into key_fingerprints (name, fingerprint) values ($1, $2)"
                            + " on conflict (name) do update set name = excluded.name returning fingerprint")
                    .execute(io.vertx.sqlclient.Tuple.of(e.getKey(), io.vertx.core.buffer.Buffer.buffer(e.getValue())))
                    .compose(rows -> java.util.Arrays.equals(rows.iterator().next().getBuffer(0).getBytes(), e.getValue())
                            ? Future.succeededFuture()
                            : Future.failedFuture(new IllegalStateException("The " + e.getKey() + " key of this server"
                                    + " differs from the one the database was written with. Give every instance the"
                                    + " same keys (KIOSK_KEY_* or a copy of <data dir>/keys)."))));
        }
        return chain;
    }

    public int port() {
        return port;
    }

    /** The port serving only /metrics (KIOSK_METRICS_PORT), or -1 without one. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The HTTPS port, or -1 without a certificate. */
    public int httpsPort() {
        return httpsPort;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Pool pool() {
        return pool;
    }

    public DbTarget database() {
        return target;
    }

    public Housekeeping housekeeping() {
        return housekeeping;
    }

    public DailyStatsJob dailyStats() {
        return dailyStats;
    }

    /** The SMS reminders, or empty when no SMSC is configured. */
    public Optional<Sms> sms() {
        return Optional.ofNullable(sms);
    }

    /**
     * Before a SIGTERM stop when other instances may share the database: for {@link #LAME_DUCK_MS} every
     * answer closes its connection and {@code /health} says 503, so clients and the balancer move to the
     * other instances on a fresh connection. Without it, the port closing would race requests already on
     * their way over idle keep-alive connections, and those would get no answer.
     */
    public void drain() throws InterruptedException {
        if (embedded != null || draining == null) {
            return;
        }
        log.info("Draining: answers close their connections, /health says 503, for {} ms", LAME_DUCK_MS);
        draining.set(true);
        Thread.sleep(LAME_DUCK_MS);
    }

    /** How long {@link #drain()} keeps answering before the port closes. */
    public static final long LAME_DUCK_MS = 2000;

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Stopping: HTTP first, then pending writes, then the database");
        try {
            // Vert.x closes its own resources (the pool among them) before it undeploys the verticles, so
            // the HTTP verticles go first, by hand: they stop accepting, answer what is in flight and drain
            // their writers while the pool is still open.
            if (apiDeployment != null) {
                vertx.undeploy(apiDeployment).await(ApiVerticle.DRAIN_SECONDS + 20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("The HTTP verticles did not stop cleanly ({})", e.getClass().getSimpleName());
        }
        if (sms != null) {
            // Its thread stops submitting; a message in flight stays "sending" and is never sent again.
            sms.close();
        }
        try {
            // Then the LISTEN connection, so that it is not still open when PostgreSQL stops.
            relay.stop().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The event relay did not stop cleanly ({})", e.getClass().getSimpleName());
        }
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Vert.x did not stop cleanly ({})", e.getClass().getSimpleName());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        try {
            return f.await(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Start-up failed", t);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
