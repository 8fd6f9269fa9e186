package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kiosks and public screens (kinds "kiosk" and "signage" of one table). Codes, tokens and secrets arrive and
 * are stored as hashes or bytes: this class never sees a pairing code or device token in clear.
 */
public final class KioskStore {
    /** A device that answered within this long counts as online. */
    public static final int ONLINE_SECONDS = 90;

    private static final String INSERT = "insert into kiosks (site_id, name, gate, mode, pairing_code_hash,"
            + " pairing_expires_at, kind) values ($1, $2, $3, $4, $5, now() + interval '24 hours', $6)"
            + " returning id, date_trunc('second', pairing_expires_at) as expires";
    private static final String LIST = "select id, name, gate, mode, kind, paired_at, revoked_at, last_seen_at, app_version,"
            + " queued, battery, silent_alerted_for is not null and silent_alerted_for = last_seen_at as silent,"
            + " last_seen_at > now() - make_interval(secs => " + ONLINE_SECONDS + ") as online"
            + " from kiosks where site_id = $1 order by id";
    private static final String PAIR = "update kiosks set paired_at = now(), pairing_code_hash = null,"
            + " device_token_hash = $2, secret = $3, last_seen_at = now()"
            + " where pairing_code_hash = $1 and paired_at is null and revoked_at is null and pairing_expires_at > now()"
            + " and kind = $4 returning id, site_id, name, gate, mode, kind";
    private static final String PAIRABLE_KIND = "select kind from kiosks where pairing_code_hash = $1"
            + " and paired_at is null and revoked_at is null and pairing_expires_at > now()";
    private static final String PLACE = "select site_id, kind, name, gate from kiosks where id = $1";
    private static final String REVOKE = "update kiosks set revoked_at = coalesce(revoked_at, now()),"
            + " device_token_hash = null, pairing_code_hash = null where id = $1 returning id";
    // Also says whether this heartbeat ends a silence that raised an alert, so the site hears it is back.
    private static final String HEARTBEAT = "update kiosks k set last_seen_at = now(),"
            + " app_version = coalesce($2, k.app_version), queued = $3, battery = $4"
            + " from (select id, silent_alerted_for is not null and silent_alerted_for = last_seen_at as was_silent"
            + " from kiosks where id = $1 for update) old"
            + " where k.id = old.id returning k.site_id, k.name, k.gate, k.last_seen_at, old.was_silent";
    private static final String UPDATE = "update kiosks set name = coalesce($2, name), gate = coalesce($3, gate),"
            + " mode = coalesce($4, mode) where id = $1 returning id, site_id, name, gate, mode, revoked_at";
    private static final String SECRET = "select secret from kiosks where id = $1 and revoked_at is null";
    private static final String CODE_KEY = "select site_id, secret, gate, mode from kiosks"
            + " where id = $1 and revoked_at is null and secret is not null";
    private static final String STANDING = "select gate, mode from kiosks where id = $1 and revoked_at is null";

    /** A device as its site's list shows it. */
    public record Status(long id, String name, String gate, String mode, String kind, boolean paired, boolean revoked,
                         boolean online, OffsetDateTime lastSeenAt, String appVersion, Integer queued, Double battery,
                         boolean silent) {
    }

    /** Where a device is and what it is called. */
    public record Placement(long siteId, String kind, String name, String gate) {
    }

    /** A device as it is after pairing or an edit ({@code kind} only after pairing, which also means not revoked). */
    public record Device(long id, long siteId, String name, String gate, String mode, String kind, boolean revoked) {
    }

    /** What a heartbeat found: {@code wasSilent} when it ends a silence that raised an alert. */
    public record Beat(long siteId, String name, String gate, OffsetDateTime lastSeenAt, boolean wasSilent) {
    }

    private final Pool pool;

    /** What a kiosk's rotating code is checked with: its secret, and where the kiosk stands. */
    public record CodeKey(long siteId, byte[] secret, String gate, String mode) {
    }

    /** Where an unrevoked kiosk stands. */
    public record Standing(String gate, String mode) {
    }

    public KioskStore(Pool pool) {
        this.pool = pool;
    }

    /** A new, unpaired device whose pairing code (hashed) holds for 24 hours; its id. */
    /** A new kiosk or screen and when its pairing code stops working (the database's clock decides both). */
    public record Created(long id, java.time.OffsetDateTime pairingExpiresAt) {
    }

