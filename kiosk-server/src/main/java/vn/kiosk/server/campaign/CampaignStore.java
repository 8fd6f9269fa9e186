package vn.kiosk.server.campaign;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Poster campaigns, their images and where they show. Who may act on which is {@link CampaignAccess}'s. */
public final class CampaignStore {
    private static final String SCHEDULE = "days_of_week, shows_from, shows_until";
    private static final String COLUMNS = "id, title, province, district, site_id, starts_on, ends_on,"
            + " image is not null as has_image, " + SCHEDULE;
    /** Whether campaign {@code c} shows at site {@code s}: its own, or its district, province or the whole country. */
    private static final String SHOWS_AT = "(c.site_id = s.id or (c.site_id is null"
            + " and (c.province is null or lower(c.province) = lower(s.province))"
            + " and (c.district is null or lower(c.district) = lower(s.district))))";
    private static final String INSERT = "insert into poster_campaigns (title, province, district, site_id, starts_on,"
            + " ends_on, created_by, days_of_week, shows_from, shows_until)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8::int[]::smallint[], $9::int::smallint, $10::int::smallint)"
            + " returning " + COLUMNS;
    // $1: everything; $2: the sites whose campaigns may be seen; $3: with the area $4 (province) / $5 (district)
    private static final String VISIBLE = "select " + COLUMNS + " from poster_campaigns where ($1 or site_id = any($2)"
            + " or (site_id is null and $3 and ($4::text is null or lower(province) = lower($4))"
            + " and ($5::text is null or lower(district) = lower($5))))"
            + " order by starts_on desc, id desc limit 500";
    // a kiosk asks for today's (and keeps its list half an hour): those of other weekdays are left out here
    private static final String FOR_SITE = "select c.id, c.title, c.starts_on, c.ends_on, c.days_of_week, c.shows_from,"
            + " c.shows_until from poster_campaigns c, sites s"
            + " where s.id = $1 and c.image is not null and $2::date between c.starts_on and c.ends_on"
            + " and (c.days_of_week is null or extract(isodow from $2::date)::smallint = any(c.days_of_week)) and "
            + SHOWS_AT + " order by c.id";
    // a public screen may run offline for days: those running in the coming week, to choose from on the device
    private static final String FOR_SCREEN = "select c.id, c.title, c.starts_on, c.ends_on, c.days_of_week, c.shows_from,"
            + " c.shows_until from poster_campaigns c, sites s"
            + " where s.id = $1 and c.image is not null and c.ends_on >= $2::date and c.starts_on <= $2::date + "
            + CampaignAccess.SCREEN_DAYS_AHEAD + " and " + SHOWS_AT + " order by c.id";
    // $4: the days after today the device is given campaigns for (a kiosk 0, a screen SCREEN_DAYS_AHEAD)
    private static final String SHOWN = "select 1 from poster_campaigns c, sites s where c.id = $1 and s.id = $2"
            + " and c.ends_on >= $3::date and c.starts_on <= $3::date + $4::int and " + SHOWS_AT;
    private static final String PLACE = "select site_id, province, district, starts_on, ends_on from poster_campaigns"
            + " where id = $1";
    private static final String IMAGE = "select site_id, province, district, starts_on, ends_on, image, image_type,"
            + " image_reencoded from poster_campaigns where id = $1";
    private static final String SET_IMAGE = "update poster_campaigns set image = $2, image_type = $3,"
            + " image_reencoded = true where id = $1";
    // an image stored before uploads were re-encoded, re-encoded on its first read (unless replaced meanwhile)
    private static final String SET_OLD_IMAGE = "update poster_campaigns set image = $2, image_type = $3,"
            + " image_reencoded = true where id = $1 and not image_reencoded";
    private static final String UPDATE = "update poster_campaigns set title = coalesce($2, title), starts_on = $3,"
            + " ends_on = $4, days_of_week = case when $5 then $6::int[]::smallint[] else days_of_week end,"
            + " shows_from = case when $5 then $7::int::smallint else shows_from end,"
            + " shows_until = case when $5 then $8::int::smallint else shows_until end"
            + " where id = $1 returning " + COLUMNS;

    record Campaign(long id, String title, String province, String district, Long siteId, LocalDate startsOn,
                    LocalDate endsOn, boolean hasImage, CampaignSchedule schedule) {
    }

    /** Where and when a campaign shows: what deciding who may act on it needs. */
    record Place(Long siteId, String province, String district, LocalDate startsOn, LocalDate endsOn) {
    }

    /** The stored image ({@code bytes} null when there is none) and whether it was re-encoded when stored. */
    record StoredImage(Place place, byte[] bytes, String type, boolean reencoded) {
    }

    /** A campaign as a device is given it. */
    record Shown(long id, String title, LocalDate startsOn, LocalDate endsOn, CampaignSchedule schedule) {
    }

    /** Whose campaigns a list holds: all of them, those of some sites, and those of an area ({@code area}). */
    record Scope(boolean all, List<Long> siteIds, boolean area, String province, String district) {
    }

