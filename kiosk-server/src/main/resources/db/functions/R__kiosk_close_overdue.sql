-- The current definition of kiosk_close_overdue (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- Exits are never left open: a stay ends at the site's next closing time after
-- entry or after its maximum stay, whichever comes first (kiosk_stay_end), marked as inferred.
-- Returns what it closed; other instances hear of it through NOTIFY, sent by this transaction.
create or replace function kiosk_close_overdue(p_now timestamptz, p_origin text)
returns table (site_id bigint, visit_id uuid, visitor_id bigint, exited_at timestamptz)
language plpgsql as $$
#variable_conflict use_column
begin
    return query
    -- A stay is due when its maximum stay has passed or a closing time came after its entry, that is when it
    -- began before the site's cutoff: the later of now minus the maximum stay and the last closing time up to
    -- now. One cutoff per site, so the end of a stay (kiosk_stay_end) is worked out only for the stays due,
    -- not for everyone inside (it was 0.4 s a round with 70,000 people inside, kiosk-bench/README.md).
    with cutoff as (
        select s.id, s.max_stay_minutes, s.closes_at, s.time_zone,
               greatest(p_now - make_interval(mins => s.max_stay_minutes),
                        (select max(c.at) from (
                            select ((p_now at time zone s.time_zone)::date + d + s.closes_at) at time zone s.time_zone
                                   as at
                              from generate_series(-1, 0) d) c
                          where c.at <= p_now)) as before
          from sites s
    ), due as (
        select p.site_id, p.visitor_id, p.visit_id, p.entered_at,
               kiosk_stay_end(p.entered_at, s.max_stay_minutes, s.closes_at, s.time_zone) as exit_at
          from presence p join cutoff s on s.id = p.site_id
         where p.entered_at <= s.before
    ), closing as (
        delete from presence p using due d
         where d.exit_at <= p_now and p.site_id = d.site_id and p.visitor_id = d.visitor_id
           and p.visit_id = d.visit_id
        returning d.site_id, d.visit_id, d.visitor_id, d.entered_at, d.exit_at
    ), closed as (
        update visits v set exited_at = c.exit_at, exit_inferred = true
          from closing c
         where v.site_id = c.site_id and v.entered_at = c.entered_at and v.id = c.visit_id
        returning v.site_id, v.id, v.visitor_id, v.exited_at
    ), notified as (
        select kiosk_notify_events(p_origin, array_agg(kiosk_event('checkout', c.site_id, c.id, c.visitor_id, null,
                   c.exited_at, 'inferred', null, null, true, -1, false))) as n
          from closed c
    )
    select c.site_id, c.id, c.visitor_id, c.exited_at from closed c cross join notified;
end $$;

