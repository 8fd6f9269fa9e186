-- The current definition of kiosk_checkins (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- One group-commit batch of check-ins (VisitWriter): one statement per table
-- over the unnested arrays, one transaction, NOTIFY on commit. Idempotent on
-- the request id (visit_events); presence makes in/out race-free. Each event
-- and answer row says what it did to the count of people inside a site (+1 in,
-- -1 out, 0 for a stay that replaced an open one or an exit with no entry on
-- record), so that every instance keeps that count in memory (events/Occupancy).
--
-- Consent (V60): a consent given now (method self, kiosk or staff) becomes the visitor's
-- own, which their pass then carries; every new visit records the version and method
-- it was made under (the handler has decided them: Consents). The form without the
-- consent arrays (the previous release's) is kept at the end of this file.
--
-- kiosk_checkin_batch (V30) is the previous release's form of this function,
-- kept unchanged for instances still on that release during a rolling upgrade;
-- their events carry no delta, and the new instances recount those sites.
create or replace function kiosk_checkins(
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
    p_origin       text,
    p_consent_v    integer[],
    p_consent_m    text[],
    p_consent_c    text[],
    p_cccd_extra   bytea[])
returns table (req_id uuid, replay boolean, visit_id uuid, direction char, occurred_at timestamptz,
               visitor_id bigint, display_name text, phone_masked text, new_visitor boolean,
               bluezone text, error text, presence smallint)
language plpgsql as $$
#variable_conflict use_column
declare
    a_ord     bigint[];
    a_vid     bigint[];
    a_name    text[];
    a_mask    text[];
    a_fresh   boolean[];
    a_unknown bigint[];
begin
-- Statement 1: the visitors known by a key (pass, phone, ID number).
-- Upserting or touching a visitor locks that row until commit, so two
-- batches (of two event loops or two instances) with the same visitor run
-- one after the other from here on. It reads no partitioned table, so it
-- costs little per batch; a replayed request refreshes its visitor's
-- last-seen time here and stores nothing else.
with req as (
    select *
      from unnest(p_ids, p_sites, p_dirs, p_times, p_methods, p_kiosks, p_users, p_gates, p_visitor_ids, p_names,
                  p_folded, p_phone_hash, p_phone_enc, p_phone_masked, p_id_hash, p_id_enc, p_id_masked,
                  p_bluezone, p_bluezone_id, p_new_visits, p_consent_v, p_consent_m, p_consent_c,
                  p_cccd_extra) with ordinality
           as r(id, site, dir, at, method, kiosk, usr, gate, vid_in, name, folded, ph, pe, pm, ih, ie, im,
                bz, bzid, new_visit, cv, cm, cc, cx, ord)
), by_id as (
    update visitors v set last_seen_at = now(),
           consent_version = case when t.cm <> 'pass' then t.cv else v.consent_version end,
           consent_method = case when t.cm <> 'pass' then t.cm else v.consent_method end,
           consent_controller = case when t.cm <> 'pass' then t.cc else v.consent_controller end,
           consent_at = case when t.cm <> 'pass' then t.at else v.consent_at end,
           consent_withdrawn_at = case when t.cm <> 'pass' then null else v.consent_withdrawn_at end
      from req t
     where t.vid_in is not null and v.id = t.vid_in
    returning t.ord, v.id, v.name, v.phone_masked, false as fresh
), by_phone as (
    insert into visitors as v (name, name_folded, phone_hash, phone_enc, phone_masked, id_hash, id_enc, id_masked,
                               consent_version, consent_method, consent_controller, consent_at)
    select t.name, t.folded, t.ph, t.pe, t.pm, t.ih, t.ie, t.im, t.cv, t.cm, t.cc, case when t.cv is not null then t.at end
      from req t where t.vid_in is null and t.ph is not null
     order by t.ord
    on conflict (phone_hash) do update
       set name = excluded.name, name_folded = excluded.name_folded, last_seen_at = now(),
           consent_version = coalesce(excluded.consent_version, v.consent_version),
           consent_method = case when excluded.consent_version is null then v.consent_method else excluded.consent_method end,
           consent_controller = case when excluded.consent_version is null then v.consent_controller
                                     else excluded.consent_controller end,
           consent_at = case when excluded.consent_version is null then v.consent_at else excluded.consent_at end,
           consent_withdrawn_at = case when excluded.consent_version is null then v.consent_withdrawn_at end
    returning v.id, v.phone_hash, v.name, v.phone_masked, (v.xmax = 0) as fresh
), by_idno as (
    insert into visitors as v (name, name_folded, id_hash, id_enc, id_masked, consent_version, consent_method,
                               consent_controller, consent_at)
    select t.name, t.folded, t.ih, t.ie, t.im, t.cv, t.cm, t.cc, case when t.cv is not null then t.at end
      from req t where t.vid_in is null and t.ph is null and t.ih is not null
     order by t.ord
    on conflict (id_hash) do update
       set name = excluded.name, name_folded = excluded.name_folded, last_seen_at = now(),
           consent_version = coalesce(excluded.consent_version, v.consent_version),
           consent_method = case when excluded.consent_version is null then v.consent_method else excluded.consent_method end,
           consent_controller = case when excluded.consent_version is null then v.consent_controller
                                     else excluded.consent_controller end,
           consent_at = case when excluded.consent_version is null then v.consent_at else excluded.consent_at end,
           consent_withdrawn_at = case when excluded.consent_version is null then v.consent_withdrawn_at end
    returning v.id, v.id_hash, v.name, v.phone_masked, (v.xmax = 0) as fresh
)
-- who they are, in request order; and the requests naming a visitor no longer on record
select coalesce(array_agg(x.ord order by x.ord), '{}'), coalesce(array_agg(x.vid order by x.ord), '{}'),
       coalesce(array_agg(x.vname order by x.ord), '{}'), coalesce(array_agg(x.vmask order by x.ord), '{}'),
       coalesce(array_agg(x.fresh order by x.ord), '{}'),
       (select coalesce(array_agg(t.ord), '{}') from req t
         where t.vid_in is not null and not exists (select 1 from by_id b where b.ord = t.ord))
  into a_ord, a_vid, a_name, a_mask, a_fresh, a_unknown
  from (select b.ord, b.id as vid, b.name as vname, b.phone_masked as vmask, b.fresh from by_id b
        union all
        -- Back to the request through its key, unique in the batch (VisitWriter sees to it);
        -- array_position rather than a join, which the planner makes a nested loop over CTEs.
        select array_position(p_phone_hash, p.phone_hash), p.id, p.name, p.phone_masked, p.fresh
          from by_phone p
        union all
        select array_position(p_id_hash, i.id_hash), i.id, i.name, i.phone_masked, i.fresh
          from by_idno i) x;

-- Statement 2, with a new snapshot: it sees whatever a concurrent batch of
-- the same visitors committed while statement 1 waited for their rows, so
-- replays and presence are read here.
return query
with req as (
    select *
      from unnest(p_ids, p_sites, p_dirs, p_times, p_methods, p_kiosks, p_users, p_gates, p_visitor_ids, p_names,
                  p_folded, p_phone_hash, p_phone_enc, p_phone_masked, p_id_hash, p_id_enc, p_id_masked,
                  p_bluezone, p_bluezone_id, p_new_visits, p_consent_v, p_consent_m, p_consent_c,
                  p_cccd_extra) with ordinality
           as r(id, site, dir, at, method, kiosk, usr, gate, vid_in, name, folded, ph, pe, pm, ih, ie, im,
                bz, bzid, new_visit, cv, cm, cc, cx, ord)
), seen as (
    select r.ord, e.visit_id, e.direction, e.occurred_at, e.visitor_id, e.display_name, e.phone_masked,
           e.new_visitor, e.bluezone
      from req r
      join visit_events e on e.site_id = r.site and e.id = r.id and e.recorded_at > now() - interval '5 days'
), anon as materialized (
    -- Known by name only: a visitor of their own (no one else can meet them),
    -- with the id drawn up front so that it maps back to its request.
    select r.ord, nextval(pg_get_serial_sequence('visitors', 'id')) as id, r.name, r.folded, r.cv, r.cm, r.cc, r.at
      from req r
     where r.vid_in is null and r.ph is null and r.ih is null
       and not exists (select 1 from seen s where s.ord = r.ord)
     order by r.ord
), by_name as (
    insert into visitors (id, name, name_folded, consent_version, consent_method, consent_controller, consent_at)
    select a.id, a.name, a.folded, a.cv, a.cm, a.cc, case when a.cv is not null then a.at end from anon a
), who as materialized (
    select r.*, w.vid, w.vname, w.vmask, w.fresh
      from (select * from unnest(a_ord, a_vid, a_name, a_mask, a_fresh) as k(ord, vid, vname, vmask, fresh)
            union all
            select a.ord, a.id, a.name, null::text, true from anon a) w
      join req r on r.ord = w.ord
     where not exists (select 1 from seen s where s.ord = w.ord)
), clash as (
    -- The same visitor twice at one site (reached through different keys):
    -- the later request waits for the next call.
    select w.ord from who w
     where exists (select 1 from who o where o.site = w.site and o.vid = w.vid and o.ord < w.ord)
), inside as (
    select w.ord, p.visit_id as open_visit, p.entered_at as open_at
      from who w
      join presence p on p.site_id = w.site and p.visitor_id = w.vid
     where not exists (select 1 from clash c where c.ord = w.ord)
       for update of p
), act as materialized (
    select w.*, i.open_visit, i.open_at,
           case w.dir when 'in' then 'i' when 'out' then 'o'
                      else case when i.open_visit is not null then 'o' else 'i' end end::char as d
      from who w
      left join inside i on i.ord = w.ord
     where not exists (select 1 from clash c where c.ord = w.ord)
), closed as (
    -- One statement for both kinds of closing (each UPDATE of the partitioned
    -- visits sets up a scan of every partition): an exit ends its stay; in
    -- again without an exit ends the earlier stay here, inferred.
    update visits v
       set exited_at = greatest(v.entered_at, a.at), exit_inferred = (a.d = 'i'),
           exit_method = case when a.d = 'o' then a.method else v.exit_method end,
           exit_gate = case when a.d = 'o' then a.gate else v.exit_gate end,
           exit_kiosk_id = case when a.d = 'o' then a.kiosk else v.exit_kiosk_id end,
           bluezone = case when a.d = 'o' then coalesce(v.bluezone, a.bz) else v.bluezone end,
           bluezone_id = case when a.d = 'o' then coalesce(v.bluezone_id, a.bzid) else v.bluezone_id end
      from act a
     where a.open_visit is not null
       and v.site_id = a.site and v.entered_at = a.open_at and v.id = a.open_visit
    returning a.ord, v.bluezone
), opened as (
    -- Entries, and exits with no entry on record (kept, so that no exit is lost).
    -- Each records the consent it was made under (V60) and a CCCD's details where the site keeps them.
    insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_missing, entry_method, entry_gate,
                        entry_kiosk_id, exit_method, exit_gate, exit_kiosk_id, bluezone, bluezone_id,
                        consent_version, consent_method, cccd_extra)
    select a.new_visit, a.site, a.vid, a.at,
           case when a.d = 'o' then a.at end, a.d = 'o', a.method,
           case when a.d = 'i' then a.gate end, case when a.d = 'i' then a.kiosk end,
           case when a.d = 'o' then a.method end, case when a.d = 'o' then a.gate end,
           case when a.d = 'o' then a.kiosk end, a.bz, a.bzid, a.cv, a.cm, a.cx
      from act a
     where a.d = 'i' or a.open_visit is null
), moved_in as (
    update presence p set visit_id = a.new_visit, entered_at = a.at
      from act a
     where a.d = 'i' and a.open_visit is not null and p.site_id = a.site and p.visitor_id = a.vid
), came_in as (
    insert into presence (site_id, visitor_id, visit_id, entered_at)
    select a.site, a.vid, a.new_visit, a.at from act a where a.d = 'i' and a.open_visit is null
    on conflict (site_id, visitor_id) do update set visit_id = excluded.visit_id, entered_at = excluded.entered_at
), went_out as (
    delete from presence p
     using act a
     where a.d = 'o' and a.open_visit is not null and p.site_id = a.site and p.visitor_id = a.vid
), done as materialized (
    select a.*,
           case when a.d = 'o' and a.open_visit is not null then a.open_visit else a.new_visit end as visit,
           case when a.d = 'o' and a.open_visit is not null then c.bluezone else a.bz end as bz_out,
           -- what this request did to the count of people inside: in (+1), out (-1), or a new stay
           -- replacing an open one / an exit with no entry on record (0)
           (case when a.d = 'i' and a.open_visit is null then 1
                 when a.d = 'o' and a.open_visit is not null then -1 else 0 end)::smallint as delta
      from act a
      left join closed c on c.ord = a.ord
), logged as (
    insert into visit_events (id, site_id, visit_id, visitor_id, direction, occurred_at, method, kiosk_id,
                              user_id, gate, bluezone, display_name, phone_masked, new_visitor)
    select d.id, d.site, d.visit, d.vid, d.d, d.at, d.method, d.kiosk, d.usr, d.gate, d.bz_out, d.vname, d.vmask,
           d.fresh
      from done d
), notified as (
    -- One NOTIFY per chunk of events, each chunk well under the 8000-byte
    -- payload limit (an event is at most about 1.5 KB: names and gates are
    -- capped at 100 characters). PostgreSQL delivers them on commit only.
    select count(pg_notify('kiosk_events', json_build_object('origin', p_origin, 'events', c.events)::text)) as n
      from (select json_agg(j.event order by j.ord) as events
              from (select e.ord, e.event, sum(octet_length(e.event::text)) over (order by e.ord) / 6000 as chunk
                      from (select d.ord, json_build_object(
                                       'type', case d.d when 'i' then 'checkin' else 'checkout' end,
                                       'siteId', d.site, 'visitId', d.visit, 'visitorId', d.vid, 'name', d.vname,
                                       'occurredAt', d.at, 'method', d.method, 'gate', d.gate,
                                       'bluezone', d.bz_out, 'inferred', false,
                                       'presence', d.delta) as event
                              from done d) e) j
             group by j.chunk) c
)
select x.id, x.replay, x.visit, x.dir, x.at, x.vid, x.vname, x.vmask, x.fresh, x.bz, x.error, x.delta
  from (select r.ord, r.id, true as replay, s.visit_id as visit, s.direction as dir, s.occurred_at as at,
               s.visitor_id as vid, s.display_name as vname, s.phone_masked as vmask, s.new_visitor as fresh,
               s.bluezone as bz, null::text as error, 0::smallint as delta
          from seen s join req r on r.ord = s.ord
        union all
        select r.ord, r.id, false, null, null, null, null, null, null, false, null, 'visitor_unknown', 0::smallint
          from req r
         where r.ord = any(a_unknown) and not exists (select 1 from seen s where s.ord = r.ord)
        union all
        select w.ord, w.id, false, null, null, null, null, null, null, false, null, 'retry', 0::smallint
          from who w join clash c on c.ord = w.ord
        union all
        select d.ord, d.id, false, d.visit, d.d, d.at, d.vid, d.vname, d.vmask, d.fresh, d.bz_out, null, d.delta
          from done d) x
 cross join notified
 order by x.ord;
end $$;

-- The previous release's form (no consent arrays), for instances still on it during a rolling upgrade:
-- their check-ins record no consent.
create or replace function kiosk_checkins(
    p_ids uuid[], p_sites bigint[], p_dirs text[], p_times timestamptz[], p_methods text[], p_kiosks bigint[],
    p_users bigint[], p_gates text[], p_visitor_ids bigint[], p_names text[], p_folded text[], p_phone_hash bytea[],
    p_phone_enc bytea[], p_phone_masked text[], p_id_hash bytea[], p_id_enc bytea[], p_id_masked text[],
    p_bluezone text[], p_bluezone_id text[], p_new_visits uuid[], p_origin text)
returns table (req_id uuid, replay boolean, visit_id uuid, direction char, occurred_at timestamptz,
               visitor_id bigint, display_name text, phone_masked text, new_visitor boolean,
               bluezone text, error text, presence smallint)
language sql as $$
    select * from kiosk_checkins(p_ids, p_sites, p_dirs, p_times, p_methods, p_kiosks, p_users, p_gates,
                                 p_visitor_ids, p_names, p_folded, p_phone_hash, p_phone_enc, p_phone_masked,
                                 p_id_hash, p_id_enc, p_id_masked, p_bluezone, p_bluezone_id, p_new_visits, p_origin,
                                 array_fill(null::integer, array[cardinality(p_ids)]),
                                 array_fill(null::text, array[cardinality(p_ids)]),
                                 array_fill(null::text, array[cardinality(p_ids)]),
                                 array_fill(null::bytea, array[cardinality(p_ids)]))
$$;