    public Future<Created> create(long siteId, String name, String gate, String mode, byte[] codeHash, String kind) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(siteId, name, gate, mode, Buffer.buffer(codeHash), kind))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Created(row.getLong("id"), row.getOffsetDateTime("expires"));
                });
    }

    public Future<List<Status>> ofSite(long siteId) {
        return pool.preparedQuery(LIST).execute(Tuple.of(siteId)).map(rows -> {
            List<Status> out = new ArrayList<>();
            for (Row r : rows) {
                boolean revoked = r.getValue("revoked_at") != null;
                out.add(new Status(r.getLong("id"), r.getString("name"), r.getString("gate"), r.getString("mode"),
                        r.getString("kind"), r.getValue("paired_at") != null, revoked,
                        Boolean.TRUE.equals(r.getBoolean("online")) && !revoked, r.getOffsetDateTime("last_seen_at"),
                        r.getString("app_version"), r.getInteger("queued"),
                        r.getValue("battery") == null ? null : r.getFloat("battery").doubleValue(),
                        Boolean.TRUE.equals(r.getBoolean("silent"))));
            }
            return out;
        });
    }

    /** Pairs the device of this live code and kind once, giving it its token (hashed) and QR secret. */
    public Future<Optional<Device>> pair(byte[] codeHash, byte[] tokenHash, byte[] secret, String kind) {
        return pool.preparedQuery(PAIR).execute(Tuple.of(Buffer.buffer(codeHash), Buffer.buffer(tokenHash),
                Buffer.buffer(secret), kind)).map(rows -> first(rows).map(r -> device(r, r.getString("kind"), false)));
    }

    /** The kind of the device this code would pair now, if any. */
    public Future<Optional<String>> pairableKind(byte[] codeHash) {
        return pool.preparedQuery(PAIRABLE_KIND).execute(Tuple.of(Buffer.buffer(codeHash)))
                .map(rows -> first(rows).map(r -> r.getString("kind")));
    }

    public Future<Optional<Placement>> placement(long id) {
        return pool.preparedQuery(PLACE).execute(Tuple.of(id)).map(rows -> first(rows)
                .map(r -> new Placement(r.getLong("site_id"), r.getString("kind"), r.getString("name"), r.getString("gate"))));
    }

    /** Ends the device's token and any unused pairing code; revoking twice keeps the first time. */
    public Future<Void> revoke(long id) {
        return pool.preparedQuery(REVOKE).execute(Tuple.of(id)).mapEmpty();
    }

    public Future<Optional<Beat>> heartbeat(long id, String appVersion, Integer queued, Float battery) {
        return pool.preparedQuery(HEARTBEAT).execute(Tuple.of(id, appVersion, queued, battery))
                .map(rows -> first(rows).map(r -> new Beat(r.getLong("site_id"), r.getString("name"), r.getString("gate"),
                        r.getOffsetDateTime("last_seen_at"), Boolean.TRUE.equals(r.getBoolean("was_silent")))));
    }

    /** Renames or moves a device; a null part stays as it is. */
    public Future<Optional<Device>> update(long id, String name, String gate, String mode) {
        return pool.preparedQuery(UPDATE).execute(Tuple.of(id, name, gate, mode))
                .map(rows -> first(rows).map(r -> device(r, null, r.getValue("revoked_at") != null)));
    }

    /** The secret a paired, unrevoked kiosk computes its rotating codes with. */
    public Future<Optional<byte[]>> secret(long id) {
        return pool.preparedQuery(SECRET).execute(Tuple.of(id))
                .map(rows -> first(rows).map(r -> r.getBuffer("secret").getBytes()));
    }

    /** The code key of a paired, unrevoked kiosk; empty for one unknown, revoked or never paired. */
    public Future<Optional<CodeKey>> codeKey(long id) {
        return pool.preparedQuery(CODE_KEY).execute(Tuple.of(id)).map(rows -> first(rows).map(r -> new CodeKey(
                r.getLong("site_id"), r.getBuffer("secret").getBytes(), r.getString("gate"), r.getString("mode"))));
    }

    /** The gate and mode of an unrevoked kiosk; empty once it is revoked. */
    public Future<Optional<Standing>> standing(long id) {
        return pool.preparedQuery(STANDING).execute(Tuple.of(id))
                .map(rows -> first(rows).map(r -> new Standing(r.getString("gate"), r.getString("mode"))));
    }

    private static Device device(Row r, String kind, boolean revoked) {
        return new Device(r.getLong("id"), r.getLong("site_id"), r.getString("name"), r.getString("gate"),
                r.getString("mode"), kind, revoked);
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
    }
}
