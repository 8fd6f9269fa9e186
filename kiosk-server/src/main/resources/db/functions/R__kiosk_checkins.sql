-- The current definition of kiosk_checkins (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- One group-commit batch of check-ins (VisitWriter): set-based statements
-- over the unnested arrays, one transaction, NOTIFY on commit: statement 1
-- (the visitors), the short path (the common case), statement 2 (the rest).
-- Answers come in no particular order (VisitWriter matches them by id). Idempotent on
-- the request id (visit_events); presence makes in/out race-free. Each event
-- and answer row says what it did to the count of people inside a site (+1 in,
-- -1 out, 0 otherwise), so that every instance keeps that count in memory
-- (events/Occupancy), and whether it belongs to an earlier stay than the
-- visitor's current one ("past": it moves no one in or out).
--
-- Which stay a request applies to: the one its time falls in. Usually that is
-- the newest thing on record (the open stay, or none); an offline kiosk's
-- record may arrive hours late (occurredAt), and then it is fitted in among
-- the stays on record so that one visitor's stays at one site never overlap:
--   enter      in, nothing on record after it            new open stay, +1
--   close      out in the open stay                      ends it, -1
--   split      in during the open stay (no exit seen)    ends it, inferred; new open stay
--   again      the same entry or exit once more: a double scan within the
--              repeat window (auto just after an exit is that exit again;
--              an entry stamped just before the next entry, as when two scans
--              race and the later-stamped one commits first), or a late one
--              inside a stay on record
--                                                        recorded, nothing changes
--   amend      a late out inside a stay whose exit was inferred
--                                                        the real exit replaces the inferred one
--   exit_only  out with no stay of its time on record    kept as an exit-only stay
--   merge      a late in just before an exit-only stay   that stay gets its entry
--   before     a late in before a later stay             a stay of its own, ended (inferred) by the
--                                                        next entry or by the site's rules (kiosk_stay_end)
-- Refused, storing nothing: a request id seen before with another request
-- (id_reused), an exit of a visit that is not open (visit_closed, a guard's
-- second tap), and direction auto within p_window_seconds of the entry of the
-- stay it would end (already_checked_in: a second scan is not a check-out).
--
-- Consent (V52): a consent given now (method self, kiosk or staff) becomes the
-- visitor's own, which their pass then carries; every new stay records the
-- notice version and method it was made under (the handler decided them:
-- privacy/Consents), and a CCCD's birth date or address where the site keeps them.
-- The form before p_self, p_digests, p_close and p_window_seconds (V41), and the one before the consent arrays.
drop function if exists kiosk_checkins(uuid[], bigint[], text[], timestamptz[], text[], bigint[], bigint[], text[],
    bigint[], text[], text[], bytea[], bytea[], text[], bytea[], bytea[], text[], text[], text[], uuid[], text);
drop function if exists kiosk_checkins(uuid[], bigint[], text[], timestamptz[], text[], bigint[], bigint[], text[],
    bigint[], text[], text[], bytea[], bytea[], text[], bytea[], bytea[], text[], text[], text[], uuid[], boolean[],
    bytea[], uuid[], text, integer);

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
    p_self         boolean[],   -- typed on the phone page: the phone and name are only what was typed
    p_digests      bytea[],     -- the request's digest (RequestDigest), to tell a replay from a reused id
    p_close        uuid[],      -- the open visit an exit must end (a guard's "mark exit"), or null
    p_origin       text,
    p_window_seconds integer,
    p_consent_v    integer[],   -- the notice version agreed to, or null: none recorded
    p_consent_m    text[],      -- self | kiosk | staff (given now) | pass (carried), or null
    p_consent_c    text[],      -- the controller it was given to
    p_cccd_extra   bytea[])     -- a CCCD's birth date / address, sealed, where the site keeps them
returns table (req_id uuid, replay boolean, visit_id uuid, direction char, occurred_at timestamptz,
               visitor_id bigint, display_name text, phone_masked text, new_visitor boolean,
               bluezone text, error text, presence smallint, past boolean)
language plpgsql
-- Planned once per connection (a generic plan): planning these statements costs more than running them, even
-- when a custom plan keeps only the partitions a batch reaches. The plan names every daily partition, so its
-- statements bound the partition keys with v_since, v_lo and v_hi, and PostgreSQL prunes the partitions outside
-- them when each statement starts instead of starting up all ~100 (kiosk-bench/README.md, "Where a batch's
-- time goes"). Without this setting the first five calls on each connection would be planned for their values.
-- A plan made once lives as long as the connection, while the tables grow under it: one made when a table or a
-- day's partition was small or empty would keep scanning it whole. Every read here is by key, so sequential
-- scans are ruled out (enable_seqscan = off: taken only where no index serves).
set plan_cache_mode = force_generic_plan
set enable_seqscan = off
as $$
#variable_conflict use_column
declare
    a_ord     bigint[];
    a_vid     bigint[];
    a_name    text[];
    a_mask    text[];
    a_fresh   boolean[];
    a_unknown bigint[];
    v_window  interval := make_interval(secs => p_window_seconds);
    -- ids are idempotent for 5 days (an offline replay comes within 72 h): the visit_events partitions to search
    v_since   timestamptz := now() - interval '5 days';
    -- and no id is recorded later than a transaction running now began (recorded_at is its now()): the
    -- partitions made ahead for the coming days are pruned too
    v_until   timestamptz := now() + interval '1 day';
    -- every stay this batch may read or change has its entry within [v_lo, v_hi] (set after statement 1)
    v_lo      timestamptz;
    v_hi      timestamptz;
    -- the requests of the short path: entries of new visitors; exits of visitors inside, with their open stays
    f_enter   bigint[];
    f_close   bigint[];
    f_visit   uuid[];
    f_at      timestamptz[];
    f_vid     bigint[];
    f_bz      text[];
    f_done    bigint[];
    v_i       integer;
    v_o       bigint;
    v_b       text;
    -- statement 1: the requests not seen before and the kinds of key among them
    a_todo      bigint[];
    k_pass      boolean;
    k_phone     boolean;
    k_own_phone boolean;
    k_idno      boolean;
begin
-- Statement 1: the visitors known by a key (pass, phone, ID number), one statement for each kind of key the
-- batch holds (a batch of phones typed by a guard starts no statement for passes or ID numbers).
-- Upserting or touching a visitor locks that row until commit, so two
-- batches (of two event loops or two instances) with the same visitor run
-- one after the other from here on. It reads no partitioned table but
-- visit_events' recent ids, so it costs little per batch; a request seen
-- before (a replay, or a reused id) touches no visitor.
-- Which requests are new (a replay, or a reused id, goes to statement 2, which answers it), and their keys.
-- Look-ups by key, one per request (LATERAL … LIMIT 1): the generic plan guesses ten requests a batch, and a
-- join would then scan a young day's partition whole rather than probe its key once per request.
select coalesce(array_agg(r.ord), '{}'), coalesce(bool_or(r.vid_in is not null), false),
       coalesce(bool_or(r.vid_in is null and r.ph is not null and not r.self), false),
       coalesce(bool_or(r.vid_in is null and r.ph is not null and r.self), false),
       coalesce(bool_or(r.vid_in is null and r.ph is null and r.ih is not null), false)
  into a_todo, k_pass, k_phone, k_own_phone, k_idno
  from unnest(p_ids, p_sites, p_visitor_ids, p_phone_hash, p_id_hash, p_self) with ordinality
       as r(id, site, vid_in, ph, ih, self, ord)
  left join lateral (select true as hit from visit_events e
                      where e.site_id = r.site and e.id = r.id and e.recorded_at > v_since and e.recorded_at < v_until
                      limit 1) e on true
 where e.hit is null;
a_ord := '{}'; a_vid := '{}'; a_name := '{}'; a_mask := '{}'; a_fresh := '{}'; a_unknown := '{}';

if k_pass then
    -- a pass names the visitor; one no longer on record is answered visitor_unknown
    with todo as (
        select * from unnest(p_visitor_ids, p_times, p_consent_v, p_consent_m, p_consent_c) with ordinality
                      as r(vid_in, at, cv, cm, cc, ord)
         where r.ord = any(a_todo) and r.vid_in is not null
    ), by_id as (
        update visitors v set last_seen_at = now(),
               consent_version = case when t.cm <> 'pass' then t.cv else v.consent_version end,
               consent_method = case when t.cm <> 'pass' then t.cm else v.consent_method end,
               consent_controller = case when t.cm <> 'pass' then t.cc else v.consent_controller end,
               consent_at = case when t.cm <> 'pass' then t.at else v.consent_at end,
               consent_withdrawn_at = case when t.cm <> 'pass' then null else v.consent_withdrawn_at end
          from todo t
         where t.vid_in is not null and v.id = t.vid_in
        returning t.ord, v.id, v.name, v.phone_masked, false as fresh
    )
    select coalesce(array_agg(b.ord), '{}'), coalesce(array_agg(b.id), '{}'), coalesce(array_agg(b.name), '{}'),
           coalesce(array_agg(b.phone_masked), '{}'), coalesce(array_agg(b.fresh), '{}'),
           (select coalesce(array_agg(t.ord), '{}') from todo t
             where not exists (select 1 from by_id b where b.ord = t.ord))
      into a_ord, a_vid, a_name, a_mask, a_fresh, a_unknown
      from by_id b;
end if;

if k_phone then
    with todo as (
        select * from unnest(p_visitor_ids, p_self, p_names, p_folded, p_phone_hash, p_phone_enc, p_phone_masked,
                             p_id_hash, p_id_enc, p_id_masked, p_times, p_consent_v, p_consent_m, p_consent_c)
                      with ordinality as r(vid_in, self, name, folded, ph, pe, pm, ih, ie, im, at, cv, cm, cc, ord)
         where r.ord = any(a_todo)
    ), by_phone as (
        -- Typed by staff, who see the person: the same phone and name (without diacritics) is the same visitor,
        -- whose name takes the staff's spelling; another name is another person sharing the phone.
        insert into visitors as v (name, name_folded, phone_hash, phone_enc, phone_masked, id_hash, id_enc, id_masked,
                                   consent_version, consent_method, consent_controller, consent_at)
        select t.name, t.folded, t.ph, t.pe, t.pm, case when o.taken is null then t.ih end,
               case when o.taken is null then t.ie end, case when o.taken is null then t.im end,
               t.cv, t.cm, t.cc, case when t.cv is not null then t.at end
          from todo t
          -- An ID number on record for someone else stays theirs: this visitor is recorded without it. One probe of
          -- the key per request that has one: the plan is made once per connection, and one made while visitors was
          -- small hashed the whole table on every call (a NOT EXISTS), a scan that grew with every new visitor.
          left join lateral (select true as taken from visitors o
                              where t.ih is not null and o.id_hash = t.ih offset 0) o on true
         where t.vid_in is null and t.ph is not null and not t.self
         order by t.ord
        on conflict (phone_hash, name_folded) do update
           set name = excluded.name, last_seen_at = now(),
               consent_version = coalesce(excluded.consent_version, v.consent_version),
               consent_method = case when excluded.consent_version is null then v.consent_method
                                     else excluded.consent_method end,
               consent_controller = case when excluded.consent_version is null then v.consent_controller
                                         else excluded.consent_controller end,
               consent_at = case when excluded.consent_version is null then v.consent_at else excluded.consent_at end,
               consent_withdrawn_at = case when excluded.consent_version is null then v.consent_withdrawn_at end
        returning v.id, v.phone_hash, v.name, v.phone_masked, (v.xmax = 0) as fresh
    )
    -- back to the request through its key, unique in the batch (VisitWriter sees to it)
    select a_ord || coalesce(array_agg(array_position(p_phone_hash, x.phone_hash)), '{}'),
           a_vid || coalesce(array_agg(x.id), '{}'), a_name || coalesce(array_agg(x.name), '{}'),
           a_mask || coalesce(array_agg(x.phone_masked), '{}'), a_fresh || coalesce(array_agg(x.fresh), '{}')
      into a_ord, a_vid, a_name, a_mask, a_fresh
      from by_phone x;
end if;

if k_own_phone then
    with todo as (
        select * from unnest(p_visitor_ids, p_self, p_names, p_folded, p_phone_hash, p_phone_enc, p_phone_masked,
                             p_times, p_consent_v, p_consent_m, p_consent_c)
                      with ordinality as r(vid_in, self, name, folded, ph, pe, pm, at, cv, cm, cc, ord)
         where r.ord = any(a_todo)
    ), by_own_phone as (
        -- Typed on the phone page (self-declared): the same phone and name again is the same visitor, whose
        -- stored name no self check-in changes; another name is another person sharing the phone. Either way
        -- nothing tells the caller whether the phone was known.
        insert into visitors as v (name, name_folded, phone_hash, phone_enc, phone_masked, consent_version, consent_method,
                                   consent_controller, consent_at)
        select t.name, t.folded, t.ph, t.pe, t.pm, t.cv, t.cm, t.cc, case when t.cv is not null then t.at end
          from todo t
         where t.vid_in is null and t.ph is not null and t.self
         order by t.ord
        on conflict (phone_hash, name_folded) do update
           set last_seen_at = now(),
               consent_version = coalesce(excluded.consent_version, v.consent_version),
               consent_method = case when excluded.consent_version is null then v.consent_method
                                     else excluded.consent_method end,
               consent_controller = case when excluded.consent_version is null then v.consent_controller
                                         else excluded.consent_controller end,
               consent_at = case when excluded.consent_version is null then v.consent_at else excluded.consent_at end,
               consent_withdrawn_at = case when excluded.consent_version is null then v.consent_withdrawn_at end
        returning v.id, v.phone_hash, v.name, v.phone_masked, (v.xmax = 0) as fresh
    )
    -- back to the request through its key, unique in the batch (VisitWriter sees to it)
    select a_ord || coalesce(array_agg(array_position(p_phone_hash, x.phone_hash)), '{}'),
           a_vid || coalesce(array_agg(x.id), '{}'), a_name || coalesce(array_agg(x.name), '{}'),
           a_mask || coalesce(array_agg(x.phone_masked), '{}'), a_fresh || coalesce(array_agg(x.fresh), '{}')
      into a_ord, a_vid, a_name, a_mask, a_fresh
      from by_own_phone x;
end if;

if k_idno then
    with todo as (
        select * from unnest(p_visitor_ids, p_phone_hash, p_names, p_folded, p_id_hash, p_id_enc, p_id_masked,
                             p_times, p_consent_v, p_consent_m, p_consent_c)
                      with ordinality as r(vid_in, ph, name, folded, ih, ie, im, at, cv, cm, cc, ord)
         where r.ord = any(a_todo)
    ), by_idno as (
        -- An ID number (a CCCD card read, or typed by staff) is the person; the card's name is theirs.
        insert into visitors as v (name, name_folded, id_hash, id_enc, id_masked, consent_version, consent_method,
                                   consent_controller, consent_at)
        select t.name, t.folded, t.ih, t.ie, t.im, t.cv, t.cm, t.cc, case when t.cv is not null then t.at end
          from todo t where t.vid_in is null and t.ph is null and t.ih is not null
         order by t.ord
        on conflict (id_hash) do update
           set name = excluded.name, name_folded = excluded.name_folded, last_seen_at = now(),
               consent_version = coalesce(excluded.consent_version, v.consent_version),
               consent_method = case when excluded.consent_version is null then v.consent_method
                                     else excluded.consent_method end,
               consent_controller = case when excluded.consent_version is null then v.consent_controller
                                         else excluded.consent_controller end,
               consent_at = case when excluded.consent_version is null then v.consent_at else excluded.consent_at end,
               consent_withdrawn_at = case when excluded.consent_version is null then v.consent_withdrawn_at end
        returning v.id, v.id_hash, v.name, v.phone_masked, (v.xmax = 0) as fresh
    )
    -- back to the request through its key, unique in the batch (VisitWriter sees to it)
    select a_ord || coalesce(array_agg(array_position(p_id_hash, x.id_hash)), '{}'),
           a_vid || coalesce(array_agg(x.id), '{}'), a_name || coalesce(array_agg(x.name), '{}'),
           a_mask || coalesce(array_agg(x.phone_masked), '{}'), a_fresh || coalesce(array_agg(x.fresh), '{}')
      into a_ord, a_vid, a_name, a_mask, a_fresh
      from by_idno x;
end if;

-- The short path (kiosk-bench/README.md, "The short path"): the two common cases, whose answer depends on
-- presence alone, each as one short statement instead of statement 2, whose start-up (a plan of some fifteen
-- CTEs, most of them reading the stays on record) is most of a small batch's cost:
--   an entry of a visitor new in this batch (direction in or auto, no visit to close): nothing is on record for
--   them, so it is kind 'enter';
--   an exit of a visitor inside since before the request's time (direction out, or auto at least the repeat
--   window after the entry; no visit to close but the open one): kind 'close'.
-- Presence rows are locked here, as statement 2 does. A visitor met twice in the batch at one site, and
-- everything else, go to statement 2, which handles every case and whose snapshot sees what the short path
-- wrote. A replay committed by another instance while statement 1 waited for the visitor's row never takes the
-- short path: that visitor is not new any more, and the replayed entry or exit has already moved them in or out.
with k as (
    select k.ord, k.vid, k.fresh, p_sites[k.ord] as site, p_dirs[k.ord] as dir, p_times[k.ord] as at,
           p_close[k.ord] as close_visit, count(*) over (partition by p_sites[k.ord], k.vid) as times
      from unnest(a_ord, a_vid, a_fresh) k(ord, vid, fresh)
), once as (
    select k.* from k where k.times = 1
), pos as (
    select o.*, p.visit_id, p.entered_at
      from once o
      left join lateral (select p.visit_id, p.entered_at from presence p
                          where not o.fresh and p.site_id = o.site and p.visitor_id = o.vid for update) p on true
)
select coalesce(array_agg(x.ord order by x.ord) filter (where x.fresh and x.dir <> 'out' and x.close_visit is null),
                '{}'),
       coalesce(array_agg(x.ord order by x.ord) filter (where x.leave), '{}'),
       coalesce(array_agg(x.visit_id order by x.ord) filter (where x.leave), '{}'),
       coalesce(array_agg(x.entered_at order by x.ord) filter (where x.leave), '{}'),
       coalesce(array_agg(x.vid order by x.ord) filter (where x.leave), '{}')
  into f_enter, f_close, f_visit, f_at, f_vid
  from (select p.*, not p.fresh and p.entered_at <= p.at
                    and (p.dir = 'out' or (p.dir = 'auto' and p.at - p.entered_at >= v_window))
                    and (p.close_visit is null or p.close_visit = p.visit_id) as leave
          from pos p) x;
f_done := f_enter || f_close;

if cardinality(f_enter) > 0 then
    return query
    with req as (
        select r.*, w.vid, w.vname, w.vmask
          from unnest(p_ids, p_sites, p_times, p_methods, p_kiosks, p_users, p_gates, p_bluezone, p_bluezone_id,
                      p_new_visits, p_digests, p_consent_v, p_consent_m, p_cccd_extra) with ordinality
               as r(id, site, at, method, kiosk, usr, gate, bz, bzid, new_visit, digest, cv, cm, cx, ord)
          join unnest(a_ord, a_vid, a_name, a_mask) w(ord, vid, vname, vmask) on w.ord = r.ord
         where r.ord = any(f_enter)
    ), opened as (
        insert into visits (id, site_id, visitor_id, entered_at, exit_inferred, entry_missing, entry_method,
                            entry_gate, entry_kiosk_id, bluezone, bluezone_id, consent_version, consent_method,
                            cccd_extra)
        select r.new_visit, r.site, r.vid, r.at, false, false, r.method, r.gate, r.kiosk, r.bz, r.bzid, r.cv, r.cm,
               r.cx
          from req r
    ), came_in as (
        insert into presence (site_id, visitor_id, visit_id, entered_at)
        select r.site, r.vid, r.new_visit, r.at from req r
        on conflict (site_id, visitor_id) do update set visit_id = excluded.visit_id, entered_at = excluded.entered_at
    ), logged as (
        insert into visit_events (id, site_id, visit_id, visitor_id, direction, occurred_at, method, kiosk_id,
                                  user_id, gate, bluezone, display_name, phone_masked, new_visitor, request_digest)
        select r.id, r.site, r.new_visit, r.vid, 'i', r.at, r.method, r.kiosk, r.usr, r.gate, r.bz, r.vname, r.vmask,
               true, r.digest
          from req r
    ), notified as (
        select kiosk_notify_events(p_origin, array_agg(
                   kiosk_event('checkin', r.site, r.new_visit, r.vid, r.vname, r.at, r.method, r.gate, r.bz, false, 1,
                               false) order by r.ord)) as n
          from req r
    )
    select r.id, false, r.new_visit, 'i'::char, r.at, r.vid, r.vname, r.vmask, true, r.bz, null::text, 1::smallint,
           false
      from req r cross join notified
     order by r.ord;
end if;

if cardinality(f_close) > 0 then
    -- The stay and the presence row, each by its whole key with plain values, one request after the other. A
    -- statement that joins the batch's rows to visits could instead be planned (once per connection, on the
    -- statistics of the day's partition when it was young and small) as a hash join over a range of entries, read
    -- through an index whose leading column is not the entry time: every entry of the day read for one exit.
    f_bz := '{}';
    for v_i in 1 .. cardinality(f_close) loop
        v_o := f_close[v_i];
        update visits v
           set exited_at = p_times[v_o], exit_inferred = false, exit_method = p_methods[v_o], exit_gate = p_gates[v_o],
               exit_kiosk_id = p_kiosks[v_o], bluezone = coalesce(v.bluezone, p_bluezone[v_o]),
               bluezone_id = coalesce(v.bluezone_id, p_bluezone_id[v_o])
         where v.site_id = p_sites[v_o] and v.entered_at = f_at[v_i] and v.id = f_visit[v_i]
        returning v.bluezone into v_b;
        f_bz := f_bz || v_b;
        delete from presence p where p.site_id = p_sites[v_o] and p.visitor_id = f_vid[v_i];
    end loop;
    return query
    with done as (
        select r.*, w.vid, w.vname, w.vmask, c.visit, c.bz_out
          from unnest(p_ids, p_sites, p_times, p_methods, p_kiosks, p_users, p_gates, p_digests) with ordinality
               as r(id, site, at, method, kiosk, usr, gate, digest, ord)
          join unnest(a_ord, a_vid, a_name, a_mask) w(ord, vid, vname, vmask) on w.ord = r.ord
          join unnest(f_close, f_visit, f_bz) c(ord, visit, bz_out) on c.ord = r.ord
    ), logged as (
        insert into visit_events (id, site_id, visit_id, visitor_id, direction, occurred_at, method, kiosk_id,
                                  user_id, gate, bluezone, display_name, phone_masked, new_visitor, request_digest)
        select d.id, d.site, d.visit, d.vid, 'o', d.at, d.method, d.kiosk, d.usr, d.gate, d.bz_out, d.vname, d.vmask,
               false, d.digest
          from done d
    ), notified as (
        select kiosk_notify_events(p_origin, array_agg(
                   kiosk_event('checkout', d.site, d.visit, d.vid, d.vname, d.at, d.method, d.gate, d.bz_out, false,
                               -1, false) order by d.ord)) as n
          from done d
    )
    select d.id, false, d.visit, 'o'::char, d.at, d.vid, d.vname, d.vmask, false, d.bz_out, null::text,
           (-1)::smallint, false
      from done d cross join notified
     order by d.ord;
end if;

if cardinality(f_done) = cardinality(p_ids) then
    return;
end if;

-- The entry times this batch can reach, as bounds that prune the daily partitions of visits when statement 2
-- starts (its plan is generic: see plan_cache_mode above): a stay around a request's time begins within the
-- site's stay bound (plus the overdue job's slack) of it, and an open stay where presence says. Only visitors
-- seen before have stays (a new one reads none), so a batch of new visitors reads no partition of visits at all.
-- Their rows are locked by statement 1, so no other batch moves them in or out before this one commits.
select coalesce(least(min(p_times[k.ord]) - make_interval(mins => max(s.stay_bound_minutes) + 10),
                      min(p.entered_at)), 'infinity'),
       coalesce(max(p_times[k.ord]) + make_interval(mins => max(s.stay_bound_minutes) + 10), '-infinity')
  into v_lo, v_hi
  from unnest(a_ord, a_vid, a_fresh) k(ord, vid, fresh)
  join sites s on s.id = p_sites[k.ord]
  left join presence p on p.site_id = p_sites[k.ord] and p.visitor_id = k.vid
 where not k.fresh and k.ord <> all(f_done);

