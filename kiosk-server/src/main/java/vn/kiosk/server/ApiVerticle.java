package vn.kiosk.server;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import java.util.function.Consumer;
import vn.kiosk.server.checkin.VisitWriter;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.http.BodyLimits;
import vn.kiosk.server.http.HttpEdge;
import vn.kiosk.server.http.HttpLimits;
import vn.kiosk.server.http.InputText;
import vn.kiosk.server.http.Problems;
import vn.kiosk.server.http.RequestIds;
import vn.kiosk.server.http.SecurityHeaders;
import vn.kiosk.server.http.SlowClientGuard;
import vn.kiosk.server.http.TrustedProxies;
import vn.kiosk.server.metrics.KioskMetrics;
import vn.kiosk.server.signage.SignageGate;

/**
 * The HTTP face of the server: the OpenAPI contract decides which requests
 * reach a handler (and validates them first); {@link Routes} says which
 * handler serves which operation. One instance per event loop, each with its
 * own visit writer.
 */
public final class ApiVerticle extends VerticleBase {
    /**
     * Operations whose handlers check their own input: a camera frame is not
     * JSON, and vertx-openapi 5.0 reads a free-text query value such as
     * "+84912345678" as a number and then refuses it as "not a string"
     * (eclipse-vertx/vertx-openapi#114).
     */
    private static final java.util.Set<String> OWN_VALIDATION =
            java.util.Set.of("checkIn", "decodeQr", "uploadCampaignImage", "listVisits", "exportVisitsCsv", "renderQr",
                    "exportVisitsXlsx", "dailyReport", "dailyReportCsv", "dailyReportXlsx", "reportDays", "dailyReportPdf");

    /** How long a stopping server waits for requests in flight before it closes their connections. */
    public static final int DRAIN_SECONDS = 10;

    private final Config config;
    private final Services services;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;
    private HttpServer secure;
    private VisitWriter writer;
    private SlowClientGuard guard;

