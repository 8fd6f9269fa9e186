-- The same day figures as V10, with the per-site look-up kept apart (OFFSET 0): flattened into
-- the outer query the planner may hash-join a scan of every partition instead of reading each
-- site's (site_id, entered_at) index range for its day.
create or replace function kiosk_site_day_stats(p_sites bigint[], p_day date, p_now timestamptz)
returns table (site_id bigint, day date, entries integer, exits integer, unique_visitors integer,
               peak_occupancy integer, hourly integer[], bluezone jsonb)
language sql stable as $$
    with s as (
        select st.id, st.time_zone as tz,
               (p_day::timestamp at time zone st.time_zone) as d0,
               ((p_day + 1)::timestamp at time zone st.time_zone) as d1,
               make_interval(mins => st.stay_bound_minutes + 10) as bound
          from sites st
         where st.id = any(p_sites)
    ), v as materialized (
        select s.id as site_id, s.tz, s.d0, s.d1, x.visitor_id, x.entered_at, x.exited_at, x.entry_missing,
               coalesce(x.bluezone, 'unknown') as bluezone,
               (not x.entry_missing and x.entered_at >= s.d0) as is_entry
          from s
          join lateral (
              select vv.visitor_id, vv.entered_at, vv.exited_at, vv.entry_missing, vv.bluezone
                from visits vv
               where vv.site_id = s.id and vv.entered_at >= s.d0 - s.bound and vv.entered_at < s.d1
                 and vv.entered_at <= p_now
              offset 0
          ) x on true
    ), counts as (
        select v.site_id,
               count(*) filter (where v.is_entry)::int as entries,
               count(*) filter (where v.exited_at >= v.d0 and v.exited_at < v.d1)::int as exits,
               count(distinct v.visitor_id) filter (where v.is_entry)::int as uniq
          from v group by v.site_id
    ), hours as (
        select v.site_id, extract(hour from v.entered_at at time zone v.tz)::int as h, count(*)::int as n
          from v where v.is_entry group by 1, 2
    ), hourly as (
        select s.id as site_id, array_agg(coalesce(h.n, 0) order by g) as hourly
          from s cross join generate_series(0, 23) g
          left join hours h on h.site_id = s.id and h.h = g
         group by s.id
    ), bz as (
        select b.site_id, jsonb_object_agg(b.bluezone, b.n) as bluezone
          from (select v.site_id, v.bluezone, count(*)::int as n from v where v.is_entry group by 1, 2) b
         group by b.site_id
    ), stays as (
        select v.site_id, v.d0, v.d1, v.entered_at, v.exited_at from v
         where not v.entry_missing
           and (v.exited_at is null or v.exited_at > v.entered_at)
           and coalesce(v.exited_at, 'infinity') > v.d0
    ), moves as (
        select site_id, greatest(entered_at, d0) as t, 1 as d from stays
        union all
        select site_id, exited_at, -1 from stays where exited_at < d1 and exited_at <= p_now
    ), running as (
        select site_id, sum(d) over (partition by site_id order by t, d rows unbounded preceding) as inside
          from moves
    ), peak as (
        select site_id, max(inside)::int as peak from running group by site_id
    )
    select s.id, p_day, coalesce(c.entries, 0), coalesce(c.exits, 0), coalesce(c.uniq, 0),
           greatest(coalesce(p.peak, 0), 0), h.hourly, coalesce(b.bluezone, '{}'::jsonb)
      from s
      left join counts c on c.site_id = s.id
      left join hourly h on h.site_id = s.id
      left join bz b on b.site_id = s.id
      left join peak p on p.site_id = s.id
$$;
