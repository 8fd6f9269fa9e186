-- The current definition of kiosk_grow_stay_bound (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- sites.stay_bound_minutes only ever grows (V10): overlap queries scan from
-- a - bound, and stays recorded under a longer maximum stay must stay in reach.
create or replace function kiosk_grow_stay_bound() returns trigger
language plpgsql as $$
begin
    new.stay_bound_minutes := greatest(coalesce(new.stay_bound_minutes, 0), new.max_stay_minutes,
                                       case when tg_op = 'UPDATE' then old.stay_bound_minutes else 0 end);
    return new;
end $$;

