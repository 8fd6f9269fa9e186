-- The current definition of kiosk_ensure_partitions (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- Daily partitions from `from_day` for `days` days; idempotent. Each visits page keeps
-- room for its rows' one update at check-out (HOT updates, V32).
create or replace function kiosk_ensure_partitions(from_day date, days integer) returns void
language plpgsql as $$
declare
    d date;
begin
    for i in 0 .. days - 1 loop
        d := from_day + i;
        execute format('create table if not exists %I partition of visits for values from (%L) to (%L) with (fillfactor = 85)',
                       'visits_' || to_char(d, 'YYYYMMDD'), d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
        execute format('create table if not exists %I partition of visit_events for values from (%L) to (%L)',
                       'visit_events_' || to_char(d, 'YYYYMMDD'), d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
    end loop;
end $$;

