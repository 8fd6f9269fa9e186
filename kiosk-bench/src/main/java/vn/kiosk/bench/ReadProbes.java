package vn.kiosk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The read paths over the generated history, timed one request at a time:
 * log pages, traces, the daily province report. Traces and reports use the
 * server's endpoints when it has them, otherwise the equivalent SQL straight
 * on the database (the bounded-overlap query of docs/ARCHITECTURE.md).
 */
final class ReadProbes {
    /**
     * Stays of one visitor in [$2, $3) and every other stay at the same site
     * overlapping one of them by at least $4 minutes. "Overlapping [a, b)"
     * is answered by the (site_id, entered_at) index: entered before b and
     * after a minus the site's maximum stay.
     */
    static final String TRACE_1 = """
            with subject as (
                select v.id, v.site_id, v.entered_at as a,
                       coalesce(v.exited_at, v.entered_at + make_interval(mins => s.max_stay_minutes)) as b,
                       s.max_stay_minutes as max_stay
                  from visits v join sites s on s.id = v.site_id
                 where v.visitor_id = ? and v.entered_at >= ? and v.entered_at < ?)
            select c.visitor_id, c.site_id, c.id,
                   extract(epoch from least(c.b, x.b) - greatest(c.entered_at, x.a)) / 60 as overlap_minutes
              from subject x
              cross join lateral (
                  select v.id, v.visitor_id, v.site_id, v.entered_at,
                         coalesce(v.exited_at, v.entered_at + make_interval(mins => x.max_stay)) as b
                    from visits v
                   where v.site_id = x.site_id
                     and v.entered_at < x.b
                     and v.entered_at > x.a - make_interval(mins => x.max_stay)
                     and v.visitor_id <> x_visitor()) c
             where least(c.b, x.b) - greatest(c.entered_at, x.a) >= make_interval(mins => ?)
             order by overlap_minutes desc""".replace("x_visitor()", "?");

    /** Two hops: the contacts' own stays in the window and whoever overlapped those. */
    static final String TRACE_2 = """
            with subject as (
                select v.site_id, v.entered_at as a,
                       coalesce(v.exited_at, v.entered_at + make_interval(mins => s.max_stay_minutes)) as b,
                       s.max_stay_minutes as max_stay
                  from visits v join sites s on s.id = v.site_id
                 where v.visitor_id = ?1 and v.entered_at >= ?2 and v.entered_at < ?3),
            hop1 as (
                select distinct c.visitor_id
                  from subject x cross join lateral (
                      select v.visitor_id, v.entered_at,
                             coalesce(v.exited_at, v.entered_at + make_interval(mins => x.max_stay)) as b
                        from visits v
                       where v.site_id = x.site_id and v.entered_at < x.b
                         and v.entered_at > x.a - make_interval(mins => x.max_stay)
                         and v.visitor_id <> ?1) c
                 where least(c.b, x.b) - greatest(c.entered_at, x.a) >= make_interval(mins => ?4)),
            stays1 as (
                select v.visitor_id as via, v.site_id, v.entered_at as a,
                       coalesce(v.exited_at, v.entered_at + make_interval(mins => s.max_stay_minutes)) as b,
                       s.max_stay_minutes as max_stay
                  from hop1 h join visits v on v.visitor_id = h.visitor_id
                  join sites s on s.id = v.site_id
                 where v.entered_at >= ?2 and v.entered_at < ?3)
            select count(*) as rows, count(distinct c.visitor_id) as visitors,
                   (select count(*) from hop1) as hop1
              from stays1 x cross join lateral (
                  select v.visitor_id, v.entered_at,
                         coalesce(v.exited_at, v.entered_at + make_interval(mins => x.max_stay)) as b
                    from visits v
                   where v.site_id = x.site_id and v.entered_at < x.b
                     and v.entered_at > x.a - make_interval(mins => x.max_stay)
                     and v.visitor_id <> ?1 and v.visitor_id <> x.via) c
             where least(c.b, x.b) - greatest(c.entered_at, x.a) >= make_interval(mins => ?4)
               and c.visitor_id not in (select visitor_id from hop1)""";

