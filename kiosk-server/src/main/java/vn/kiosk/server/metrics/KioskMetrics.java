package vn.kiosk.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import vn.kiosk.server.http.ApiException;

/**
 * One naming convention for {@code /metrics}: everything of ours and of
 * Vert.x is {@code kiosk_*} (Vert.x's own {@code vertx_*} meters are renamed),
 * JVM and process meters keep their standard names so stock dashboards work.
 * HTTP latency is a histogram per route with buckets around the budgets
 * (10 ms check-in p99, 50 ms events, 500 ms traces).
 */
public final class KioskMetrics {
    /** Set by the check-in handler once it knows how the visitor was identified. */
    public static final String CHECKIN_METHOD = "kiosk.checkin.method";
    private static final java.util.Set<String> HISTOGRAMS = java.util.Set.of("kiosk.http.server.response.time",
            "kiosk.sql.processing.time", "kiosk.pool.queue.time");
    private static final double[] LATENCY_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private KioskMetrics() {
    }

    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config()
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().startsWith("vertx.") ? id.withName("kiosk." + id.getName().substring(6)) : id;
                    }
                })
                .meterFilter(new MeterFilter() {
                    @Override
                    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                        if (HISTOGRAMS.contains(id.getName())) {
                            return DistributionStatisticConfig.builder()
                                    .serviceLevelObjectives(Arrays.stream(LATENCY_SECONDS).map(s -> s * 1e9).toArray())
                                    .build().merge(config);
                        }
                        return config;
                    }
                });
        return registry;
    }

    /**
     * Vert.x meters labelled by route (the path pattern, so no ids or personal data end up in a label). A name
     * of its own: Vert.x keeps one registry per name for the whole JVM, so a second server in it (tests, the
     * benchmark) would otherwise put its meters into the first one's registry.
     */
    public static MicrometerMetricsOptions options() {
        return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                .setRegistryName("kiosk-" + java.util.UUID.randomUUID())
                .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME);
    }

    /** {@code kiosk_checkins_total{method, result}} around the check-in handler. */
    public static Handler<RoutingContext> countCheckins(MeterRegistry registry, Handler<RoutingContext> handler) {
        // one counter per label pair, found once (building and registering a meter per request showed in ~2 % of the server CPU samples at peak)
        java.util.Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();
        return ctx -> {
            // Counted when the status is set and the headers go out; a connection lost later changes nothing here.
            ctx.addHeadersEndHandler(v -> {
                String method = ctx.get(CHECKIN_METHOD);
                String m = method == null ? "unknown" : method;
                String result = result(ctx.response().getStatusCode());
                counters.computeIfAbsent(m + ' ' + result, k -> Counter.builder("kiosk.checkins")
                        .description("Check-ins answered, by how the visitor was identified and the outcome")
                        .tag("method", m).tag("result", result).register(registry)).increment();
            });
            handler.handle(ctx);
        };
    }

    static String result(int status) {
        return switch (status) {
            case 201 -> "recorded";
            case 200 -> "replayed";
            case 401, 403 -> "denied";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "error" : "refused";
        };
    }

    /**
     * {@code /metrics} on the public port(s): for the metrics token only. A staff sign-in is not enough, and
     * with no token configured nobody gets it there (the metrics port, on loopback, is the other way in).
     */
    public static Handler<RoutingContext> scrape(PrometheusMeterRegistry registry, Optional<String> token) {
        Handler<RoutingContext> scrape = PrometheusScrapingHandler.create(registry);
        byte[] expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
        return ctx -> {
            String given = ctx.request().getHeader("Authorization");
            // constant time, so the token cannot be found a character at a time from the answer's timing
            if (expected != null && given != null
                    && MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.UTF_8))) {
                scrape.handle(ctx);
                return;
            }
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"kiosk-metrics\"");
            ctx.fail(ApiException.of(401, "metrics-token", "Not allowed", expected == null
                    ? "Metrics are not served on this port: scrape KIOSK_METRICS_PORT, or set KIOSK_METRICS_TOKEN"
                    + " and send it as Authorization: Bearer <token>"
                    : "Send the metrics token (KIOSK_METRICS_TOKEN) as Authorization: Bearer <token>"));
        };
    }

    /** The metrics port: {@code /metrics} alone, without a token, for whoever can reach {@code host}. */
    public static Future<HttpServer> listen(Vertx vertx, PrometheusMeterRegistry registry, String host, int port) {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                        .setIdleTimeout(60).setHttp2ClearTextEnabled(false))
                .requestHandler(router).listen();
    }

    public static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }
}
