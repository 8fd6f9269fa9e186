-- The group-commit write path: one call carries a batch of check-in requests
-- (parallel arrays, one element per request) and runs in one transaction, so
-- a whole batch costs one round trip and one WAL flush. Requests are applied
-- in array order, so two requests of one visitor in the same batch behave as
-- if they had come one after the other. Each accepted request becomes one
-- visit_events row and updates the visit it belongs to; a request id seen
-- before returns its first answer and stores nothing. Events go to other
-- server instances through NOTIFY, which PostgreSQL delivers only on commit.
create or replace function kiosk_checkin_batch(
    p_ids          uuid[],
    p_sites        bigint[],
    p_dirs         text[],
    p_times        timestamptz[],
    p_methods      text[],
    p_kiosks       bigint[],
    p_users        bigint[],
    p_gates        text[],
    p_visitor_ids  bigint[],
    p_names        text[],
    p_folded       text[],
    p_phone_hash   bytea[],
    p_phone_enc    bytea[],
    p_phone_masked text[],
    p_id_hash      bytea[],
    p_id_enc       bytea[],
    p_id_masked    text[],
    p_bluezone     text[],
    p_bluezone_id  text[],
    p_new_visits   uuid[],
    p_origin       text)
returns table (req_id uuid, replay boolean, visit_id uuid, direction char, occurred_at timestamptz,
               visitor_id bigint, display_name text, phone_masked text, new_visitor boolean,
               bluezone text, error text)
language plpgsql as $$
#variable_conflict use_column
declare
    i      integer;
    ev     record;
    pr     record;
    vid    bigint;
    vname  text;
    vmask  text;
    fresh  boolean;
    dir    char;
    visit  uuid;
    bz     text;
begin
    for i in 1 .. coalesce(array_length(p_ids, 1), 0) loop
        select e.visit_id, e.direction, e.occurred_at, e.visitor_id, e.display_name, e.phone_masked,
               e.new_visitor, e.bluezone
          into ev
          from visit_events e
         where e.id = p_ids[i] and e.recorded_at > now() - interval '5 days';
        if found then
            return query select p_ids[i], true, ev.visit_id, ev.direction, ev.occurred_at, ev.visitor_id,
                                ev.display_name, ev.phone_masked, ev.new_visitor, ev.bluezone, null::text;
            continue;
        end if;

        fresh := false;
        if p_visitor_ids[i] is not null then
            update visitors v set last_seen_at = now() where v.id = p_visitor_ids[i]
            returning v.id, v.name, v.phone_masked into vid, vname, vmask;
            if not found then
                return query select p_ids[i], false, null::uuid, null::char, null::timestamptz, null::bigint,
                                    null::text, null::text, false, null::text, 'visitor_unknown';
                continue;
            end if;
        elsif p_phone_hash[i] is not null then
            insert into visitors as v (name, name_folded, phone_hash, phone_enc, phone_masked, id_hash, id_enc, id_masked)
            values (p_names[i], p_folded[i], p_phone_hash[i], p_phone_enc[i], p_phone_masked[i],
                    p_id_hash[i], p_id_enc[i], p_id_masked[i])
            on conflict (phone_hash) do update
               set name = excluded.name, name_folded = excluded.name_folded, last_seen_at = now()
            returning v.id, v.name, v.phone_masked, (v.xmax = 0) into vid, vname, vmask, fresh;
        elsif p_id_hash[i] is not null then
            insert into visitors as v (name, name_folded, id_hash, id_enc, id_masked)
            values (p_names[i], p_folded[i], p_id_hash[i], p_id_enc[i], p_id_masked[i])
            on conflict (id_hash) do update
               set name = excluded.name, name_folded = excluded.name_folded, last_seen_at = now()
            returning v.id, v.name, v.phone_masked, (v.xmax = 0) into vid, vname, vmask, fresh;
        else
            -- Someone the guard knows only by name: a visitor of their own.
            insert into visitors as v (name, name_folded) values (p_names[i], p_folded[i])
            returning v.id, v.name, v.phone_masked, true into vid, vname, vmask, fresh;
        end if;

        select p.visit_id, p.entered_at into pr
          from presence p where p.site_id = p_sites[i] and p.visitor_id = vid for update;
        dir := case p_dirs[i] when 'in' then 'i' when 'out' then 'o'
                              else case when found then 'o' else 'i' end end;
        bz := p_bluezone[i];

        if dir = 'i' then
            if pr.visit_id is not null then
                -- In again without an exit: the earlier stay ends here, inferred.
                update visits v set exited_at = greatest(v.entered_at, p_times[i]), exit_inferred = true
                 where v.site_id = p_sites[i] and v.entered_at = pr.entered_at and v.id = pr.visit_id;
                delete from presence p where p.site_id = p_sites[i] and p.visitor_id = vid;
            end if;
            visit := p_new_visits[i];
            insert into visits (id, site_id, visitor_id, entered_at, entry_method, entry_gate, entry_kiosk_id,
                                bluezone, bluezone_id)
            values (visit, p_sites[i], vid, p_times[i], p_methods[i], p_gates[i], p_kiosks[i], bz, p_bluezone_id[i]);
            insert into presence (site_id, visitor_id, visit_id, entered_at)
            values (p_sites[i], vid, visit, p_times[i])
            on conflict (site_id, visitor_id) do update set visit_id = excluded.visit_id, entered_at = excluded.entered_at;
        elsif pr.visit_id is not null then
            visit := pr.visit_id;
            update visits v
               set exited_at = greatest(v.entered_at, p_times[i]), exit_inferred = false,
                   exit_method = p_methods[i], exit_gate = p_gates[i], exit_kiosk_id = p_kiosks[i],
                   bluezone = coalesce(v.bluezone, bz), bluezone_id = coalesce(v.bluezone_id, p_bluezone_id[i])
             where v.site_id = p_sites[i] and v.entered_at = pr.entered_at and v.id = pr.visit_id
            returning v.bluezone into bz;
            delete from presence p where p.site_id = p_sites[i] and p.visitor_id = vid;
        else
            -- An exit with no entry on record: kept, so that no exit is lost.
            visit := p_new_visits[i];
            insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_missing, entry_method,
                                exit_method, exit_gate, exit_kiosk_id, bluezone, bluezone_id)
            values (visit, p_sites[i], vid, p_times[i], p_times[i], true, p_methods[i],
                    p_methods[i], p_gates[i], p_kiosks[i], bz, p_bluezone_id[i]);
        end if;

        insert into visit_events (id, site_id, visit_id, visitor_id, direction, occurred_at, method, kiosk_id,
                                  user_id, gate, bluezone, display_name, phone_masked, new_visitor)
        values (p_ids[i], p_sites[i], visit, vid, dir, p_times[i], p_methods[i], p_kiosks[i],
                p_users[i], p_gates[i], bz, vname, vmask, fresh);

        perform pg_notify('kiosk_events', json_build_object(
            'origin', p_origin, 'type', case dir when 'i' then 'checkin' else 'checkout' end,
            'siteId', p_sites[i], 'visitId', visit, 'visitorId', vid, 'name', vname,
            'occurredAt', p_times[i], 'method', p_methods[i], 'gate', p_gates[i], 'bluezone', bz)::text);

        return query select p_ids[i], false, visit, dir, p_times[i], vid, vname, vmask, fresh, bz, null::text;
    end loop;
end $$;