-- Statement 2, with a new snapshot: it sees whatever a concurrent batch of
-- the same visitors committed while statement 1 waited for their rows, so
-- replays, presence and the stays on record are read here.
return query
with req as (
    select *
      from unnest(p_ids, p_sites, p_dirs, p_times, p_methods, p_kiosks, p_users, p_gates, p_visitor_ids, p_names,
                  p_folded, p_phone_hash, p_phone_enc, p_phone_masked, p_id_hash, p_id_enc, p_id_masked,
                  p_bluezone, p_bluezone_id, p_new_visits, p_self, p_digests, p_close, p_consent_v, p_consent_m,
                  p_consent_c, p_cccd_extra) with ordinality
           as r(id, site, dir, at, method, kiosk, usr, gate, vid_in, name, folded, ph, pe, pm, ih, ie, im,
                bz, bzid, new_visit, self, digest, close_visit, cv, cm, cc, cx, ord)
     where r.ord <> all(f_done)
), seen as (
    -- A replay is the same request again; rows from before digests were kept count as the same.
    select r.ord, e.visit_id, e.direction, e.occurred_at, e.visitor_id, e.display_name, e.phone_masked,
           e.new_visitor, e.bluezone, (e.request_digest is null or e.request_digest = r.digest) as same
      from req r
      join lateral (select * from visit_events e
                     where e.site_id = r.site and e.id = r.id and e.recorded_at > v_since
                       and e.recorded_at < v_until limit 1) e on true
), anon as materialized (
    -- Known by name only: a visitor of their own (no one else can meet them),
    -- with the id drawn up front (as visitors.id's default, V48) so that it maps back to its request.
    select r.ord, (1 + floor(random() * 9007199254740990))::bigint as id, r.name, r.folded, r.cv, r.cm, r.cc, r.at
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
      join lateral (select p.visit_id, p.entered_at from presence p
                     where p.site_id = w.site and p.visitor_id = w.vid for update) p on true
     where not exists (select 1 from clash c where c.ord = w.ord)
), near as materialized (
    -- The stays around the request's time, read only when it may not be the newest thing on record: a
    -- visitor seen before who is not inside, or whose open stay began after that time (a late record). No
    -- stay lasts longer than the site's stay bound (plus the overdue job's slack, as in traces), so the stay
    -- holding that time, and any next one that matters, lie within a bound of it.
    select w.ord, p.id as p_id, p.entered_at as p_at, p.exited_at as p_exit, p.exit_inferred as p_inferred,
           p.entry_missing as p_missing, n.id as n_id, n.entered_at as n_at, n.entry_missing as n_missing,
           kiosk_stay_end(w.at, s.max_stay_minutes, s.closes_at, s.time_zone) as stay_end
      from who w
      join sites s on s.id = w.site
      left join inside i on i.ord = w.ord
      left join lateral (
          select v.id, v.entered_at, v.exited_at, v.exit_inferred, v.entry_missing
            from visits v
           where v.visitor_id = w.vid and v.site_id = w.site and v.entered_at <= w.at
             and v.entered_at > w.at - make_interval(mins => s.stay_bound_minutes + 10)
             and v.entered_at >= v_lo and v.entered_at <= v_hi
           order by v.entered_at desc limit 1) p on true
      left join lateral (
          select v.id, v.entered_at, v.entry_missing
            from visits v
           where v.visitor_id = w.vid and v.site_id = w.site and v.entered_at > w.at
             and v.entered_at <= w.at + make_interval(mins => s.stay_bound_minutes + 10)
             and v.entered_at >= v_lo and v.entered_at <= v_hi
           order by v.entered_at limit 1) n on true
     where not w.fresh and (i.open_visit is null or i.open_at > w.at)
       and not exists (select 1 from clash c where c.ord = w.ord)
), pos as (
    select w.*, i.open_visit, i.open_at, n.p_id, n.p_at, n.p_exit, n.p_inferred, n.p_missing, n.n_id, n.n_at,
           n.n_missing, n.stay_end,
           -- the open stay began at or before this time: the usual case, nothing on record after it
           coalesce(i.open_at <= w.at, false) as cur,
           -- the stay the visitor was inside at this time, if any
           case when i.open_at <= w.at then i.open_visit
                when not n.p_missing and w.at < n.p_exit then n.p_id end as in_id,
           case when i.open_at <= w.at then i.open_at
                when not n.p_missing and w.at < n.p_exit then n.p_at end as in_at,
           -- the next entry after this time (least ignores nulls), and its stay
           least(n.n_at, case when i.open_at > w.at then i.open_at end) as next_at,
           case when i.open_at > w.at and (n.n_at is null or i.open_at <= n.n_at) then i.open_visit
                else n.n_id end as next_id
      from who w
      left join inside i on i.ord = w.ord
      left join near n on n.ord = w.ord
     where not exists (select 1 from clash c where c.ord = w.ord)
), dirs as (
    -- auto: out when inside at that time; and out again when just out (a second scan of an exit is no entry)
    select p.*, case p.dir when 'in' then 'i' when 'out' then 'o'
                           else case when p.in_id is not null then 'o'
                                     when not p.p_inferred and p.at >= p.p_exit and p.at - p.p_exit < v_window
                                          and p.next_at is null then 'o'
                                     else 'i' end end::char as d
      from pos p
), kinds as (
    select x.*,
           case
             when x.close_visit is not null and not (x.cur and x.open_visit = x.close_visit) then 'visit_closed'
             when x.dir = 'auto' and x.d = 'o' and x.at - x.in_at < v_window then 'already_checked_in'
             -- two scans at once, the later-stamped one committed first: this one is the repeat
             when x.dir = 'auto' and x.d = 'i' and x.next_at - x.at < v_window then 'already_checked_in'
           end as refused,
           case
             when x.d = 'o' and x.cur then 'close'
             when x.d = 'o' and x.at <= x.p_exit then case when x.p_inferred then 'amend' else 'again' end
             when x.d = 'o' and not x.p_inferred and x.at - x.p_exit < v_window then 'again'
             when x.d = 'o' then 'exit_only'
             when x.cur and x.at - x.open_at < v_window then 'again'
             when x.cur then 'split'
             when x.in_id is not null then 'again'
             when x.next_at - x.at < v_window then 'again'
             when x.next_at is null then 'enter'
             when x.n_missing and x.n_at = x.next_at and x.n_at <= x.stay_end then 'merge'
             else 'before'
           end as kind
      from dirs x
), act as materialized (
    -- the stay on record each request changes (t_id, t_at), and the visit its event belongs to
    select k.*,
           case k.kind when 'amend' then k.p_id when 'merge' then k.n_id
                       when 'close' then k.open_visit when 'split' then k.open_visit end as t_id,
           case k.kind when 'amend' then k.p_at when 'merge' then k.n_at
                       when 'close' then k.open_at when 'split' then k.open_at end as t_at,
           case k.kind when 'close' then k.open_visit when 'amend' then k.p_id when 'merge' then k.n_id
                       when 'again' then coalesce(k.in_id, case when k.next_at - k.at < v_window then k.next_id end,
                                                  k.p_id)
                       else k.new_visit end as visit
      from kinds k
), closed as (
    -- One UPDATE of visits for every change to a stay on record (each UPDATE of the partitioned table sets up
    -- a scan of every partition): an exit ends its stay; in again without an exit ends the earlier stay here,
    -- inferred; a late exit replaces an inferred one; a late entry completes an exit-only stay (the row moves
    -- to its entry's daily partition when that differs).
    update visits v
       set entered_at = case when a.kind = 'merge' then a.at else v.entered_at end,
           entry_missing = v.entry_missing and a.kind <> 'merge',
           entry_method = case when a.kind = 'merge' then a.method else v.entry_method end,
           entry_gate = case when a.kind = 'merge' then a.gate else v.entry_gate end,
           entry_kiosk_id = case when a.kind = 'merge' then a.kiosk else v.entry_kiosk_id end,
           exited_at = case a.kind when 'split' then greatest(v.entered_at, a.at) when 'merge' then v.exited_at
                                   else a.at end,
           exit_inferred = case a.kind when 'split' then true when 'merge' then v.exit_inferred else false end,
           exit_method = case when a.kind in ('close', 'amend') then a.method else v.exit_method end,
           exit_gate = case when a.kind in ('close', 'amend') then a.gate else v.exit_gate end,
           exit_kiosk_id = case when a.kind in ('close', 'amend') then a.kiosk else v.exit_kiosk_id end,
           bluezone = case when a.kind = 'split' then v.bluezone else coalesce(v.bluezone, a.bz) end,
           bluezone_id = case when a.kind = 'split' then v.bluezone_id else coalesce(v.bluezone_id, a.bzid) end
      from act a
     where a.refused is null and a.t_id is not null
       and v.site_id = a.site and v.entered_at = a.t_at and v.id = a.t_id
       and v.entered_at >= v_lo and v.entered_at <= v_hi
    returning a.ord, v.bluezone
), opened as (
    -- New stays: entries, exits with no stay of their time on record (kept, so that no exit is lost), and late
    -- entries before a later stay.
    insert into visits (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method,
                        entry_gate, entry_kiosk_id, exit_method, exit_gate, exit_kiosk_id, bluezone, bluezone_id,
                        consent_version, consent_method, cccd_extra)
    select a.new_visit, a.site, a.vid, a.at,
           case a.kind when 'exit_only' then a.at when 'before' then least(a.next_at, a.stay_end) end,
           a.kind = 'before', a.kind = 'exit_only', a.method,
           case when a.kind <> 'exit_only' then a.gate end, case when a.kind <> 'exit_only' then a.kiosk end,
           case when a.kind = 'exit_only' then a.method end, case when a.kind = 'exit_only' then a.gate end,
           case when a.kind = 'exit_only' then a.kiosk end, a.bz, a.bzid, a.cv, a.cm, a.cx
      from act a
     where a.refused is null and a.kind in ('enter', 'split', 'exit_only', 'before')
), moved_in as (
    update presence p set visit_id = a.new_visit, entered_at = a.at
      from act a
     where a.refused is null and a.kind = 'split' and p.site_id = a.site and p.visitor_id = a.vid
), came_in as (
    insert into presence (site_id, visitor_id, visit_id, entered_at)
    select a.site, a.vid, a.new_visit, a.at from act a where a.refused is null and a.kind = 'enter'
    on conflict (site_id, visitor_id) do update set visit_id = excluded.visit_id, entered_at = excluded.entered_at
), went_out as (
    delete from presence p
     using act a
     where a.refused is null and a.kind = 'close' and p.site_id = a.site and p.visitor_id = a.vid
), done as materialized (
    select a.*,
           case when a.kind in ('close', 'amend', 'merge') then c.bluezone else a.bz end as bz_out,
           -- what this request did to the count of people inside: in (+1), out (-1), or nothing (0)
           (case a.kind when 'enter' then 1 when 'close' then -1 else 0 end)::smallint as delta,
           -- it belongs to an earlier stay than the current one: it moves no one in or out
           (a.kind in ('again', 'amend', 'merge', 'before') or (a.kind = 'exit_only' and a.open_visit is not null))
               as late
      from act a
      left join closed c on c.ord = a.ord
     where a.refused is null
), logged as (
    insert into visit_events (id, site_id, visit_id, visitor_id, direction, occurred_at, method, kiosk_id,
                              user_id, gate, bluezone, display_name, phone_masked, new_visitor, request_digest)
    select d.id, d.site, d.visit, d.vid, d.d, d.at, d.method, d.kiosk, d.usr, d.gate, d.bz_out, d.vname, d.vmask,
           d.fresh, d.digest
      from done d
), notified as (
    select kiosk_notify_events(p_origin, array_agg(
               kiosk_event(case d.d when 'i' then 'checkin' else 'checkout' end, d.site, d.visit, d.vid, d.vname,
                           d.at, d.method, d.gate, d.bz_out, false, d.delta, d.late) order by d.ord)) as n
      from done d
)
select x.id, x.replay, x.visit, x.dir, x.at, x.vid, x.vname, x.vmask, x.fresh, x.bz, x.error, x.delta, x.late
  from (select r.ord, r.id, true as replay, s.visit_id as visit, s.direction as dir, s.occurred_at as at,
               s.visitor_id as vid, s.display_name as vname, s.phone_masked as vmask, s.new_visitor as fresh,
               s.bluezone as bz, null::text as error, 0::smallint as delta, false as late
          from seen s join req r on r.ord = s.ord
         where s.same
        union all
        select r.ord, r.id, false, null, null, null, null, null, null, false, null, 'id_reused', 0::smallint, false
          from seen s join req r on r.ord = s.ord
         where not s.same
        union all
        select r.ord, r.id, false, null, null, null, null, null, null, false, null, 'visitor_unknown', 0::smallint,
               false
          from req r
         where r.ord = any(a_unknown) and not exists (select 1 from seen s where s.ord = r.ord)
        union all
        select w.ord, w.id, false, null, null, null, null, null, null, false, null, 'retry', 0::smallint, false
          from who w join clash c on c.ord = w.ord
        union all
        -- refused: the stay it met (already_checked_in: the visit and its entry), nothing stored
        select a.ord, a.id, false, coalesce(a.in_id, a.next_id), a.d, coalesce(a.in_at, a.next_at), a.vid, a.vname,
               a.vmask, false, null, a.refused,
               0::smallint, false
          from act a where a.refused is not null
        union all
        select d.ord, d.id, false, d.visit, d.d, d.at, d.vid, d.vname, d.vmask, d.fresh, d.bz_out, null, d.delta,
               d.late
          from done d) x
 cross join notified
 order by x.ord;
end $$;
