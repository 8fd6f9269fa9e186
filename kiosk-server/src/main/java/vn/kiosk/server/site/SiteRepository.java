package vn.kiosk.server.site;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.http.ApiException;

/**
 * Sites, with a short-lived cache: every check-in needs its site, and sites
 * change rarely (a change made here is seen at once, one made on another
 * instance within {@link #TTL_MILLIS}).
 */
public final class SiteRepository {
    static final long TTL_MILLIS = 5_000;

    private static final String FIND = "select " + Site.COLUMNS + " from sites where id = $1";
    // $1: the provinces to keep (names exactly as stored), or null for all.
    private static final String IN_PROVINCES = " ($1::text[] is null or province = any($1))";
    private static final String LIST_ALL = "select " + Site.COLUMNS + " from sites where" + IN_PROVINCES
            + " order by id";
    private static final String LIST_BY_IDS = "select " + Site.COLUMNS + " from sites where" + IN_PROVINCES
            + " and id = any($2) order by id";
    private static final String LIST_AREA = "select " + Site.COLUMNS + " from sites where" + IN_PROVINCES
            + " and (id = any($2) or (($3::text is null or lower(province) = lower($3))"
            + " and ($4::text is null or lower(district) = lower($4)))) order by id";
    private static final String PROVINCES = "select distinct province from sites";
    private static final String INSERT = "insert into sites (name, kind, province, district, address, capacity,"
            + " max_stay_minutes, opens_at, closes_at, time_zone, poster_enabled, retention_days, created_at, controller,"
            + " cccd_keep_birth_date, cccd_keep_address)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning " + Site.COLUMNS;
    private static final String UPDATE = "update sites set name = $2, kind = $3, province = $4, district = $5,"
            + " address = $6, capacity = $7, max_stay_minutes = $8, opens_at = $9, closes_at = $10, time_zone = $11,"
            + " poster_enabled = $12, retention_days = $13, controller = $16, cccd_keep_birth_date = $17,"
            + " cccd_keep_address = $18 where id = $1 and province = $14 and district = $15"
            + " returning " + Site.COLUMNS;

    private record Cached(Site site, long at) {
    }

