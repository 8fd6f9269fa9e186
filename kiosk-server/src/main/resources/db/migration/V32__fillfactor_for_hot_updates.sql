-- A check-out updates its visit row once (exited_at and the exit columns,
-- none of them indexed) and every check-in of a known visitor updates the
-- visitor (last_seen_at, name). With full pages those updates cannot stay on
-- the page, so each one adds an entry to every index of the table (four on
-- visits, three on visitors). Room left free on each page lets PostgreSQL
-- make them heap-only (HOT) updates, which touch no index.
alter table visitors set (fillfactor = 85);

-- Daily partitions from `from_day` for `days` days; idempotent. As in V1,
-- with room on each visits page for the row's one update at check-out.
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

-- Partitions made before: their new pages get the room too.
do $$
declare
    p regclass;
begin
    for p in select inhrelid::regclass from pg_inherits where inhparent = 'visits'::regclass loop
        execute format('alter table %s set (fillfactor = 85)', p);
    end loop;
end $$;