    private final Pool pool;

    public CampaignStore(Pool pool) {
        this.pool = pool;
    }

    Future<Campaign> create(String title, String province, String district, Long siteId, LocalDate startsOn,
                            LocalDate endsOn, Long createdBy, CampaignSchedule schedule) {
        return pool.preparedQuery(INSERT).execute(Tuple.tuple().addString(title).addString(province)
                        .addString(district).addLong(siteId).addLocalDate(startsOn).addLocalDate(endsOn)
                        .addLong(createdBy).addArrayOfInteger(schedule.daysParam()).addInteger(schedule.from())
                        .addInteger(schedule.until()))
                .map(rows -> campaign(rows.iterator().next()));
    }

    /** Newest first, at most 500. */
    Future<List<Campaign>> visible(Scope s) {
        return pool.preparedQuery(VISIBLE).execute(Tuple.tuple().addBoolean(s.all())
                        .addArrayOfLong(s.siteIds().toArray(Long[]::new)).addBoolean(s.area()).addString(s.province())
                        .addString(s.district()))
                .map(rows -> all(rows, CampaignStore::campaign));
    }

    /** The campaigns with an image that show at the site on {@code day}, its weekday included. */
    Future<List<Shown>> showingOn(long siteId, LocalDate day) {
        return pool.preparedQuery(FOR_SITE).execute(Tuple.of(siteId, day)).map(rows -> all(rows, CampaignStore::shown));
    }

    /** Those with an image running at the site on any of the {@link CampaignAccess#SCREEN_DAYS_AHEAD} days after {@code day}. */
    Future<List<Shown>> runningFrom(long siteId, LocalDate day) {
        return pool.preparedQuery(FOR_SCREEN).execute(Tuple.of(siteId, day)).map(rows -> all(rows, CampaignStore::shown));
    }

    /** Whether the campaign shows at the site on a day from {@code day} to {@code daysAhead} after it. */
    Future<Boolean> showsAt(long id, long siteId, LocalDate day, int daysAhead) {
        return pool.preparedQuery(SHOWN).execute(Tuple.of(id, siteId, day, daysAhead))
                .map(rows -> rows.iterator().hasNext());
    }

    Future<Optional<Place>> place(long id) {
        return pool.preparedQuery(PLACE).execute(Tuple.of(id)).map(rows -> first(rows).map(CampaignStore::place));
    }

    Future<Optional<StoredImage>> image(long id) {
        return pool.preparedQuery(IMAGE).execute(Tuple.of(id)).map(rows -> first(rows).map(r -> new StoredImage(
                place(r), r.getBuffer("image") == null ? null : r.getBuffer("image").getBytes(),
                r.getString("image_type"), r.getBoolean("image_reencoded"))));
    }

    /** Stores an image that was re-encoded on upload. */
    Future<Void> setImage(long id, byte[] bytes, String type) {
        return pool.preparedQuery(SET_IMAGE).execute(Tuple.of(id, Buffer.buffer(bytes), type)).mapEmpty();
    }

    /** Replaces an image stored before uploads were re-encoded ({@code bytes} null drops it), unless replaced meanwhile. */
    Future<Void> replaceOldImage(long id, byte[] bytes, String type) {
        return pool.preparedQuery(SET_OLD_IMAGE).execute(Tuple.of(id, bytes == null ? null : Buffer.buffer(bytes), type))
                .mapEmpty();
    }

    /** New dates, and a new title or schedule when given (null title: kept; {@code rescheduled} false: schedule kept). */
    Future<Campaign> update(long id, String title, LocalDate startsOn, LocalDate endsOn, boolean rescheduled,
                            CampaignSchedule schedule) {
        return pool.preparedQuery(UPDATE).execute(Tuple.tuple().addLong(id).addString(title).addLocalDate(startsOn)
                        .addLocalDate(endsOn).addBoolean(rescheduled).addArrayOfInteger(schedule.daysParam())
                        .addInteger(schedule.from()).addInteger(schedule.until()))
                .map(rows -> campaign(rows.iterator().next()));
    }

    private static Campaign campaign(Row r) {
        return new Campaign(r.getLong("id"), r.getString("title"), r.getString("province"), r.getString("district"),
                r.getLong("site_id"), r.getLocalDate("starts_on"), r.getLocalDate("ends_on"), r.getBoolean("has_image"),
                CampaignSchedule.from(r));
    }

    private static Shown shown(Row r) {
        return new Shown(r.getLong("id"), r.getString("title"), r.getLocalDate("starts_on"), r.getLocalDate("ends_on"),
                CampaignSchedule.from(r));
    }

    private static Place place(Row r) {
        return new Place(r.getLong("site_id"), r.getString("province"), r.getString("district"),
                r.getLocalDate("starts_on"), r.getLocalDate("ends_on"));
    }

    private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>();
        rows.forEach(r -> out.add(map.apply(r)));
        return out;
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
    }
}
