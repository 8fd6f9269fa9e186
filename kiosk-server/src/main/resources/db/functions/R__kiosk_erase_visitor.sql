-- The current definition of kiosk_erase_visitor (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- Erases one person's personal data and keeps every anonymous count. Their visits, their open stay and
-- their event rows move to a new visitor row that holds nothing (no name, no number, no hash, no
-- ciphertext); their Bluezone ID and any CCCD details kept go; the old row is deleted, so their pass,
-- phone or ID number finds no one afterwards. The same stays under one visitor id for another: every
-- daily figure (entries, exits, unique visitors of a site, a district, a province, peaks, Bluezone
-- statuses) is the same before and after, whether stored or computed from the visits.
-- The event rows have no index by visitor (the check-in path would pay for it): their update reads
-- every event partition, seconds at national scale, for a request that comes a few times a day.
create or replace function kiosk_erase_visitor(p_visitor bigint)
returns table (anonymous_id bigint, visits integer, events integer, open_stays integer)
language plpgsql as $$
#variable_conflict use_column
declare
    v_new    bigint;
    n_visits integer;
    n_events integer;
    n_open   integer;
begin
    -- a check-in of this person waits here (or this waits for it): never half of each
    perform 1 from visitors where id = p_visitor for update;
    if not found then
        return;
    end if;
    insert into visitors (name, name_folded) values ('', '') returning id into v_new;
    update visits set visitor_id = v_new, bluezone_id = null, cccd_extra = null where visitor_id = p_visitor;
    get diagnostics n_visits = row_count;
    update presence set visitor_id = v_new where visitor_id = p_visitor;
    get diagnostics n_open = row_count;
    update visit_events set visitor_id = v_new, display_name = '', phone_masked = null where visitor_id = p_visitor;
    get diagnostics n_events = row_count;
    update privacy_requests set visitor_id = v_new, detail_enc = null, subject_erased = true
     where visitor_id = p_visitor;
    delete from visitors where id = p_visitor;
    return query select v_new, n_visits, n_events, n_open;
end $$;
