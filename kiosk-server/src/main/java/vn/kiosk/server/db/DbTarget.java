package vn.kiosk.server.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
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
        return pool(vertx, size, "kiosk");
    }

    /** {@code name} labels the pool's metrics ({@code pool_name}). */
    public Pool pool(Vertx vertx, int size, String name) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size).setShared(true).setName(name)
                        .setMaxWaitQueueSize(4096).setConnectionTimeout(5))
                .connectingTo(connectOptions())
                .using(vertx)
                .build();
    }

    /**
     * Runs the Flyway migrations, forward only; blocking, so never on an event
     * loop. A schema that a newer Kiosk migrated is refused: Flyway by
     * default ignores such "future" migrations, and this build would then
     * write into tables it does not understand.
     */
    public void migrate() {
        Flyway flyway = flyway().load();
        refuseNewer(flyway);
        flyway.migrate();
    }

    /** Fails with {@link NewerSchemaException} when the database holds migrations this build does not know. */
    public static void refuseNewer(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion newest = null;
        MigrationVersion known = null;
        for (MigrationInfo m : all) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState().name().startsWith("FUTURE")) {
                newest = newest == null || m.getVersion().compareTo(newest) > 0 ? m.getVersion() : newest;
            } else if (m.getType() != null && !m.getType().isSynthetic()) {
                known = known == null || m.getVersion().compareTo(known) > 0 ? m.getVersion() : known;
            }
        }
        if (newest != null) {
            throw new NewerSchemaException("The database was written by a newer Kiosk (schema V" + newest
                    + "; this Kiosk knows up to V" + known + "): run that version or newer. Migrations only go"
                    + " forward; to go back, restore a backup taken before the upgrade.");
        }
    }

    /** The database belongs to a newer release; starting would risk it. */
    public static final class NewerSchemaException extends IllegalStateException {
        public NewerSchemaException(String message) {
            super(message);
        }
    }

    /**
     * The one Flyway configuration: start-up, backup and restore all read the schema the same way. The
     * versioned migrations (tables) are in db/migration, the repeatable ones (one per SQL function, applied
     * after them) in db/functions.
     */
    public FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(jdbcUrl(), user, password)
                .locations("classpath:db/migration", "classpath:db/functions")
                .validateMigrationNaming(true);
    }

    /**
     * The tables as they were at {@code version}, without the functions: Flyway applies repeatable migrations
     * with any target, and a function's current body may need tables of later versions (or be created again,
     * without "or replace", by a later versioned migration of an old history).
     */
    public Flyway tablesUpTo(MigrationVersion version) {
        return flyway().locations("classpath:db/migration").target(version).load();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
