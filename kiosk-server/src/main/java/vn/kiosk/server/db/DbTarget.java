package vn.kiosk.server.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import vn.kiosk.server.config.Config;

/** Where the database is, and the two ways the server talks to it. */
public record DbTarget(String host, int port, String database, String user, String password) {

    public static DbTarget of(Config.DbUrl url) {
        return new DbTarget(url.host(), url.port(), url.database(), url.user(), url.password());
    }

    public PgConnectOptions connectOptions() {
        return new PgConnectOptions()
                .setHost(host).setPort(port).setDatabase(database)
                .setUser(user).setPassword(password)
                .setCachePreparedStatements(true)
                .setPipeliningLimit(256)
                .addProperty("application_name", "kiosk-server")
                .addProperty("TimeZone", "UTC");
    }

    public Pool pool(Vertx vertx, int size) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size).setShared(true).setName("kiosk")
                        .setMaxWaitQueueSize(4096).setConnectionTimeout(5))
                .connectingTo(connectOptions())
                .using(vertx)
                .build();
    }

    /** Runs the Flyway migrations; blocking, so never on an event loop. */
    public void migrate() {
        flyway().load().migrate();
    }

    /** The one Flyway configuration: start-up, backup and restore all read the schema the same way. */
    public FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(jdbcUrl(), user, password)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
