-- The current definition of kiosk_notify_events (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file.

-- Tells the other instances about events (kiosk_event) stored by the calling transaction:
-- PostgreSQL delivers a NOTIFY on commit only, so they hear of nothing that was rolled back.
-- One NOTIFY per chunk of events, each chunk well under the 8000-byte payload limit (an event is
-- at most about 1.5 KB: names and gates are capped at 100 characters). The payload begins with
-- the origin, so that the sender skips its own notifications unparsed (events/EventRelay).
-- Returns how many notifications it sent.
-- PL/pgSQL rather than SQL: a SQL function that cannot be inlined is planned again on every call (about
-- 0.06 ms a batch, kiosk-bench/README.md), a PL/pgSQL one once per connection.
create or replace function kiosk_notify_events(p_origin text, p_events json[])
returns bigint
language plpgsql volatile as $$
begin
    return (select count(pg_notify('kiosk_events', json_build_object('origin', p_origin, 'events', c.events)::text))
              from (select json_agg(e.event order by e.ord) as events
                      from (select u.event, u.ord,
                                   sum(octet_length(u.event::text)) over (order by u.ord) / 6000 as chunk
                              from unnest(p_events) with ordinality as u(event, ord)) e
                     group by e.chunk) c);
end $$;
