-- The current definition of kiosk_day_stats (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.
-- Bodies are checked when they run, not here: restore migrates an old backup only to its own
-- version, whose tables may predate this body.
set local check_function_bodies = off;

-- The figures of one local day (in each site's own time zone) for a set of
-- sites, straight from the visits. The reports read it for days still held
-- and the daily job stores it in daily_site_stats, so both agree by
-- construction.
--   entries          stays that began that day (an exit with no entry on
--                    record is not an entry)
--   exits            stays that ended that day, inferred exits included
--   unique_visitors  distinct visitors among the entries
--   peak_occupancy   most people inside at once during the day (stays that
--                    only touch are not inside together; an open stay is
--                    inside until p_now)
--   hourly           entries per local hour, 24 numbers
--   bluezone         entries per Bluezone status ('unknown' when none given)
-- Also the distinct visitors among the entries of the given sites of each
-- district, each province and of all of them together (p_areas: which of
-- 'district', 'province', 'all'). One pass over the
-- visits serves both, so the reports and the daily job get the roll-ups for
-- the price of a count, and a report pays only for the levels it shows.
--   site rows:  area is null; site_id and the figures are set
--   area rows:  area is the kind; province, district, unique_visitors and
--               site_ids are set (the given sites of that area, in id order)
create or replace function kiosk_day_stats(p_sites bigint[], p_day date, p_now timestamptz,
                                           p_areas text[] default '{district,province,all}')
returns table (site_id bigint, day date, entries integer, exits integer, unique_visitors integer,
               peak_occupancy integer, hourly integer[], bluezone jsonb,
               area text, province text, district text, site_ids bigint[])
language sql stable as $$
    with s as (
        select st.id, st.time_zone as tz, st.province, st.district,
               (p_day::timestamp at time zone st.time_zone) as d0,
               ((p_day + 1)::timestamp at time zone st.time_zone) as d1,
               make_interval(mins => st.stay_bound_minutes + 10) as bound
          from sites st
         where st.id = any(p_sites)
    ), v as materialized (
        select s.id as site_id, s.tz, s.d0, s.d1, x.visitor_id, x.entered_at, x.exited_at, x.entry_missing,
               coalesce(x.bluezone, 'unknown') as bluezone,
               (not x.entry_missing and x.entered_at >= s.d0) as is_entry,
               extract(hour from x.entered_at at time zone s.tz)::int as hr
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
               count(distinct v.visitor_id) filter (where v.is_entry)::int as uniq,
               -- entries per local hour, counted in the same pass (V11 joined every site with 24 hours)
               array[
                     count(*) filter (where v.is_entry and v.hr = 0),
                     count(*) filter (where v.is_entry and v.hr = 1),
                     count(*) filter (where v.is_entry and v.hr = 2),
                     count(*) filter (where v.is_entry and v.hr = 3),
                     count(*) filter (where v.is_entry and v.hr = 4),
                     count(*) filter (where v.is_entry and v.hr = 5),
                     count(*) filter (where v.is_entry and v.hr = 6),
                     count(*) filter (where v.is_entry and v.hr = 7),
                     count(*) filter (where v.is_entry and v.hr = 8),
                     count(*) filter (where v.is_entry and v.hr = 9),
                     count(*) filter (where v.is_entry and v.hr = 10),
                     count(*) filter (where v.is_entry and v.hr = 11),
                     count(*) filter (where v.is_entry and v.hr = 12),
                     count(*) filter (where v.is_entry and v.hr = 13),
                     count(*) filter (where v.is_entry and v.hr = 14),
                     count(*) filter (where v.is_entry and v.hr = 15),
                     count(*) filter (where v.is_entry and v.hr = 16),
                     count(*) filter (where v.is_entry and v.hr = 17),
                     count(*) filter (where v.is_entry and v.hr = 18),
                     count(*) filter (where v.is_entry and v.hr = 19),
                     count(*) filter (where v.is_entry and v.hr = 20),
                     count(*) filter (where v.is_entry and v.hr = 21),
                     count(*) filter (where v.is_entry and v.hr = 22),
                     count(*) filter (where v.is_entry and v.hr = 23)
               ]::int[] as hourly
          from v group by v.site_id
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
    ), sd as (
        -- each site's province and district as numbers (names compared byte-wise: only equality matters)
        select s.id, s.province, s.district, dense_rank() over (order by s.province collate "C") as pn,
               dense_rank() over (order by s.province collate "C", s.district collate "C") as dn
          from s
    ), people as materialized (
        -- each visitor once per district, then per province. Only the levels asked for are counted: the
        -- branches of a level not in p_areas are never run.
        select sd.pn, sd.dn, v.visitor_id from v join sd on sd.id = v.site_id where v.is_entry group by 1, 2, 3
    ), area_people as (
        select p.pn, p.dn, 0 as g, count(*)::int as n from people p where 'district' = any(p_areas) group by 1, 2
        union all
        select q.pn, null, 1, count(*)::int from (select pn, visitor_id from people group by 1, 2) q
         where 'province' = any(p_areas) group by 1
        union all
        select null, null, 3, count(distinct v.visitor_id)::int from v where v.is_entry and 'all' = any(p_areas)
    ), area_sites as (
        select sd.pn, sd.dn, 0 as g, min(sd.province) as province, min(sd.district) as district,
               array_agg(sd.id order by sd.id) as ids
          from sd where 'district' = any(p_areas) group by 1, 2
        union all
        select sd.pn, null, 1, min(sd.province), '', array_agg(sd.id order by sd.id)
          from sd where 'province' = any(p_areas) group by 1
        union all
        select null, null, 3, '', '', array_agg(s.id order by s.id)
          from s where 'all' = any(p_areas) having count(*) > 0
    )
    select s.id, p_day, coalesce(c.entries, 0), coalesce(c.exits, 0), coalesce(c.uniq, 0),
           greatest(coalesce(p.peak, 0), 0), coalesce(c.hourly, array_fill(0, array[24])),
           coalesce(b.bluezone, '{}'::jsonb), null::text, null::text, null::text, null::bigint[]
      from s
      left join counts c on c.site_id = s.id
      left join bz b on b.site_id = s.id
      left join peak p on p.site_id = s.id
    union all
    select null, p_day, null, null, coalesce(ap.n, 0), null, null, null,
           case a.g when 0 then 'district' when 1 then 'province' else 'all' end,
           a.province, a.district, a.ids
      from area_sites a
      left join area_people ap on ap.g = a.g and ap.pn is not distinct from a.pn and ap.dn is not distinct from a.dn
$$;

