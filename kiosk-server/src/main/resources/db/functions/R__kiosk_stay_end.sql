-- The current definition of kiosk_stay_end (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- The latest a stay that began at p_entered lasts by the site's rules: its
-- maximum stay, or the site's next closing time after entry, whichever comes
-- first. kiosk_close_overdue ends open stays there; kiosk_checkins ends a
-- late entry there when no exit of it is on record and a later stay began
-- after that time. One definition, so that both infer the same exit.
create or replace function kiosk_stay_end(p_entered timestamptz, p_max_stay_minutes integer, p_closes_at time,
                                          p_time_zone text)
returns timestamptz
language sql stable as $$
    select least(p_entered + make_interval(mins => p_max_stay_minutes),
                 case when p_closes_at is null then null
                      else (select c from (
                              select ((p_entered at time zone p_time_zone)::date + d + p_closes_at)
                                     at time zone p_time_zone as c
                                from generate_series(0, 1) d) cs
                             where c > p_entered order by c limit 1)
                 end)
$$;