    /** GET /api/v1/reports/daily's figures for every site of a province on one local day. */
    static final String REPORT = """
            with day_visits as (
                select v.site_id, v.visitor_id, v.entered_at, v.exited_at, coalesce(v.bluezone, 'unknown') as bz
                  from visits v join sites s on s.id = v.site_id
                 where s.province = ? and v.entered_at >= ? and v.entered_at < ?),
            per_site as (
                select site_id, count(*) as entries, count(exited_at) as exits,
                       count(distinct visitor_id) as unique_visitors
                  from day_visits group by site_id),
            bz as (
                select site_id, jsonb_object_agg(bz, n) as bluezone
                  from (select site_id, bz, count(*) as n from day_visits group by 1, 2) t group by 1),
            occ as (
                select site_id, max(inside) as peak_occupancy
                  from (select site_id, sum(d) over (partition by site_id order by t, d rows unbounded preceding) as inside
                          from (select site_id, entered_at as t, 1 as d from day_visits
                                union all
                                select site_id, exited_at, -1 from day_visits where exited_at is not null) e) w
                 group by 1)
            select p.site_id, p.entries, p.exits, p.unique_visitors, o.peak_occupancy, b.bluezone
              from per_site p join occ o using (site_id) join bz b using (site_id)
             order by p.site_id""";

    /** A timing: latencies in microseconds, and what the last call returned (rows, contacts). */
    record Timing(Histogram latency, long lastCount) {
        double p(double q) {
            return latency.getValueAtPercentile(q) / 1000.0;
        }

        double maxMs() {
            return latency.getMaxValue() / 1000.0;
        }
    }

    static Timing time(int samples, LongSupplier call) {
        Histogram h = new Histogram(3);
        long count = 0;
        for (int i = 0; i < Math.max(3, samples / 10); i++) {
            call.getAsLong(); // warm: plans cached, pages in memory
        }
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            count = call.getAsLong();
            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
        }
        return new Timing(h, count);
    }

    static long trace1(Connection c, long visitor, OffsetDateTime from, OffsetDateTime to, int minOverlap) {
        try (PreparedStatement ps = c.prepareStatement(TRACE_1)) {
            ps.setLong(1, visitor);
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setLong(4, visitor);
            ps.setInt(5, minOverlap);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long trace2(Connection c, long visitor, OffsetDateTime from, OffsetDateTime to, int minOverlap) {
        // JDBC has no numbered parameters: inline the checked numbers, bind the times.
        String sql = TRACE_2.replace("?1", Long.toString(visitor)).replace("?4", Integer.toString(minOverlap))
                .replace("?2", "?::timestamptz").replace("?3", "?::timestamptz");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setObject(3, from);
            ps.setObject(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("rows");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long report(Connection c, String province, OffsetDateTime from, OffsetDateTime to) {
        try (PreparedStatement ps = c.prepareStatement(REPORT)) {
            ps.setString(1, province);
            ps.setObject(2, from);
            ps.setObject(3, to);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The middle stay at {@code site} in [from, to): {visitor id, visit id}. */
    static Object[] visitAt(Connection c, long site, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select visitor_id, id from visits where site_id = ?"
                + " and entered_at >= ? and entered_at < ? order by entered_at limit 1 offset (select count(*) / 2 from visits"
                + " where site_id = ? and entered_at >= ? and entered_at < ?)")) {
            ps.setLong(1, site);
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setLong(4, site);
            ps.setObject(5, from);
            ps.setObject(6, to);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no visit at site " + site);
                }
                return new Object[] {rs.getLong(1), rs.getObject(2, java.util.UUID.class)};
            }
        }
    }

    /** A site with a median number of stays on that day: "a normal site". */
    static long normalSite(Connection c, OffsetDateTime from, OffsetDateTime to, long hot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select site_id from (select site_id, count(*) n from visits"
                + " where entered_at >= ? and entered_at < ? and site_id <> ? group by site_id having count(*) > 2) t"
                + " order by n, site_id offset (select count(distinct site_id) / 2 from visits where entered_at >= ?"
                + " and entered_at < ?) limit 1")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setLong(3, hot);
            ps.setObject(4, from);
            ps.setObject(5, to);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select site_id from visits where site_id <> " + hot + " group by site_id order by count(*) desc limit 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** (entered_at, id) of the row {@code depth} rows into a site's log, newest first: where a deep cursor points. */
    static Object[] rowAtDepth(Connection c, long site, OffsetDateTime to, long depth) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select entered_at, id from visits where site_id = ?"
                + " and entered_at < ? order by entered_at desc, id desc offset ? limit 1")) {
            ps.setLong(1, site);
            ps.setObject(2, to);
            ps.setLong(3, depth);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Object[] {rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getObject(2, java.util.UUID.class)};
            }
        }
    }
}
