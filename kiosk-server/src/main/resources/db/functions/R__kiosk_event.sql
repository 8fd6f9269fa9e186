-- The current definition of kiosk_event (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file.

-- One check-in, check-out or inferred exit as every instance streams it: the database side of
-- events/Events.Event, built here only (kiosk_checkins, kiosk_close_overdue). EventShapeTest keeps
-- the two sides to the same fields. A name, never a phone or ID number. A plain SQL function, so
-- the planner inlines it into the statement that calls it.
create or replace function kiosk_event(p_type text, p_site bigint, p_visit uuid, p_visitor bigint, p_name text,
                                       p_at timestamptz, p_method text, p_gate text, p_bluezone text,
                                       p_inferred boolean, p_presence integer, p_past boolean)
returns json
language sql stable parallel safe as $$
    select json_build_object('type', p_type, 'siteId', p_site, 'visitId', p_visit, 'visitorId', p_visitor,
                             'name', p_name, 'occurredAt', p_at, 'method', p_method, 'gate', p_gate,
                             'bluezone', p_bluezone, 'inferred', p_inferred, 'presence', p_presence,
                             'past', p_past)
$$;