    public ApiVerticle(Config config, Services services, PrometheusMeterRegistry registry) {
        this.config = config;
        this.services = services;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        DistributionSummary batches = DistributionSummary.builder("kiosk_write_batch_size")
                .description("Check-ins written per group commit").register(registry);
        // Each event loop's writer may use its share of the pool at once: batches in flight overlap their commits.
        int inFlight = Math.max(1, config.dbPoolSize() / Math.max(1, config.verticleInstances()));
        writer = new VisitWriter(context, services.pool(), services.relay().origin(), config.writeBatchMax(), inFlight,
                config.repeatWindowSeconds(), batches::record);
        services.writers().add(writer);
        return OpenAPIContract.from(vertx, "openapi.yaml").compose(contract -> {
            RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
            builder.rootHandler(new RequestIds());
            BodyLimits limits = new BodyLimits(config.bodyLimitBytes());
            builder.rootHandler(limits.declared());
            builder.rootHandler(new SecurityHeaders(config.hstsSeconds()));
            builder.rootHandler(BodyHandler.create(false).setBodyLimit(BodyLimits.UPLOAD_LIMIT));
            builder.rootHandler(services.authenticator());
            builder.rootHandler(limits.actual());
            builder.rootHandler(new InputText());
            Map<String, Handler<RoutingContext>> table = Routes.table(services, () -> writer);
            for (OpenAPIRoute route : builder.getRoutes()) {
                String op = route.getOperation().getOperationId();
                Handler<RoutingContext> handler = "checkIn".equals(op)
                        ? KioskMetrics.countCheckins(registry, table.get(op)) : table.get(op);
                if (handler == null) {
                    return Future.failedFuture(new IllegalStateException("No handler for operation " + op));
                }
                handler = SignageGate.guard(op, handler);
                route.setDoSecurity(false).addHandler(handler).addFailureHandler(RequestIds.logged(Problems::handle));
                if (OWN_VALIDATION.contains(op)) {
                    route.setDoValidation(false);
                }
            }
            Router router = builder.createRouter();
            // First of all routes: while the server drains, every answer closes its connection.
            router.route().order(Integer.MIN_VALUE).handler(ctx -> {
                if (services.draining().get()) {
                    ctx.response().putHeader(io.vertx.core.http.HttpHeaders.CONNECTION, "close");
                }
                ctx.next();
            });
            TrustedProxies proxies = TrustedProxies.parse(config.trustedProxies());
            if (!proxies.isEmpty()) {
                // Safe only because HttpEdge strips these headers from every peer that is not a trusted proxy.
                router.allowForward(AllowForwardHeaders.X_FORWARD);
            }
            mountOthers(router);
            guard = new SlowClientGuard(vertx, config.httpLimits());
            io.micrometer.core.instrument.FunctionCounter.builder("kiosk_http_slow_connections_closed", guard,
                            g -> SlowClientGuard.cutCount())
                    .description("Connections closed for not sending a complete request in time").register(registry);
            if (config.tls().isEmpty()) {
                server = createServer(new HttpServerOptions());
                return guard.install(server, HttpEdge.direct(router, proxies)).listen(config.httpPort());
            }
            Config.Tls tls = config.tls().get();
            server = createServer(new HttpServerOptions());
            secure = createServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.cert().toString())
                            .setKeyPath(tls.key().toString())));
            return guard.install(secure, HttpEdge.direct(router, proxies)).listen(tls.port())
                    .compose(s -> guard.install(server, HttpEdge.redirecting(router, proxies,
                                    HttpEdge.httpsOrigin(config.publicUrl(), tls.port())))
                            .listen(config.httpPort()));
        });
    }

    private HttpServer createServer(HttpServerOptions options) {
        HttpLimits limits = config.httpLimits();
        // No clear-text HTTP/2 (no browser speaks it): with it, Vert.x waits for a whole first request to look
        // for an h2c upgrade before it reports the connection, which hides idle and slowloris connections from
        // the SlowClientGuard. HTTP/2 stays available over TLS (ALPN).
        HttpServer s = vertx.createHttpServer(options.setCompressionSupported(true).setHttp2ClearTextEnabled(false)
                .setIdleTimeout(limits.idleTimeoutSeconds()).setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxFormAttributeSize(config.bodyLimitBytes()));
        s.invalidRequestHandler(req -> {
            if (req.decoderResult().cause() instanceof io.netty.handler.codec.PrematureChannelClosureException) {
                return; // the client hung up in the middle of its headers: nothing to answer, nothing to log
            }
            org.slf4j.LoggerFactory.getLogger(ApiVerticle.class).warn("Invalid HTTP request {}", req.decoderResult());
            // 400, or 431/414 for headers or a request line over the limits
            io.vertx.core.http.HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(req);
        });
        s.exceptionHandler(t -> org.slf4j.LoggerFactory.getLogger(ApiVerticle.class)
                .warn("HTTP connection failed ({})", t.toString()));
        return s;
    }

    @Override
    public Future<?> stop() {
        if (guard != null) {
            guard.stop();
        }
        // shutdown, not close: the port stops accepting at once (a balancer sends new connections elsewhere)
        // while requests in flight are still answered, so an acknowledged check-in is never cut off.
        Future<Void> closed = server == null ? Future.succeededFuture()
                : server.shutdown(DRAIN_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        Future<Void> closedSecure = secure == null ? Future.succeededFuture()
                : secure.shutdown(DRAIN_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        return Future.join(closed, closedSecure).compose(v -> writer.drain());
    }

    public int actualPort() {
        return server.actualPort();
    }

    private void mountOthers(Router router) {
        HealthChecks checks = HealthChecks.create(vertx);
        checks.register("database", 2000, promise -> services.pool().query("select 1").execute()
                .onSuccess(r -> promise.complete(Status.OK()))
                .onFailure(t -> promise.complete(Status.KO())));
        checks.register("accepting", promise -> promise.complete(services.draining().get() ? Status.KO() : Status.OK()));
        router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(checks));
        router.get("/metrics").handler(KioskMetrics.scrape(registry, config.metrics().token()));
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
        Consumer<Router> web = services.web();
        web.accept(router);
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(RequestIds.logged(Problems::handle));
    }
}
