package vn.kiosk.server.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries events between server instances: LISTENs on {@link Events#CHANNEL}
 * and republishes on the local event bus what other instances took; publishes
 * what this instance took both locally and through NOTIFY.
 */
public final class EventRelay {
    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final Vertx vertx;
    private final Pool pool;
    private final String origin;
    private final String ownSql;
    private final String ownJson;
    private final PgSubscriber subscriber;
    private final Occupancy occupancy;
    private final List<Runnable> authChanged = new CopyOnWriteArrayList<>();

    public EventRelay(Vertx vertx, Pool pool, PgConnectOptions options, String origin, Occupancy occupancy) {
        this.vertx = vertx;
        this.pool = pool;
        this.origin = origin;
        this.ownSql = "{\"origin\" : \"" + origin + "\"";
        this.ownJson = "{\"origin\":\"" + origin + "\"";
        this.occupancy = occupancy;
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 1_000_000 ? 1000L : -1L);
    }

    public Future<Void> start() {
        subscriber.channel(Events.CHANNEL).handler(this::received).subscribeHandler(v -> {
            // Called after every (re)connect. The listening connection belongs to no pool, and without a handler
            // the client prints its errors bare on stderr (57P01 when PostgreSQL stops), past the JSON log format.
            PgConnection connection = subscriber.actualConnection();
            if (connection != null) {
                connection.exceptionHandler(e -> log.warn("The event relay's database connection failed: {}", e.getMessage()));
            }
            occupancy.recheckAll(); // events of other instances may have been missed while disconnected
            log.info("Listening for events of other instances");
        });
        // A change to sessions, users or kiosks anywhere (V31's triggers); also on every
        // (re)connection, since notifications sent while disconnected are lost.
        subscriber.channel(Events.AUTH_CHANNEL).handler(payload -> authChanged())
                .subscribeHandler(v -> authChanged());
        occupancy.start();
        return subscriber.connect();
    }

    /**
     * Runs {@code action} whenever tokens may have been ended or narrowed on any instance; actions run in the
     * order they were added (the token cache is emptied before open streams are checked again).
     */
    public void onAuthChange(Runnable action) {
        authChanged.add(action);
    }

    private void authChanged() {
        authChanged.forEach(Runnable::run);
    }

    public Future<Void> stop() {
        occupancy.stop();
        return subscriber.close();
    }

    /** The count of people inside each site this instance watches, kept from the events it relays. */
    public Occupancy occupancy() {
        return occupancy;
    }

    public String origin() {
        return origin;
    }

    /** After COMMIT only: to this instance's subscribers at once, to the others through NOTIFY. */
    public Future<Void> publish(JsonObject event) {
        publishLocally(event);
        // origin first, so that the sender can tell its own notification without parsing it (received)
        JsonObject message = new JsonObject().put("origin", origin).mergeIn(event);
        return pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(Events.CHANNEL, message.encode()))
                .mapEmpty();
    }

    public Future<Void> publish(Events.Event event) {
        return publish(event.toJson());
    }

    /** An event whose NOTIFY the database sent in the transaction that stored it (the batch function). */
    public void publishLocally(Events.Event event) {
        publishLocally(event.toJson());
    }

    public void publishLocally(JsonObject event) {
        JsonObject copy = event.copy();
        copy.remove("origin");
        occupancy.apply(copy);
        vertx.eventBus().publish(Events.siteAddress(copy.getLong("siteId")), Events.frame(copy));
    }

    private void received(String payload) {
        // PostgreSQL sends this instance its own notifications too (up to 6 KB of events each): skip them unparsed.
        // The batch function writes {"origin" : "…", the Java side {"origin":"…".
        if (payload.startsWith(ownSql) || payload.startsWith(ownJson)) {
            return;
        }
        try {
            JsonObject message = new JsonObject(payload);
            if (origin.equals(message.getString("origin"))) {
                return;
            }
            // The batch function sends many events in one notification: {"origin": …, "events": [ … ]}.
            JsonArray events = message.getJsonArray("events");
            if (events == null) {
                publishLocally(message);
            } else {
                for (int i = 0; i < events.size(); i++) {
                    publishLocally(events.getJsonObject(i));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed event notification ({})", e.getClass().getSimpleName());
        }
    }
}
