package vn.kiosk.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.Keys;

/** Sign-in, sessions and device tokens. Tokens are random; only their SHA-256 is stored. */
public final class AuthService {
    static final String STAFF_PREFIX = "ks_";
    static final String DEVICE_PREFIX = "kd_";

    private static final String FIND_USER =
            "select id, password_hash, role, disabled from users where username = $1";
    private static final String INSERT_SESSION =
            "insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)";
    private static final String DELETE_SESSION = "delete from sessions where token_hash = $1";
    private static final String RESOLVE_SESSION = """
            select u.id, u.role, u.province, u.district, u.username,
                   array(select us.site_id from user_sites us where us.user_id = u.id) as site_ids
              from sessions s join users u on u.id = s.user_id
             where s.token_hash = $1 and s.expires_at > now() and not u.disabled""";
    private static final String RESOLVE_DEVICE = """
            select k.id, k.site_id, k.gate, k.mode, k.kind from kiosks k
             where k.device_token_hash = $1 and k.revoked_at is null""";

    /**
     * How long a resolved token is reused without asking the database. Every
     * change that can end or narrow a token (sign-out, a user disabled, deleted
     * or given other sites, a kiosk revoked or edited) empties the cache: on
     * this instance at once ({@link #invalidateAll()}), on the others through
     * the NOTIFY that the database's triggers send on commit (V31). A session that
     * simply runs out may be honoured up to this long after its expiry.
     */
    static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int CACHE_MAX = 20_000;

    private record Cached(Principal principal, long until) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    // Verifying against this keeps an unknown username as slow as a wrong password.
    private static final String DUMMY_HASH = Passwords.hash("not a password of anyone");

    private final Vertx vertx;
    private final Pool pool;
    private final Duration sessionTtl;

    public AuthService(Vertx vertx, Pool pool, Duration sessionTtl) {
        this.vertx = vertx;
        this.pool = pool;
        this.sessionTtl = sessionTtl;
    }

    public record Session(String token, String role, OffsetDateTime expiresAt) {
    }

    public Future<Session> login(String username, String password) {
        return pool.preparedQuery(FIND_USER).execute(Tuple.of(username)).compose(rows -> {
            Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
            String stored = row == null ? DUMMY_HASH : row.getString("password_hash");
            return vertx.executeBlocking(() -> Passwords.verify(password, stored), false).compose(ok -> {
                if (row == null || !ok || row.getBoolean("disabled")) {
                    return Future.failedFuture(ApiException.unauthorized("Wrong username or password"));
                }
                String token = STAFF_PREFIX + randomToken();
                OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(sessionTtl).withNano(0);
                return pool.preparedQuery(INSERT_SESSION)
                        .execute(Tuple.of(Buffer.buffer(sha256(token)), row.getLong("id"), expires))
                        .map(v -> new Session(token, row.getString("role"), expires));
            });
        });
    }

    public Future<Void> logout(String token) {
        return pool.preparedQuery(DELETE_SESSION).execute(Tuple.of(Buffer.buffer(sha256(token))))
                .onSuccess(v -> invalidateAll()).mapEmpty();
    }

    /** Forgets every cached token; the next request of each asks the database again. */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.clear();
    }

    public Future<Optional<Principal>> resolve(String token) {
        boolean staff = token.startsWith(STAFF_PREFIX);
        if (!staff && !token.startsWith(DEVICE_PREFIX)) {
            return Future.succeededFuture(Optional.empty());
        }
        return resolve(staff, sha256(token));
    }

    /** Whether the token is a staff sign-in (else a kiosk device's token). */
    public static boolean isStaff(String token) {
        return token.startsWith(STAFF_PREFIX);
    }

    /** The same by the token's SHA-256, for what keeps no token (an open event stream). */
    public Future<Optional<Principal>> resolve(boolean staff, byte[] hash) {
        String key = Base64.getEncoder().encodeToString(hash);
        long now = System.nanoTime();
        Cached hit = cache.get(key);
        if (hit != null && now - hit.until() < 0) {
            return Future.succeededFuture(Optional.of(hit.principal()));
        }
        // A change committed while this look-up runs must not be undone by caching its older answer.
        long seen = generation.get();
        Future<Optional<Principal>> found;
        long until = now + CACHE_NANOS;
        if (staff) {
            found = pool.preparedQuery(RESOLVE_SESSION).execute(Tuple.of(Buffer.buffer(hash))).map(rows -> {
                if (!rows.iterator().hasNext()) {
                    return Optional.empty();
                }
                Row r = rows.iterator().next();
                Set<Long> sites = new HashSet<>(Arrays.asList(r.getArrayOfLongs("site_ids")));
                return Optional.of(new Principal(Principal.Kind.USER, r.getLong("id"),
                        Principal.Role.valueOf(r.getString("role").toUpperCase()), Set.copyOf(sites),
                        r.getString("province"), r.getString("district"), r.getString("username"), null, null));
            });
        } else {
            found = pool.preparedQuery(RESOLVE_DEVICE).execute(Tuple.of(Buffer.buffer(hash))).map(rows -> {
                if (!rows.iterator().hasNext()) {
                    return Optional.empty();
                }
                Row r = rows.iterator().next();
                return Optional.of(Principal.device(r.getString("kind"), r.getLong("id"), r.getLong("site_id"),
                        r.getString("gate"), r.getString("mode")));
            });
        }
        return found.onSuccess(p -> {
            if (p.isPresent() && generation.get() == seen) {
                if (cache.size() >= CACHE_MAX) {
                    cache.clear();
                }
                cache.put(key, new Cached(p.get(), until));
            }
        });
    }

    public static String newDeviceToken() {
        return DEVICE_PREFIX + randomToken();
    }

    public static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Keys.random(32));
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
