package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import vn.kiosk.server.auth.Principal;
import vn.kiosk.server.auth.Principal.Role;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.site.SiteAccess;

/**
 * Who may act on which campaign, scoped as visits are: a campaign for one site
 * belongs to whoever sees that site; one for a district, a province or the
 * whole country to an admin or an officer whose area holds that place
 * ({@link Principal#covers}). A kiosk or public screen reads exactly the campaigns it is given.
 */
final class CampaignAccess {
    /** Whether campaign {@code c} shows at site {@code s}: its own, or its district, province or the whole country. */
    static final String SHOWS_AT = "(c.site_id = s.id or (c.site_id is null"
            + " and (c.province is null or lower(c.province) = lower(s.province))"
            + " and (c.district is null or lower(c.district) = lower(s.district))))";
    /** How many days after today a public screen is given the campaigns of (it may be offline that long). */
    static final int SCREEN_DAYS_AHEAD = 6;
    // $4: the days after today the device is given campaigns for (a kiosk 0, a screen SCREEN_DAYS_AHEAD)
    private static final String SHOWN = "select 1 from poster_campaigns c, sites s where c.id = $1 and s.id = $2"
            + " and c.ends_on >= $3::date and c.starts_on <= $3::date + $4::int and " + SHOWS_AT;
    // $1: everything; $2: the sites whose campaigns may be seen; $3: with the area $4 (province) / $5 (district)
    static final String VISIBLE = "($1 or site_id = any($2) or (site_id is null and $3"
            + " and ($4::text is null or lower(province) = lower($4)) and ($5::text is null or lower(district) = lower($5))))";

    private final Pool pool;
    private final SiteAccess access;
    private final Clock clock;

    CampaignAccess(Pool pool, SiteAccess access, Clock clock) {
        this.pool = pool;
        this.access = access;
        this.clock = clock;
    }

    /** Succeeds when {@code p} may act on a campaign for this target; 403 (or 404 for an unknown site) otherwise. */
    Future<Void> target(Principal p, Long siteId, String province, String district) {
        if (siteId != null) {
            return access.visible(p, siteId).mapEmpty();
        }
        if (p.covers(province, district)) {
            return Future.succeededFuture();
        }
        String place = province == null ? "the whole country" : district == null ? province : district + ", " + province;
        return Future.failedFuture(ApiException.forbidden("A campaign for " + place + " is outside your area"));
    }

    /**
     * The same for a stored campaign (a row with site_id, province, district), and for a device: is it among those
     * it is given (a kiosk's today, a public screen's of the coming week)?
     */
    Future<Void> campaign(Principal p, long id, Row c) {
        if (!p.isKiosk()) {
            return target(p, c.getLong("site_id"), c.getString("province"), c.getString("district"));
        }
        long site = p.siteIds().iterator().next();
        return access.visible(p, site).compose(s -> pool.preparedQuery(SHOWN)
                .execute(Tuple.of(id, site, LocalDate.now(clock.withZone(s.zone())), p.isSignage() ? SCREEN_DAYS_AHEAD : 0)))
                .compose(rows -> rows.iterator().hasNext() ? Future.succeededFuture()
                        : Future.failedFuture(ApiException.forbidden("This device does not show campaign " + id)));
    }

    /** The campaigns {@code p} may see, through {@code query} (which filters with {@link #VISIBLE}). */
    Future<RowSet<Row>> visible(Principal p, String query) {
        if (p.is(Role.ADMIN)) {
            return pool.preparedQuery(query).execute(Tuple.tuple().addBoolean(true).addArrayOfLong(new Long[0])
                    .addBoolean(false).addString(null).addString(null));
        }
        return access.repository().visibleTo(p).compose(sites -> pool.preparedQuery(query).execute(Tuple.tuple()
                .addBoolean(false).addArrayOfLong(sites.stream().map(s -> s.id()).toArray(Long[]::new))
                .addBoolean(p.is(Role.OFFICER)).addString(p.province()).addString(p.district())));
    }
}