    private final Pool pool;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    public SiteRepository(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<Site>> find(long id) {
        Cached c = cache.get(id);
        if (c != null && System.currentTimeMillis() - c.at < TTL_MILLIS) {
            return Future.succeededFuture(Optional.of(c.site));
        }
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                cache.remove(id);
                return Optional.empty();
            }
            return Optional.of(remember(Site.from(rows.iterator().next())));
        });
    }

    public Future<List<Site>> visibleTo(Principal p) {
        return visibleTo(p, null);
    }

    /** The province names as the sites spell them, each once. */
    public Future<List<String>> provinces() {
        return pool.query(PROVINCES).execute().map(rs -> {
            List<String> out = new ArrayList<>();
            rs.forEach(r -> out.add(r.getString(0)));
            return out;
        });
    }

    /**
     * {@link #visibleTo(Principal)} limited to the sites of the given provinces (names exactly as stored; null:
     * all): a province's report reads its own sites, not all of them.
     */
    public Future<List<Site>> visibleTo(Principal p, List<String> provinces) {
        Tuple args = Tuple.tuple().addArrayOfString(provinces == null ? null : provinces.toArray(String[]::new));
        Long[] ids = p.siteIds().toArray(Long[]::new);
        Future<io.vertx.sqlclient.RowSet<Row>> rows = switch (p.role()) {
            case ADMIN -> pool.preparedQuery(LIST_ALL).execute(args);
            case OFFICER -> pool.preparedQuery(LIST_AREA).execute(args.addArrayOfLong(ids).addString(p.province())
                    .addString(p.district()));
            default -> pool.preparedQuery(LIST_BY_IDS).execute(args.addArrayOfLong(ids));
        };
        return rows.map(rs -> {
            List<Site> out = new ArrayList<>();
            rs.forEach(r -> out.add(remember(Site.from(r))));
            return out;
        });
    }

    /** A new site, created at {@code at} (the server's clock: from then on it counts in reports). */
    public Future<Site> create(JsonObject b, OffsetDateTime at) {
        LocalTime[] hours = hours(b.getJsonObject("openingHours"));
        return pool.preparedQuery(INSERT).execute(Tuple.tuple()
                        .addString(b.getString("name").strip()).addString(b.getString("kind"))
                        .addString(b.getString("province").strip()).addString(b.getString("district").strip())
                        .addString(b.getString("address", "").strip()).addInteger(b.getInteger("capacity"))
                        .addInteger(b.getInteger("maxStayMinutes", 720)).addLocalTime(hours[0]).addLocalTime(hours[1])
                        .addString(b.getString("timeZone", "Asia/Ho_Chi_Minh"))
                        .addBoolean(b.getBoolean("posterEnabled", true)).addInteger(b.getInteger("retentionDays"))
                        .addOffsetDateTime(at)
                        .addString(controller(b.getString("controller")))
                        .addBoolean(b.getBoolean("cccdBirthDate", false)).addBoolean(b.getBoolean("cccdAddress", false)))
                .map(rows -> remember(Site.from(rows.iterator().next())));
    }

    /**
     * Applies the given fields over {@code s}, as long as the site is still where {@code s} says: who may change
     * it was decided from that place (a cached copy may be a few seconds old), so a site moved meanwhile is 409.
     */
    public Future<Site> update(Site s, JsonObject b) {
        LocalTime[] hours = b.containsKey("openingHours") ? hours(b.getJsonObject("openingHours"))
                : new LocalTime[] {s.opensAt(), s.closesAt()};
        return pool.preparedQuery(UPDATE).execute(Tuple.tuple().addLong(s.id())
                        .addString(b.getString("name", s.name()).strip()).addString(b.getString("kind", s.kind()))
                        .addString(b.getString("province", s.province()).strip())
                        .addString(b.getString("district", s.district()).strip())
                        .addString(b.getString("address", s.address()).strip())
                        .addInteger(b.containsKey("capacity") ? b.getInteger("capacity") : s.capacity())
                        .addInteger(b.getInteger("maxStayMinutes", s.maxStayMinutes()))
                        .addLocalTime(hours[0]).addLocalTime(hours[1])
                        .addString(b.getString("timeZone", s.timeZone()))
                        .addBoolean(b.getBoolean("posterEnabled", s.posterEnabled()))
                        .addInteger(b.containsKey("retentionDays") ? b.getInteger("retentionDays") : s.retentionDays())
                        .addString(s.province()).addString(s.district())
                        .addString(b.containsKey("controller") ? controller(b.getString("controller")) : s.controller())
                        .addBoolean(b.getBoolean("cccdBirthDate", s.cccdBirthDate()))
                        .addBoolean(b.getBoolean("cccdAddress", s.cccdAddress())))
                .compose(rows -> {
                    if (!rows.iterator().hasNext()) {
                        cache.remove(s.id());
                        return Future.failedFuture(ApiException.conflict("site-changed",
                                "The site was moved or removed meanwhile; read it again and retry"));
                    }
                    return Future.succeededFuture(remember(Site.from(rows.iterator().next())));
                });
    }

    /** NFC and trimmed; blank or absent means "the site itself" (null). */
    private static String controller(String raw) {
        if (raw == null) {
            return null;
        }
        String c = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC).strip();
        return c.isEmpty() ? null : c;
    }

    private Site remember(Site s) {
        cache.put(s.id(), new Cached(s, System.currentTimeMillis()));
        return s;
    }

    private static LocalTime[] hours(JsonObject h) {
        if (h == null) {
            return new LocalTime[2];
        }
        return new LocalTime[] {LocalTime.parse(h.getString("opens")), LocalTime.parse(h.getString("closes"))};
    }
}
