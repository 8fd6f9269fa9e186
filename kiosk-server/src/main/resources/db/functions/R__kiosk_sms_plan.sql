-- The current definition of kiosk_sms_plan (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- Queues the reminders due at p_now for visitors who opted in (all of them, or only p_visitor), in the
-- hours [p_from_hour, p_until_hour) of the site's day:
--  * install: the visitor's latest visit with a Bluezone answer said not_installed, and no install reminder
--    was queued in the last p_every (a later visit saying installed stops them);
--  * checkout: the visitor is still inside a site whose inferred exit (as kiosk_close_overdue computes it:
--    the next closing time after entry or the maximum stay, whichever comes first) is less than p_lead away;
--    once per visit.
-- Returns how many it queued. The phone is copied sealed, as visitors holds it.
create or replace function kiosk_sms_plan(p_now timestamptz, p_every interval, p_lead interval,
                                          p_from_hour integer, p_until_hour integer, p_visitor bigint)
returns integer
language plpgsql as $$
declare
    installs integer;
    checkouts integer;
begin
    with due as (
        select c.visitor_id, lv.site_id
          from sms_consents c
          cross join lateral (select v.bluezone, v.site_id from visits v
                               where v.visitor_id = c.visitor_id and v.bluezone is not null
                               order by v.entered_at desc limit 1) lv
          join sites s on s.id = lv.site_id
         where c.opted_in and (p_visitor is null or c.visitor_id = p_visitor)
           and (c.install_reminded_at is null or c.install_reminded_at <= p_now - p_every)
           and lv.bluezone = 'not_installed'
           and extract(hour from p_now at time zone s.time_zone) >= p_from_hour
           and extract(hour from p_now at time zone s.time_zone) < p_until_hour
    ), marked as (
        -- the row lock and the re-checked condition make a second planner running at once queue nothing
        update sms_consents c set install_reminded_at = p_now
          from due d
         where c.visitor_id = d.visitor_id and c.opted_in
           and (c.install_reminded_at is null or c.install_reminded_at <= p_now - p_every)
        returning c.visitor_id, d.site_id
    ), queued as (
        insert into sms_outbox (visitor_id, kind, dedupe, site_id, phone_enc, queued_at)
        select m.visitor_id, 'install', 'install:' || m.visitor_id || ':' || (extract(epoch from p_now) * 1000000)::bigint,
               m.site_id, r.phone_enc, p_now
          from marked m join visitors r on r.id = m.visitor_id
         where r.phone_enc is not null
        on conflict (dedupe) do nothing
        returning 1
    )
    select count(*) into installs from queued;

    with inside as (
        select p.site_id, p.visitor_id, p.visit_id, s.time_zone,
               least(p.entered_at + make_interval(mins => s.max_stay_minutes),
                     case when s.closes_at is null then null
                          else (select c from (
                                  select ((p.entered_at at time zone s.time_zone)::date + d + s.closes_at)
                                         at time zone s.time_zone as c
                                    from generate_series(0, 1) d) cs
                                 where c > p.entered_at order by c limit 1)
                     end) as exit_at
          from sms_consents c
          join presence p on p.visitor_id = c.visitor_id
          join sites s on s.id = p.site_id
         where c.opted_in and (p_visitor is null or c.visitor_id = p_visitor)
    ), queued as (
        insert into sms_outbox (visitor_id, kind, dedupe, site_id, visit_id, due_at, phone_enc, queued_at)
        select i.visitor_id, 'checkout', 'checkout:' || i.visit_id, i.site_id, i.visit_id, i.exit_at, r.phone_enc, p_now
          from inside i join visitors r on r.id = i.visitor_id
         where r.phone_enc is not null and i.exit_at > p_now and i.exit_at - p_lead <= p_now
           and extract(hour from p_now at time zone i.time_zone) >= p_from_hour
           and extract(hour from p_now at time zone i.time_zone) < p_until_hour
        on conflict (dedupe) do nothing
        returning 1
    )
    select count(*) into checkouts from queued;
    return installs + checkouts;
end $$;
