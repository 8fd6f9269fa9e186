package vn.kiosk.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The reference the closed-loop figures are measured against, benchmark only (never in the product): the same HTTP
 * stack as the server (Vert.x HTTP, a vertx-web router and body handler, JSON, the reactive PostgreSQL client with a
 * pool of 8 and cached prepared statements, one verticle per core) taking the same check-in body, with one durable
 * single-row INSERT per request, answered after its COMMIT. What it leaves out — authentication, validation, the
 * visitor's keys and ciphertexts, presence, the event — is what Kiosk does on top.
 *
 * <p>usage: {@code InsertReference <postgresql://…> <port>}; runs until killed.
 */
public final class InsertReference extends VerticleBase {
    static final String TABLE = "bench_reference_checkins";
    private static final String INSERT = "insert into " + TABLE
            + " (id, site_id, name, phone, bluezone, occurred_at) values ($1, $2, $3, $4, $5, $6)";

    private final PgConnectOptions connect;
    private final int port;
    private Pool pool;

    InsertReference(PgConnectOptions connect, int port) {
        this.connect = connect;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        PgConnectOptions connect = PgConnectOptions.fromUri(args[0]).setCachePreparedStatements(true)
                .setPipeliningLimit(256);
        int port = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        Pool setup = PgBuilder.pool().connectingTo(connect).using(vertx).build();
        setup.query("create table if not exists " + TABLE + " (id uuid primary key, site_id bigint not null,"
                + " name text not null, phone text, bluezone text, occurred_at timestamptz not null,"
                + " recorded_at timestamptz not null default now())").execute().await(30, TimeUnit.SECONDS);
        setup.close().await(10, TimeUnit.SECONDS);
        vertx.deployVerticle(() -> new InsertReference(connect, port),
                new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
                .await(30, TimeUnit.SECONDS);
        System.out.println("reference listening on " + port);
    }

    @Override
    public Future<?> start() {
        // one pool shared by the instances, as the server's is
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8).setShared(true).setName("reference"))
                .connectingTo(connect).using(vertx).build();
        Router router = Router.router(vertx);
        router.post("/api/v1/checkins").handler(BodyHandler.create(false).setBodyLimit(65_536)).handler(this::checkIn);
        return vertx.createHttpServer().requestHandler(router).listen(port);
    }

    private void checkIn(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        JsonObject visitor = body.getJsonObject("visitor");
        JsonObject bluezone = body.getJsonObject("bluezone");
        UUID id = UUID.fromString(body.getString("id"));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        pool.preparedQuery(INSERT).execute(Tuple.of(id, body.getLong("siteId"), visitor.getString("name"),
                        visitor.getString("phone"), bluezone == null ? null : bluezone.getString("status"), at))
                .onSuccess(rows -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("visitId", id.toString()).put("direction", "in")
                                .put("occurredAt", at.toString()).encode()))
                .onFailure(t -> ctx.response().setStatusCode(500).end());
    }
}
