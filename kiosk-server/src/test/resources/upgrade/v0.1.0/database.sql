--
-- PostgreSQL database dump
--

\restrict AFzwGnxThKzgphx42qlO728e98XTi3dQ7Y3RyLXeH8jkKp9zw79G7r8a6gGKqjz

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: kiosk_audit_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kiosk_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    raise exception 'audit_log is append-only' using errcode = '42501';
end $$;


--
-- Name: kiosk_checkin_batch(uuid[], bigint[], text[], timestamp with time zone[], text[], bigint[], bigint[], text[], bigint[], text[], text[], bytea[], bytea[], text[], bytea[], bytea[], text[], text[], text[], uuid[], text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kiosk_checkin_batch(p_ids uuid[], p_sites bigint[], p_dirs text[], p_times timestamp with time zone[], p_methods text[], p_kiosks bigint[], p_users bigint[], p_gates text[], p_visitor_ids bigint[], p_names text[], p_folded text[], p_phone_hash bytea[], p_phone_enc bytea[], p_phone_masked text[], p_id_hash bytea[], p_id_enc bytea[], p_id_masked text[], p_bluezone text[], p_bluezone_id text[], p_new_visits uuid[], p_origin text) RETURNS TABLE(req_id uuid, replay boolean, visit_id uuid, direction character, occurred_at timestamp with time zone, visitor_id bigint, display_name text, phone_masked text, new_visitor boolean, bluezone text, error text)
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: kiosk_close_overdue(timestamp with time zone, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kiosk_close_overdue(p_now timestamp with time zone, p_origin text) RETURNS TABLE(site_id bigint, visit_id uuid, visitor_id bigint, exited_at timestamp with time zone)
    LANGUAGE plpgsql
    AS $$
#variable_conflict use_column
begin
    return query
    with due as (
        select p.site_id, p.visitor_id, p.visit_id, p.entered_at,
               least(p.entered_at + make_interval(mins => s.max_stay_minutes),
                     case when s.closes_at is null then null
                          else (select c from (
                                  select ((p.entered_at at time zone s.time_zone)::date + d + s.closes_at)
                                         at time zone s.time_zone as c
                                    from generate_series(0, 1) d) cs
                                 where c > p.entered_at order by c limit 1)
                     end) as exit_at
          from presence p join sites s on s.id = p.site_id
    ), closing as (
        delete from presence p using due d
         where d.exit_at <= p_now and p.site_id = d.site_id and p.visitor_id = d.visitor_id
           and p.visit_id = d.visit_id
        returning d.site_id, d.visit_id, d.visitor_id, d.entered_at, d.exit_at
    ), closed as (
        update visits v set exited_at = c.exit_at, exit_inferred = true
          from closing c
         where v.site_id = c.site_id and v.entered_at = c.entered_at and v.id = c.visit_id
        returning v.site_id, v.id, v.visitor_id, v.exited_at
    )
    select c.site_id, c.id, c.visitor_id, c.exited_at from closed c;
end $$;


--
-- Name: kiosk_ensure_partitions(date, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kiosk_ensure_partitions(from_day date, days integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
declare
    d date;
begin
    for i in 0 .. days - 1 loop
        d := from_day + i;
        execute format('create table if not exists %I partition of visits for values from (%L) to (%L)',
                       'visits_' || to_char(d, 'YYYYMMDD'), d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
        execute format('create table if not exists %I partition of visit_events for values from (%L) to (%L)',
                       'visit_events_' || to_char(d, 'YYYYMMDD'), d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
    end loop;
end $$;


--
-- Name: kiosk_grow_stay_bound(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kiosk_grow_stay_bound() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    new.stay_bound_minutes := greatest(coalesce(new.stay_bound_minutes, 0), new.max_stay_minutes,
                                       case when tg_op = 'UPDATE' then old.stay_bound_minutes else 0 end);
    return new;
end $$;


--
-- Name: kiosk_site_day_stats(bigint[], date, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kiosk_site_day_stats(p_sites bigint[], p_day date, p_now timestamp with time zone) RETURNS TABLE(site_id bigint, day date, entries integer, exits integer, unique_visitors integer, peak_occupancy integer, hourly integer[], bluezone jsonb)
    LANGUAGE sql STABLE
    AS $$
    with s as (
        select st.id, st.time_zone as tz,
               (p_day::timestamp at time zone st.time_zone) as d0,
               ((p_day + 1)::timestamp at time zone st.time_zone) as d1,
               make_interval(mins => st.stay_bound_minutes + 10) as bound
          from sites st
         where st.id = any(p_sites)
    ), v as materialized (
        select s.id as site_id, s.tz, s.d0, s.d1, x.visitor_id, x.entered_at, x.exited_at, x.entry_missing,
               coalesce(x.bluezone, 'unknown') as bluezone,
               (not x.entry_missing and x.entered_at >= s.d0) as is_entry
          from s
          join lateral (
              select vv.visitor_id, vv.entered_at, vv.exited_at, vv.entry_missing, vv.bluezone
                from visits vv
               where vv.site_id = s.id and vv.entered_at >= s.d0 - s.bound and vv.entered_at < s.d1
                 and vv.entered_at <= p_now
              offset 0
          ) x on true
    ), counts as (
        select v.site_id,
               count(*) filter (where v.is_entry)::int as entries,
               count(*) filter (where v.exited_at >= v.d0 and v.exited_at < v.d1)::int as exits,
               count(distinct v.visitor_id) filter (where v.is_entry)::int as uniq
          from v group by v.site_id
    ), hours as (
        select v.site_id, extract(hour from v.entered_at at time zone v.tz)::int as h, count(*)::int as n
          from v where v.is_entry group by 1, 2
    ), hourly as (
        select s.id as site_id, array_agg(coalesce(h.n, 0) order by g) as hourly
          from s cross join generate_series(0, 23) g
          left join hours h on h.site_id = s.id and h.h = g
         group by s.id
    ), bz as (
        select b.site_id, jsonb_object_agg(b.bluezone, b.n) as bluezone
          from (select v.site_id, v.bluezone, count(*)::int as n from v where v.is_entry group by 1, 2) b
         group by b.site_id
    ), stays as (
        select v.site_id, v.d0, v.d1, v.entered_at, v.exited_at from v
         where not v.entry_missing
           and (v.exited_at is null or v.exited_at > v.entered_at)
           and coalesce(v.exited_at, 'infinity') > v.d0
    ), moves as (
        select site_id, greatest(entered_at, d0) as t, 1 as d from stays
        union all
        select site_id, exited_at, -1 from stays where exited_at < d1 and exited_at <= p_now
    ), running as (
        select site_id, sum(d) over (partition by site_id order by t, d rows unbounded preceding) as inside
          from moves
    ), peak as (
        select site_id, max(inside)::int as peak from running group by site_id
    )
    select s.id, p_day, coalesce(c.entries, 0), coalesce(c.exits, 0), coalesce(c.uniq, 0),
           greatest(coalesce(p.peak, 0), 0), h.hourly, coalesce(b.bluezone, '{}'::jsonb)
      from s
      left join counts c on c.site_id = s.id
      left join hourly h on h.site_id = s.id
      left join bz b on b.site_id = s.id
      left join peak p on p.site_id = s.id
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    user_id bigint,
    action text NOT NULL,
    site_id bigint,
    detail jsonb DEFAULT '{}'::jsonb NOT NULL,
    row_count integer
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: daily_site_stats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.daily_site_stats (
    site_id bigint NOT NULL,
    day date NOT NULL,
    entries integer NOT NULL,
    exits integer NOT NULL,
    unique_visitors integer NOT NULL,
    peak_occupancy integer NOT NULL,
    hourly integer[] NOT NULL,
    bluezone jsonb NOT NULL
);


--
-- Name: event_tickets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_tickets (
    ticket_hash bytea NOT NULL,
    site_id bigint NOT NULL,
    user_id bigint NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: key_fingerprints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.key_fingerprints (
    name text NOT NULL,
    fingerprint bytea NOT NULL
);


--
-- Name: kiosks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kiosks (
    id bigint NOT NULL,
    site_id bigint NOT NULL,
    name text NOT NULL,
    gate text DEFAULT ''::text NOT NULL,
    mode text NOT NULL,
    pairing_code_hash bytea,
    pairing_expires_at timestamp with time zone,
    device_token_hash bytea,
    secret bytea,
    paired_at timestamp with time zone,
    revoked_at timestamp with time zone,
    last_seen_at timestamp with time zone,
    app_version text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    queued integer,
    battery real,
    silent_alerted_for timestamp with time zone,
    CONSTRAINT kiosks_battery_check CHECK (((battery IS NULL) OR ((battery >= (0)::double precision) AND (battery <= (1)::double precision)))),
    CONSTRAINT kiosks_mode_check CHECK ((mode = ANY (ARRAY['entry'::text, 'exit'::text, 'both'::text]))),
    CONSTRAINT kiosks_queued_check CHECK (((queued IS NULL) OR (queued >= 0)))
);


--
-- Name: kiosks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kiosks ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kiosks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: poster_campaigns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.poster_campaigns (
    id bigint NOT NULL,
    title text NOT NULL,
    province text,
    district text,
    site_id bigint,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    image_type text,
    image bytea,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT poster_campaigns_check CHECK ((ends_on >= starts_on))
);


--
-- Name: poster_campaigns_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.poster_campaigns ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.poster_campaigns_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: presence; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.presence (
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    entered_at timestamp with time zone NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    token_hash bytea NOT NULL,
    user_id bigint NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: sites; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sites (
    id bigint NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    province text NOT NULL,
    district text NOT NULL,
    address text DEFAULT ''::text NOT NULL,
    capacity integer,
    max_stay_minutes integer DEFAULT 720 NOT NULL,
    opens_at time without time zone,
    closes_at time without time zone,
    time_zone text DEFAULT 'Asia/Ho_Chi_Minh'::text NOT NULL,
    poster_enabled boolean DEFAULT true NOT NULL,
    poster_generation integer DEFAULT 1 NOT NULL,
    retention_days integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    stay_bound_minutes integer NOT NULL,
    CONSTRAINT sites_capacity_check CHECK (((capacity IS NULL) OR (capacity > 0))),
    CONSTRAINT sites_check CHECK (((opens_at IS NULL) = (closes_at IS NULL))),
    CONSTRAINT sites_kind_check CHECK ((kind = ANY (ARRAY['office'::text, 'bus_station'::text, 'market'::text, 'hospital'::text, 'school'::text, 'hotel'::text, 'factory'::text, 'shop'::text, 'other'::text]))),
    CONSTRAINT sites_max_stay_minutes_check CHECK (((max_stay_minutes >= 1) AND (max_stay_minutes <= 10080))),
    CONSTRAINT sites_retention_days_check CHECK (((retention_days IS NULL) OR (retention_days > 0)))
);


--
-- Name: sites_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sites ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sites_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user_sites; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_sites (
    user_id bigint NOT NULL,
    site_id bigint NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id bigint NOT NULL,
    username text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL,
    province text,
    district text,
    disabled boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'officer'::text, 'manager'::text, 'guard'::text])))
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: visit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
)
PARTITION BY RANGE (recorded_at);


--
-- Name: visit_events_20261118; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261118 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261119; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261119 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261120; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261120 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261121; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261121 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261122; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261122 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261123; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261123 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261124; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261124 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261125; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261125 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261126; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261126 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261127; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261127 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261128; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261128 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_20261129; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_20261129 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visit_events_default; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_events_default (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visit_id uuid NOT NULL,
    visitor_id bigint NOT NULL,
    direction character(1) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    method text NOT NULL,
    kiosk_id bigint,
    user_id bigint,
    gate text,
    bluezone text,
    display_name text NOT NULL,
    phone_masked text,
    new_visitor boolean NOT NULL,
    CONSTRAINT visit_events_direction_check CHECK ((direction = ANY (ARRAY['i'::bpchar, 'o'::bpchar])))
);


--
-- Name: visitors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visitors (
    id bigint NOT NULL,
    name text NOT NULL,
    name_folded text NOT NULL,
    phone_hash bytea,
    phone_enc bytea,
    phone_masked text,
    id_hash bytea,
    id_enc bytea,
    id_masked text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: visitors_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.visitors ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.visitors_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: visits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
)
PARTITION BY RANGE (entered_at);


--
-- Name: visits_20261118; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261118 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261119; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261119 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261120; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261120 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261121; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261121 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261122; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261122 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261123; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261123 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261124; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261124 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261125; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261125 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261126; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261126 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261127; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261127 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261128; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261128 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_20261129; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_20261129 (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visits_default; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits_default (
    id uuid NOT NULL,
    site_id bigint NOT NULL,
    visitor_id bigint NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    exited_at timestamp with time zone,
    exit_inferred boolean DEFAULT false NOT NULL,
    entry_missing boolean DEFAULT false NOT NULL,
    entry_method text NOT NULL,
    exit_method text,
    entry_gate text,
    exit_gate text,
    entry_kiosk_id bigint,
    exit_kiosk_id bigint,
    bluezone text,
    bluezone_id text,
    confirmed_at timestamp with time zone
);


--
-- Name: visit_events_20261118; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261118 FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00');


--
-- Name: visit_events_20261119; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261119 FOR VALUES FROM ('2026-11-19 00:00:00+00') TO ('2026-11-20 00:00:00+00');


--
-- Name: visit_events_20261120; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261120 FOR VALUES FROM ('2026-11-20 00:00:00+00') TO ('2026-11-21 00:00:00+00');


--
-- Name: visit_events_20261121; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261121 FOR VALUES FROM ('2026-11-21 00:00:00+00') TO ('2026-11-22 00:00:00+00');


--
-- Name: visit_events_20261122; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261122 FOR VALUES FROM ('2026-11-22 00:00:00+00') TO ('2026-11-23 00:00:00+00');


--
-- Name: visit_events_20261123; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261123 FOR VALUES FROM ('2026-11-23 00:00:00+00') TO ('2026-11-24 00:00:00+00');


--
-- Name: visit_events_20261124; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261124 FOR VALUES FROM ('2026-11-24 00:00:00+00') TO ('2026-11-25 00:00:00+00');


--
-- Name: visit_events_20261125; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261125 FOR VALUES FROM ('2026-11-25 00:00:00+00') TO ('2026-11-26 00:00:00+00');


--
-- Name: visit_events_20261126; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261126 FOR VALUES FROM ('2026-11-26 00:00:00+00') TO ('2026-11-27 00:00:00+00');


--
-- Name: visit_events_20261127; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261127 FOR VALUES FROM ('2026-11-27 00:00:00+00') TO ('2026-11-28 00:00:00+00');


--
-- Name: visit_events_20261128; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261128 FOR VALUES FROM ('2026-11-28 00:00:00+00') TO ('2026-11-29 00:00:00+00');


--
-- Name: visit_events_20261129; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_20261129 FOR VALUES FROM ('2026-11-29 00:00:00+00') TO ('2026-11-30 00:00:00+00');


--
-- Name: visit_events_default; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events ATTACH PARTITION public.visit_events_default DEFAULT;


--
-- Name: visits_20261118; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261118 FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00');


--
-- Name: visits_20261119; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261119 FOR VALUES FROM ('2026-11-19 00:00:00+00') TO ('2026-11-20 00:00:00+00');


--
-- Name: visits_20261120; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261120 FOR VALUES FROM ('2026-11-20 00:00:00+00') TO ('2026-11-21 00:00:00+00');


--
-- Name: visits_20261121; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261121 FOR VALUES FROM ('2026-11-21 00:00:00+00') TO ('2026-11-22 00:00:00+00');


--
-- Name: visits_20261122; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261122 FOR VALUES FROM ('2026-11-22 00:00:00+00') TO ('2026-11-23 00:00:00+00');


--
-- Name: visits_20261123; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261123 FOR VALUES FROM ('2026-11-23 00:00:00+00') TO ('2026-11-24 00:00:00+00');


--
-- Name: visits_20261124; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261124 FOR VALUES FROM ('2026-11-24 00:00:00+00') TO ('2026-11-25 00:00:00+00');


--
-- Name: visits_20261125; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261125 FOR VALUES FROM ('2026-11-25 00:00:00+00') TO ('2026-11-26 00:00:00+00');


--
-- Name: visits_20261126; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261126 FOR VALUES FROM ('2026-11-26 00:00:00+00') TO ('2026-11-27 00:00:00+00');


--
-- Name: visits_20261127; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261127 FOR VALUES FROM ('2026-11-27 00:00:00+00') TO ('2026-11-28 00:00:00+00');


--
-- Name: visits_20261128; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261128 FOR VALUES FROM ('2026-11-28 00:00:00+00') TO ('2026-11-29 00:00:00+00');


--
-- Name: visits_20261129; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_20261129 FOR VALUES FROM ('2026-11-29 00:00:00+00') TO ('2026-11-30 00:00:00+00');


--
-- Name: visits_default; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits ATTACH PARTITION public.visits_default DEFAULT;


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_log (id, at, user_id, action, site_id, detail, row_count) FROM stdin;
\.


--
-- Data for Name: daily_site_stats; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.daily_site_stats (site_id, day, entries, exits, unique_visitors, peak_occupancy, hourly, bluezone) FROM stdin;
1	2026-11-22	0	0	0	0	{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}	{}
2	2026-11-22	0	0	0	0	{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}	{}
3	2026-11-22	0	0	0	0	{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}	{}
4	2026-11-22	0	0	0	0	{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}	{}
5	2026-11-22	0	0	0	0	{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}	{}
6	2026-11-22	0	0	0	0	{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}	{}
\.


--
-- Data for Name: event_tickets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.event_tickets (ticket_hash, site_id, user_id, expires_at) FROM stdin;
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	schema	SQL	V1__schema.sql	147820386	postgres	2026-11-22 10:27:58.218318	48	t
2	2	checkin batch	SQL	V2__checkin_batch.sql	123033926	postgres	2026-11-22 10:27:58.31685	3	t
3	3	housekeeping	SQL	V3__housekeeping.sql	398110490	postgres	2026-11-22 10:27:58.33615	1	t
4	4	audit append only	SQL	V4__audit_append_only.sql	1051165112	postgres	2026-11-22 10:27:58.349207	1	t
5	5	poster campaigns	SQL	V5__poster_campaigns.sql	-1858668787	postgres	2026-11-22 10:27:58.362438	8	t
6	10	stay bound and day stats	SQL	V10__stay_bound_and_day_stats.sql	1069115714	postgres	2026-11-22 10:27:58.379449	10	t
7	11	day stats index range	SQL	V11__day_stats_index_range.sql	1306765701	postgres	2026-11-22 10:27:58.399775	6	t
8	20	kiosk fleet	SQL	V20__kiosk_fleet.sql	584497170	postgres	2026-11-22 10:27:58.420385	6	t
\.


--
-- Data for Name: key_fingerprints; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.key_fingerprints (name, fingerprint) FROM stdin;
lookup	\\x184819cff0293cd1c7c47630bf034f8d7865afc123abb6ec84372b7578ef2461
data	\\xd5e6d02b4e608c9f726d5b619105297a7736b62360d92aee838ad915ccf0c558
\.


--
-- Data for Name: kiosks; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.kiosks (id, site_id, name, gate, mode, pairing_code_hash, pairing_expires_at, device_token_hash, secret, paired_at, revoked_at, last_seen_at, app_version, created_at, queued, battery, silent_alerted_for) FROM stdin;
1	1	Kiosk cổng chính	Cổng chính	both	\N	2026-12-22 10:27:59.497007+00	\\x852c135004dfb968f6421af008fa6b0ff08a81f45502ea7471bdc8d75c633cb0	\\x413226f03978a4de7230e7b1324025ab57eb7a8931c3c728c452ced0551f3fad	2026-11-22 10:28:00.851266+00	\N	2026-11-22 10:28:00.851266+00	\N	2026-11-22 10:27:59.497007+00	\N	\N	\N
\.


--
-- Data for Name: poster_campaigns; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.poster_campaigns (id, title, province, district, site_id, starts_on, ends_on, image_type, image, created_by, created_at) FROM stdin;
\.


--
-- Data for Name: presence; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.presence (site_id, visitor_id, visit_id, entered_at) FROM stdin;
1	1	a451f785-581e-40d1-ae9c-2b54c7c98187	2026-11-22 05:28:00+00
1	6	bda7ac5c-3a03-46e9-9b27-c401c5751cf2	2026-11-22 05:39:00+00
1	11	9074992a-6d32-499f-a9e0-dbe032643944	2026-11-22 05:51:00+00
1	16	2aa2d854-91e5-4802-beae-179484004b67	2026-11-22 06:05:00+00
1	21	cfa10feb-13c0-482e-99c1-3bf778058c36	2026-11-22 06:16:00+00
1	26	89f15ba1-c45d-4d9d-a537-69f25c90d0d4	2026-11-22 06:29:00+00
1	31	67909ee6-2850-4aa4-a12d-3ee1362b7591	2026-11-22 06:41:00+00
1	36	3b851a10-b219-47ec-a196-1a96585441c0	2026-11-22 06:53:00+00
1	41	6b2b222a-5bef-4828-bf9f-0e2919be28f4	2026-11-22 07:03:00+00
1	46	30a6287d-a300-4084-9ce5-1317153d0c77	2026-11-22 07:17:00+00
1	51	a9ad1ef0-5978-4bb1-80ce-3f6cbf56a131	2026-11-22 07:28:00+00
1	56	1782a9d8-3c81-4ba7-a691-2f4fcbc182c2	2026-11-22 07:39:00+00
1	61	0cba6763-c0fd-494e-82ee-0a04433ad00a	2026-11-22 07:51:00+00
1	66	34984f2e-1a63-4e3d-9973-dab70289220b	2026-11-22 08:04:00+00
1	71	20666c3f-029e-4a47-a174-4390dd91628d	2026-11-22 08:16:00+00
1	76	cc55d21e-43db-494a-9d6b-0d4ed602709f	2026-11-22 08:27:00+00
1	81	b6a0a385-92e3-49f2-a61b-8030cb630125	2026-11-22 08:39:00+00
1	86	48560def-ddc0-46c1-82b9-88b82dc34345	2026-11-22 08:53:00+00
1	91	0e050f91-1c2b-419c-8269-2e85f716531c	2026-11-22 09:05:00+00
1	96	d56874d0-6f85-4faa-975f-10bdc533e0d7	2026-11-22 09:16:00+00
1	102	7f4bd243-980d-4043-ade5-03d01c2f09ec	2026-11-22 10:28:00.939333+00
4	103	8bcd9881-58af-4f06-886f-5149c7a21f02	2026-11-22 10:28:00.970557+00
1	104	651a2de3-a548-4d14-8d52-c02b33839b7c	2026-11-22 10:28:00.99795+00
4	105	2c87c05d-be35-49e1-b011-c28f0f4aaa5b	2026-11-22 10:28:01.021891+00
1	106	5144652f-a9e2-4c6c-bc42-9947e3a31fd7	2026-11-22 10:28:01.043931+00
4	107	59350900-0b6f-4402-baf8-61b12fc4f66c	2026-11-22 10:28:01.068743+00
1	108	6b74d777-4f2d-4886-b480-e5fb06f40266	2026-11-22 10:28:01.092088+00
4	109	d0342ee9-3cd5-4c75-b078-c80d04589461	2026-11-22 10:28:01.116964+00
1	110	126092c6-0b2c-470e-bd88-9fe3780b17dc	2026-11-22 10:28:01.144147+00
4	111	8739674c-a52f-4a64-8f05-34b29054e7a8	2026-11-22 10:28:01.167648+00
1	112	ea5d6cfa-7b0c-4260-abfd-b8bd13137afd	2026-11-22 10:28:01.190511+00
\.


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sessions (token_hash, user_id, expires_at, created_at) FROM stdin;
\\xb6c4c0ccdea9e1b6a89415bb5dfac1cc8433b02d367dcff08e90ecc8c1283812	1	2026-11-22 22:28:00+00	2026-11-22 10:28:00.577857+00
\\xda27d7598957fcd5aa4645890c9ce1f824eb7556489ca77545a48ddedbc9dfb3	2	2026-11-22 22:28:00+00	2026-11-22 10:28:00.647149+00
\\xd2134663843e644850cf31509ae5d4dee13cddee3dc46fd574a97a35ec96d579	4	2026-11-22 22:28:00+00	2026-11-22 10:28:00.829519+00
\.


--
-- Data for Name: sites; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sites (id, name, kind, province, district, address, capacity, max_stay_minutes, opens_at, closes_at, time_zone, poster_enabled, poster_generation, retention_days, created_at, stay_bound_minutes) FROM stdin;
1	Bến xe khách Đông Hà	bus_station	Quảng Trị	Thành phố Đông Hà	Số 2 Lê Duẩn, phường Đông Lương	800	720	\N	\N	Asia/Ho_Chi_Minh	t	1	\N	2026-11-22 10:27:59.387252+00	720
2	Chợ Đông Hà	market	Quảng Trị	Thành phố Đông Hà	Đường Trần Hưng Đạo, phường 2	\N	720	05:00:00	19:00:00	Asia/Ho_Chi_Minh	t	1	\N	2026-11-22 10:27:59.399162+00	720
3	UBND thành phố Đông Hà	office	Quảng Trị	Thành phố Đông Hà	Số 1 Lê Quý Đôn, phường 1	200	720	07:00:00	17:30:00	Asia/Ho_Chi_Minh	t	1	\N	2026-11-22 10:27:59.403438+00	720
4	Bệnh viện Đa khoa tỉnh Quảng Trị	hospital	Quảng Trị	Thành phố Đông Hà	Số 1 Nguyễn Trãi, phường 1	\N	720	\N	\N	Asia/Ho_Chi_Minh	t	1	\N	2026-11-22 10:27:59.407507+00	720
5	Trung tâm Y tế huyện Hải Lăng	hospital	Quảng Trị	Huyện Hải Lăng	Thị trấn Diên Sanh	\N	720	\N	\N	Asia/Ho_Chi_Minh	t	1	\N	2026-11-22 10:27:59.410417+00	720
6	Trường THPT Hải Lăng	school	Quảng Trị	Huyện Hải Lăng	Thị trấn Diên Sanh	1200	720	06:30:00	17:30:00	Asia/Ho_Chi_Minh	t	1	\N	2026-11-22 10:27:59.414071+00	720
\.


--
-- Data for Name: user_sites; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_sites (user_id, site_id) FROM stdin;
2	1
2	2
3	1
4	4
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, username, password_hash, role, province, district, disabled, created_at) FROM stdin;
1	admin	$argon2id$v=19$m=19456,t=2,p=1$p8Bk6hv0Zpd+tS5Z16zCTw$nmSHX8BS25ytgE+oFs7+d7KFnauAOYgg9IdduR/H6PA	admin	\N	\N	f	2026-11-22 10:27:59.25288+00
2	quanly	$argon2id$v=19$m=19456,t=2,p=1$yiG7Qpb3sF1i5r+/WXhCCw$s4aeouHsYA4S7l4kiQJ63RRcCbTUkMM8xpazQljspYk	manager	\N	\N	f	2026-11-22 10:27:59.454628+00
3	baove	$argon2id$v=19$m=19456,t=2,p=1$C3pvH1l6smTHx3WRlrYbYw$3E4/vXwkE4U3Z01SewX7DwRdEN6gEFgTvPJy9RpX9zI	guard	\N	\N	f	2026-11-22 10:27:59.494341+00
4	baove2	$argon2id$v=19$m=19456,t=2,p=1$gJXussBIbniijeAY+2tkNA$tffX9AaHHYQCWdocLljy06ACXnwLdPajm218b6xuCdA	guard	\N	\N	f	2026-11-22 10:28:00.762942+00
\.


--
-- Data for Name: visit_events_20261118; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261118 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261119; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261119 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261120; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261120 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261121; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261121 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261122; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261122 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
a1ffaa16-2cba-4145-a6e7-28de005bd957	1	a451f785-581e-40d1-ae9c-2b54c7c98187	1	i	2026-11-22 05:28:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	installed_on_site	Hoàng Quốc Yến	091****673	t
6744966e-06a0-4094-acb5-2f8901c1572b	1	746ef2b6-e1f2-4b57-9839-70b114563e7d	2	i	2026-11-22 05:33:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Nguyễn Văn Thảo	098****086	t
acd109d6-3a2c-4d79-aeee-1de8d86f79c7	1	746ef2b6-e1f2-4b57-9839-70b114563e7d	2	o	2026-11-22 05:55:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Nguyễn Văn Thảo	098****086	f
3652974a-c15b-4166-8a60-1353f3ed07dd	2	cc7f3007-c946-4d18-a5f9-2737461ca721	4	i	2026-11-22 05:36:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đặng Thanh Châu	095****305	t
4429b62c-434f-437d-82bf-7e0338cbdc18	2	cc7f3007-c946-4d18-a5f9-2737461ca721	4	o	2026-11-22 06:46:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đặng Thanh Châu	095****305	f
ff9b27aa-b112-4574-8f32-acdf9d840dca	1	bda7ac5c-3a03-46e9-9b27-c401c5751cf2	6	i	2026-11-22 05:39:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Trần Quốc Đức	095****762	t
413ef0ac-37c8-47e3-995b-9f53e5841074	1	d94f7fec-1a83-4ec4-8dc3-4fb20e35b87d	7	i	2026-11-22 05:43:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	qr_confirmed	Hoàng Thị Khoa	091****053	t
63e26d36-6d99-4962-923f-4df83c0ff36f	1	d94f7fec-1a83-4ec4-8dc3-4fb20e35b87d	7	o	2026-11-22 07:00:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Hoàng Thị Khoa	091****053	f
7fdbaf24-2405-4c97-b882-20023d728d38	2	fe6a4d8d-c151-4572-9990-33b4247c5f56	9	i	2026-11-22 05:49:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phạm Thị An	093****833	t
2f658b72-5a26-4fc3-8133-7cbde1b69076	2	fe6a4d8d-c151-4572-9990-33b4247c5f56	9	o	2026-11-22 06:22:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phạm Thị An	093****833	f
7d929c84-3939-44f3-b96f-279cc0724029	1	9074992a-6d32-499f-a9e0-dbe032643944	11	i	2026-11-22 05:51:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Phạm Đức Châu	097****379	t
5dc6bb92-1667-434d-a0db-77a9410eb18f	1	e84dbb7d-7d82-45af-9d51-7e5a2401b08e	12	i	2026-11-22 05:57:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phan Ngọc Đức	098****788	t
7c1159c5-6c23-4d65-b05f-92493245afba	1	e84dbb7d-7d82-45af-9d51-7e5a2401b08e	12	o	2026-11-22 07:11:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phan Ngọc Đức	098****788	f
28c263a1-6684-4326-8c37-6626b9fd44f9	2	0e6c732c-edd2-47e2-b667-97acf2f2dbcf	14	i	2026-11-22 05:59:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	declared	Phan Ngọc Hương	098****142	t
679a17db-503c-4829-bbf9-56449226a99a	2	0e6c732c-edd2-47e2-b667-97acf2f2dbcf	14	o	2026-11-22 07:10:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Phan Ngọc Hương	098****142	f
e4e3cf6a-0f5d-4e65-b44b-e82e57411120	1	2aa2d854-91e5-4802-beae-179484004b67	16	i	2026-11-22 06:05:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Võ Ngọc Trang	099****351	t
80570490-9481-4c44-b89f-1b2a011c1551	1	692be259-3645-47ac-8322-1bb7cac9c9c4	17	i	2026-11-22 06:09:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Phạm Quốc Quân	097****373	t
e5353a65-6762-4fa9-aeb0-251b78e03a17	1	692be259-3645-47ac-8322-1bb7cac9c9c4	17	o	2026-11-22 07:25:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Phạm Quốc Quân	097****373	f
da8f2bd8-f630-4717-a207-0cc6ebe0fbc1	2	670d658c-c9c5-40ad-b2c0-d3069a5f1121	19	i	2026-11-22 06:11:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Hoàng Văn Khoa	099****598	t
e70f5fea-e8a0-4332-952c-a2975da40236	2	670d658c-c9c5-40ad-b2c0-d3069a5f1121	19	o	2026-11-22 07:23:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Hoàng Văn Khoa	099****598	f
f8fab335-b6f0-456f-898d-0cd85357f1e6	1	cfa10feb-13c0-482e-99c1-3bf778058c36	21	i	2026-11-22 06:16:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	not_installed	Võ Đức Đức	099****990	t
8bf61727-dc83-4193-945f-29df7d926ef5	1	1dcb2319-9962-4cb0-aa4c-35b1c7591b81	22	i	2026-11-22 06:19:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Bùi Hữu Mai	096****448	t
bed72deb-bcfe-4a38-baef-78d3f60da689	1	1dcb2319-9962-4cb0-aa4c-35b1c7591b81	22	o	2026-11-22 06:46:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Bùi Hữu Mai	096****448	f
9806795b-a87c-47c0-9363-f8545095af95	2	01e37173-81da-4ed3-b154-26d5f8223d53	24	i	2026-11-22 06:24:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đặng Thanh An	093****998	t
52000345-a799-410e-bc9b-1fba6f036b33	2	01e37173-81da-4ed3-b154-26d5f8223d53	24	o	2026-11-22 06:49:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đặng Thanh An	093****998	f
e6d38b01-e800-4500-8d55-762faf7c598a	1	89f15ba1-c45d-4d9d-a537-69f25c90d0d4	26	i	2026-11-22 06:29:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Trần Thị Châu	091****372	t
e075ee82-f07c-4bab-a684-16be06f20c82	1	0184469c-7c88-40bb-8aae-9d9bce9b979d	27	i	2026-11-22 06:31:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	no_smartphone	Trần Ngọc Dũng	091****918	t
d103deb1-9844-4bc0-80bc-d4275da63e0f	1	0184469c-7c88-40bb-8aae-9d9bce9b979d	27	o	2026-11-22 07:12:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Trần Ngọc Dũng	091****918	f
4c250140-d41f-40c0-8763-eb15a3501bc8	2	d73446c9-6c52-4abb-a1e2-ea6ce035b683	29	i	2026-11-22 06:36:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đỗ Thanh Đức	097****634	t
809cb322-599f-4ea6-8f92-e9d6ef9e8ed6	2	d73446c9-6c52-4abb-a1e2-ea6ce035b683	29	o	2026-11-22 06:56:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đỗ Thanh Đức	097****634	f
839009be-e3a4-4c5d-9102-b68f98c725a5	1	67909ee6-2850-4aa4-a12d-3ee1362b7591	31	i	2026-11-22 06:41:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Đỗ Đức Bình	098****552	t
f5fad09d-9a22-4e38-8e52-9278f6fc5788	1	b7f9e513-8233-4e08-819e-76056045015d	32	i	2026-11-22 06:44:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Đỗ Thanh Lan	095****126	t
c286088a-5342-4e32-bab4-0585b1d68ba6	1	b7f9e513-8233-4e08-819e-76056045015d	32	o	2026-11-22 08:21:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Đỗ Thanh Lan	095****126	f
e4abf6b7-9efd-4db0-86b9-b2552c42d032	2	53feb684-9132-41ad-8182-9b7d580d3421	34	i	2026-11-22 06:49:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	qr_confirmed	Võ Minh Quân	096****568	t
27a81aae-763e-42e8-bdbb-9cd3675c6507	2	53feb684-9132-41ad-8182-9b7d580d3421	34	o	2026-11-22 08:17:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Võ Minh Quân	096****568	f
f9d9c92b-5e1b-4a31-a2d1-81a4a4785529	1	3b851a10-b219-47ec-a196-1a96585441c0	36	i	2026-11-22 06:53:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Võ Ngọc Hải	097****997	t
8d786f01-1c79-4440-be2b-81a1b3bc251a	1	990eaba5-8075-4aad-98b0-6239af2a94c5	37	i	2026-11-22 06:57:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Hoàng Thanh Bình	093****272	t
187d5a0b-1e44-4159-aeb5-e80fe8e0ba85	1	990eaba5-8075-4aad-98b0-6239af2a94c5	37	o	2026-11-22 07:15:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Hoàng Thanh Bình	093****272	f
39a31f72-c897-4176-90f3-3b0b758c566a	2	c359e63b-55b8-4c4b-8c3e-8989bde1e4e2	39	i	2026-11-22 07:01:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phạm Thanh Trang	092****002	t
5726e1a9-8b2e-477b-9b8f-a7ed956269ba	2	c359e63b-55b8-4c4b-8c3e-8989bde1e4e2	39	o	2026-11-22 07:30:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phạm Thanh Trang	092****002	f
f2ef4891-a2ad-4f62-9cb9-1736efc724bc	1	6b2b222a-5bef-4828-bf9f-0e2919be28f4	41	i	2026-11-22 07:03:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	no_smartphone	Phạm Thanh Lan	092****624	t
d5367be9-05d9-4378-ad36-347ff505d2a5	1	96dd4c1d-119f-4a21-97f0-323c8c308166	42	i	2026-11-22 07:09:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Hoàng Minh Trang	098****667	t
ad6530a6-224a-4fe1-8940-41297b5f3a7c	1	96dd4c1d-119f-4a21-97f0-323c8c308166	42	o	2026-11-22 07:27:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Hoàng Minh Trang	098****667	f
7cabd766-4fc7-4bfc-a742-d1cf117685b3	2	885ecfe2-334f-4230-9e41-f01a7537d568	44	i	2026-11-22 07:12:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Bùi Ngọc Trang	098****348	t
17451f2d-b3ad-441d-a5ee-134f583aeff9	2	885ecfe2-334f-4230-9e41-f01a7537d568	44	o	2026-11-22 08:21:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Bùi Ngọc Trang	098****348	f
69795b35-3076-44ae-8bc2-293a1a6e175e	1	30a6287d-a300-4084-9ce5-1317153d0c77	46	i	2026-11-22 07:17:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Nguyễn Hữu Nam	091****706	t
8269c978-7b6d-45d1-88df-54c1eba3191f	1	073e0539-44ec-4e80-ab15-738b4748e2a8	47	i	2026-11-22 07:19:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	qr_confirmed	Trần Minh Vy	098****787	t
a9ae0b64-7f99-4272-a2c3-6396f1987f35	1	073e0539-44ec-4e80-ab15-738b4748e2a8	47	o	2026-11-22 08:37:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Trần Minh Vy	098****787	f
324351ad-7cc5-44dd-bf7e-f644e3689e31	2	0525565e-a3c7-47fb-82b2-0be0350331fc	49	i	2026-11-22 07:25:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Võ Thanh Yến	093****904	t
edf92543-6598-4e07-a5a8-6304f79ebdbc	2	0525565e-a3c7-47fb-82b2-0be0350331fc	49	o	2026-11-22 07:48:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Võ Thanh Yến	093****904	f
59bf1462-972a-46ed-920a-5fd2f621ab62	1	a9ad1ef0-5978-4bb1-80ce-3f6cbf56a131	51	i	2026-11-22 07:28:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	not_installed	Đặng Hữu Tuấn	096****433	t
8b89234a-0df5-4952-9f04-f7303adfc927	1	f9f3b876-918a-4afc-865e-68ab73c349fa	52	i	2026-11-22 07:32:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Trần Quốc Dũng	095****430	t
d36f5825-fbb0-4715-ada4-b36b78922e7a	1	f9f3b876-918a-4afc-865e-68ab73c349fa	52	o	2026-11-22 07:57:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Trần Quốc Dũng	095****430	f
a018bdc1-dbb5-4534-b146-956dd33ab8c9	2	acc0bc73-f398-4571-a3da-c33d58b1b84c	54	i	2026-11-22 07:37:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	qr_confirmed	Đặng Thanh Hà	091****491	t
990f1b21-770f-4e7c-a486-248e69fa6bfd	2	acc0bc73-f398-4571-a3da-c33d58b1b84c	54	o	2026-11-22 08:22:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đặng Thanh Hà	091****491	f
13e9c94b-9242-457f-a8e5-826eb356107d	1	1782a9d8-3c81-4ba7-a691-2f4fcbc182c2	56	i	2026-11-22 07:39:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Đỗ Đức Tuấn	092****489	t
ab1eb4cf-442e-45f0-a91d-dc468bd109c5	1	66b81a6e-9392-4635-8c3d-794c0ce636f1	57	i	2026-11-22 07:44:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Võ Quốc Hải	098****234	t
17540dda-ed31-4fef-8c06-315e92c93a0c	1	66b81a6e-9392-4635-8c3d-794c0ce636f1	57	o	2026-11-22 08:57:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Võ Quốc Hải	098****234	f
bac398eb-5cee-4d17-906c-54ea284a2052	2	1d768c75-ba85-45b0-adac-4d9578656a9d	59	i	2026-11-22 07:47:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Đức Long	093****540	t
c23bfdd1-b26e-45b2-a72f-1bd19de124e8	2	1d768c75-ba85-45b0-adac-4d9578656a9d	59	o	2026-11-22 08:05:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Đức Long	093****540	f
94b48cf1-5007-49fc-a7ad-08d714facd75	1	0cba6763-c0fd-494e-82ee-0a04433ad00a	61	i	2026-11-22 07:51:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	not_installed	Đỗ Thanh Nam	094****267	t
3649476e-8ae3-4d1b-98d9-17a5482c81f8	1	2cf2f84c-faef-440c-867c-4a1f6642459f	62	i	2026-11-22 07:56:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Võ Đức Trang	092****733	t
5ce89d3b-6cbd-4f4c-b786-ab15cb1b255f	1	2cf2f84c-faef-440c-867c-4a1f6642459f	62	o	2026-11-22 09:12:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Võ Đức Trang	092****733	f
7a79876d-02dc-487c-957e-1b1e81b49cd1	2	759b135d-18ac-406e-8707-5c451cc1f89d	64	i	2026-11-22 07:59:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Võ Hữu Phúc	097****543	t
f5002625-711d-4f1c-8c0c-d5cd4161326a	2	759b135d-18ac-406e-8707-5c451cc1f89d	64	o	2026-11-22 08:32:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Võ Hữu Phúc	097****543	f
f44065eb-3faf-4600-8e4c-58a6d55962bf	1	34984f2e-1a63-4e3d-9973-dab70289220b	66	i	2026-11-22 08:04:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	not_installed	Đỗ Thanh Nam	098****158	t
ee61a896-ac78-46dc-81ea-161fd0477662	1	dadf88f8-d94b-4b95-a49b-d1c46d811237	67	i	2026-11-22 08:09:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	no_smartphone	Bùi Đức Hà	099****676	t
e4500102-e652-4ab5-b229-236088a518e4	1	dadf88f8-d94b-4b95-a49b-d1c46d811237	67	o	2026-11-22 09:07:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Bùi Đức Hà	099****676	f
6287ae49-0582-4ea0-9965-8e747936f0ce	2	50f12ec3-6ec2-44ad-9651-16eda5dfc300	69	i	2026-11-22 08:13:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Lê Đức Trang	091****923	t
0d89b9c1-c571-4fbe-a75d-1b85f67c7197	2	50f12ec3-6ec2-44ad-9651-16eda5dfc300	69	o	2026-11-22 09:31:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Lê Đức Trang	091****923	f
71a3beb3-ad1f-4235-8e2b-84d0592ee498	1	20666c3f-029e-4a47-a174-4390dd91628d	71	i	2026-11-22 08:16:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Phạm Minh Lan	096****471	t
34522ad0-c951-42c9-84ed-523647954c4a	1	67cd4b3a-fbad-449a-906d-6d9ed3569d9d	72	i	2026-11-22 08:19:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Phan Hữu Thảo	093****761	t
54901c28-b05c-4612-b7c4-d2dcf914e405	1	67cd4b3a-fbad-449a-906d-6d9ed3569d9d	72	o	2026-11-22 09:04:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Phan Hữu Thảo	093****761	f
5c98a2c6-b435-4c55-994b-22c9c8e39329	2	0a268cee-0fd1-4f7c-864a-e80515c7d3a5	74	i	2026-11-22 08:23:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	qr_confirmed	Lê Quốc Phúc	091****492	t
3d5b2021-ca23-4495-8f91-20f5155075f4	2	0a268cee-0fd1-4f7c-864a-e80515c7d3a5	74	o	2026-11-22 09:56:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Lê Quốc Phúc	091****492	f
7ee999cb-8cc1-4988-8fb9-8ce11c5d8326	1	cc55d21e-43db-494a-9d6b-0d4ed602709f	76	i	2026-11-22 08:27:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Bùi Đức Phúc	095****270	t
7f0a0d2c-c5a5-4b6e-9079-4896614e2fbb	1	e8c0f81f-de99-4328-84c5-2ec2f994eeab	77	i	2026-11-22 08:31:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Lê Minh Dũng	091****749	t
9023fc23-9392-407f-b5f4-6d88d198baf4	1	e8c0f81f-de99-4328-84c5-2ec2f994eeab	77	o	2026-11-22 09:26:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Lê Minh Dũng	091****749	f
7fc238ef-4236-47c7-8785-506413a9c4ae	2	406212db-6ecc-4788-8c70-aa2347808d8c	79	i	2026-11-22 08:35:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Quốc Hà	095****171	t
a42d914c-01ff-4c7f-8cf5-746ae67a7cbf	2	406212db-6ecc-4788-8c70-aa2347808d8c	79	o	2026-11-22 08:48:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Quốc Hà	095****171	f
91dbed9a-7fa4-4ec0-a7f7-b8bfd746543b	1	b6a0a385-92e3-49f2-a61b-8030cb630125	81	i	2026-11-22 08:39:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	not_installed	Võ Thanh Yến	097****288	t
67c3f147-de10-44c5-9672-4ad31df346cf	1	fca70cd9-836c-402b-bc2a-f034d3d38510	82	i	2026-11-22 08:45:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Nguyễn Thị Dũng	095****320	t
60110a34-1505-4938-a398-5101b701393e	1	fca70cd9-836c-402b-bc2a-f034d3d38510	82	o	2026-11-22 09:31:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	installed_on_site	Nguyễn Thị Dũng	095****320	f
6089dc3a-ecbc-4e1d-8c6d-7d924ea433eb	2	dbd57b43-2537-4d27-8a75-d4134a249de4	84	i	2026-11-22 08:49:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Hữu Phúc	096****505	t
4d6b1c1b-db45-4d26-a48c-12287b90b535	2	dbd57b43-2537-4d27-8a75-d4134a249de4	84	o	2026-11-22 10:12:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Hữu Phúc	096****505	f
9c365afe-5f92-4a10-9969-9bd5d0b57082	1	48560def-ddc0-46c1-82b9-88b82dc34345	86	i	2026-11-22 08:53:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	not_installed	Đặng Hữu Bình	098****756	t
0667bd86-dcac-4b76-b213-4587733d4c85	1	145041aa-a01c-43bc-a89c-068e7b281b56	87	i	2026-11-22 08:55:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	qr_confirmed	Võ Thanh Dũng	095****172	t
f1446937-cfc0-4b5d-b3a2-447708723385	1	145041aa-a01c-43bc-a89c-068e7b281b56	87	o	2026-11-22 10:14:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Võ Thanh Dũng	095****172	f
c5b10751-9b6d-40c2-84d0-0b3ef6e6bdb7	2	b6f01334-7bea-45db-b2f8-81e5c4e2a9ae	89	i	2026-11-22 08:59:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phạm Ngọc Hương	096****096	t
b58f45d3-28cb-4d22-9d6f-072b640376b6	2	b6f01334-7bea-45db-b2f8-81e5c4e2a9ae	89	o	2026-11-22 09:22:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Phạm Ngọc Hương	096****096	f
b480caaf-284e-4b85-9ca7-8e7d5f648039	1	0e050f91-1c2b-419c-8269-2e85f716531c	91	i	2026-11-22 09:05:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Trần Minh Hà	097****309	t
c3fadf76-fe65-4118-a2d1-6586cd411e51	1	a1526fb4-9e3d-4bcd-bc03-6168af433ce3	92	i	2026-11-22 09:07:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Trần Ngọc Tuấn	092****717	t
b3c0a91f-c4ca-42c6-9a95-468c3b80d58c	1	a1526fb4-9e3d-4bcd-bc03-6168af433ce3	92	o	2026-11-22 10:27:59.589515+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Trần Ngọc Tuấn	092****717	f
1643ecc8-68f0-4278-8938-5784094052db	2	75108ed6-5015-4d02-ad45-08b7128438e5	94	i	2026-11-22 09:12:00+00	2026-11-22 10:27:59.615593+00	self	\N	\N	Cổng chính	declared	Phạm Văn Hà	091****078	t
f8d7478d-ecdc-4792-ab36-567f54279591	2	75108ed6-5015-4d02-ad45-08b7128438e5	94	o	2026-11-22 10:23:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Phạm Văn Hà	091****078	f
331fc75e-6674-4bfd-b426-e3290d0ce35f	1	d56874d0-6f85-4faa-975f-10bdc533e0d7	96	i	2026-11-22 09:16:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	qr_confirmed	Nguyễn Văn Hương	096****039	t
dc927409-74bd-4bd3-a7ab-d1b6656a40a7	1	e2109ad1-6e11-41d6-92ed-f0f3f2dd6f07	97	i	2026-11-22 09:19:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Nguyễn Văn Hà	096****107	t
a7226bc4-2245-4cd6-893c-e621bbaa084b	1	e2109ad1-6e11-41d6-92ed-f0f3f2dd6f07	97	o	2026-11-22 10:05:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	no_smartphone	Nguyễn Văn Hà	096****107	f
ccf5430d-1479-47b5-80f3-a62d55400e3c	2	8474ec85-dfe3-4530-900c-d9dee41701cd	99	i	2026-11-22 09:23:00+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Quốc Nam	092****012	t
ceecfd90-e890-4481-852f-ce9af834cec5	2	8474ec85-dfe3-4530-900c-d9dee41701cd	99	o	2026-11-22 10:27:59.594203+00	2026-11-22 10:27:59.615593+00	manual	\N	\N	Cổng chính	declared	Hoàng Quốc Nam	092****012	f
9afd6397-f605-45ed-aabf-054df72b9196	4	afd0e8dd-9303-4b7e-aac5-fb648725d4b6	101	i	2026-11-22 10:28:00.885995+00	2026-11-22 10:28:00.895201+00	manual	\N	4	\N	\N	Bệnh nhân thử 1	091****001	t
0016a579-00be-42f2-aa5a-a5ec3f04c495	1	7f4bd243-980d-4043-ade5-03d01c2f09ec	102	i	2026-11-22 10:28:00.939333+00	2026-11-22 10:28:00.942957+00	manual	1	\N	Cổng chính	\N	Hành khách thử 1	091****051	t
257b5b8a-0301-42e3-9b2d-0e59dcaf7ed7	4	8bcd9881-58af-4f06-886f-5149c7a21f02	103	i	2026-11-22 10:28:00.970557+00	2026-11-22 10:28:00.976223+00	manual	\N	4	\N	\N	Bệnh nhân thử 2	091****002	t
b4519614-c7ee-4d17-acf8-67ad31cfe489	1	651a2de3-a548-4d14-8d52-c02b33839b7c	104	i	2026-11-22 10:28:00.99795+00	2026-11-22 10:28:00.999945+00	manual	1	\N	Cổng chính	\N	Hành khách thử 2	091****052	t
34a9df7b-f5ce-4aa9-8508-7c8545966a60	4	2c87c05d-be35-49e1-b011-c28f0f4aaa5b	105	i	2026-11-22 10:28:01.021891+00	2026-11-22 10:28:01.024054+00	manual	\N	4	\N	\N	Bệnh nhân thử 3	091****003	t
d315a282-dad2-4bf6-8142-8cad68d0808c	1	5144652f-a9e2-4c6c-bc42-9947e3a31fd7	106	i	2026-11-22 10:28:01.043931+00	2026-11-22 10:28:01.046242+00	manual	1	\N	Cổng chính	\N	Hành khách thử 3	091****053	t
a073c52a-d6ba-4a49-8f8a-1412de393544	4	59350900-0b6f-4402-baf8-61b12fc4f66c	107	i	2026-11-22 10:28:01.068743+00	2026-11-22 10:28:01.070746+00	manual	\N	4	\N	\N	Bệnh nhân thử 4	091****004	t
a71ecb39-6a71-4121-98f8-6f822e39db8b	1	6b74d777-4f2d-4886-b480-e5fb06f40266	108	i	2026-11-22 10:28:01.092088+00	2026-11-22 10:28:01.093306+00	manual	1	\N	Cổng chính	\N	Hành khách thử 4	091****054	t
624968af-57fb-401d-996b-c02f115bb5c5	4	d0342ee9-3cd5-4c75-b078-c80d04589461	109	i	2026-11-22 10:28:01.116964+00	2026-11-22 10:28:01.118107+00	manual	\N	4	\N	\N	Bệnh nhân thử 5	091****005	t
061ff6fc-6738-4c3a-adff-7de36747cfde	1	126092c6-0b2c-470e-bd88-9fe3780b17dc	110	i	2026-11-22 10:28:01.144147+00	2026-11-22 10:28:01.145274+00	manual	1	\N	Cổng chính	\N	Hành khách thử 5	091****055	t
f461c34f-a41f-4321-9b8e-ce6fc14fa7ad	4	8739674c-a52f-4a64-8f05-34b29054e7a8	111	i	2026-11-22 10:28:01.167648+00	2026-11-22 10:28:01.168802+00	manual	\N	4	\N	\N	Bệnh nhân thử 6	091****006	t
47b1da23-94af-454e-99a7-af7cc0cb61f8	1	ea5d6cfa-7b0c-4260-abfd-b8bd13137afd	112	i	2026-11-22 10:28:01.190511+00	2026-11-22 10:28:01.191761+00	manual	1	\N	Cổng chính	\N	Hành khách thử 6	091****056	t
28dcb012-bc90-40ff-bb19-40527fbee791	4	afd0e8dd-9303-4b7e-aac5-fb648725d4b6	101	o	2026-11-22 10:28:01.210922+00	2026-11-22 10:28:01.212465+00	manual	\N	4	\N	\N	Bệnh nhân thử 1	091****001	f
\.


--
-- Data for Name: visit_events_20261123; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261123 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261124; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261124 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261125; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261125 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261126; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261126 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261127; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261127 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261128; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261128 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_20261129; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_20261129 (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visit_events_default; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visit_events_default (id, site_id, visit_id, visitor_id, direction, occurred_at, recorded_at, method, kiosk_id, user_id, gate, bluezone, display_name, phone_masked, new_visitor) FROM stdin;
\.


--
-- Data for Name: visitors; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visitors (id, name, name_folded, phone_hash, phone_enc, phone_masked, id_hash, id_enc, id_masked, created_at, last_seen_at) FROM stdin;
1	Hoàng Quốc Yến	hoang quoc yen	\\xd3542a287bffe43ebd194d924b1b2c0596faa75f11b462a446f920a142a4b452	\\x01a44f13cf9802366c8354db83f2c7a2f3b73ae8aea3d923c9878c0d6f744c99f62c90174c928fc6b1	091****673	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
2	Nguyễn Văn Thảo	nguyen van thao	\\x7a75b2e23a6ffbd108995a771b715d3739139d1f723253a146ae400174402b6b	\\x01e059c6c34fc7784c67d54fecf173067025f43791cf98758f0b890263cd16bed8eb359d6bb79278b8	098****086	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
4	Đặng Thanh Châu	dang thanh chau	\\x6bd773b44bac6d86557e0e70a9ff53988d780df2b06488555196a0d54a46ea7b	\\x013a24e55e51ea11e2e10b4d1cc1093b8ddd3c4f53424029faf304128dcada2f1092821e7803697580	095****305	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
6	Trần Quốc Đức	tran quoc duc	\\x33d87d884d9dc38ae1ebeaca7196cf830e58bac6b6f2b74522882b8dbf70677b	\\x01cccbd9cd378d06f4cd0837f16e5b458b3d20ed79eeac3eaa95305243d52b3632eeb39de87035b5a6	095****762	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
7	Hoàng Thị Khoa	hoang thi khoa	\\x34594c55ed243fd2e3915e9d0d5125162dab99c573571723c320483e37135561	\\x01ffb73c2433d9f6273c93a69f3f7dcc053e9277463cae12d0458028d807049e60ca353c717dbed2f8	091****053	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
9	Phạm Thị An	pham thi an	\\x54dfaa5c710a51c4e4839b8b1781c21ade574158e20c7c95064e3c93ce486a37	\\x01c364b2c67ef9e0cbdbbc3eb135e4eed514b4f4ddaedf16120a5a44966c7ede378a5c28b5db9b3021	093****833	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
11	Phạm Đức Châu	pham duc chau	\\x2a3b420eb9e14ce3419057c6929f1fc50cee708af57c9b438626489d7e442b93	\\x01c47721890a13feeb15e54ad75cde2e01d1d65398b6ff1161d41a3e393bf43576ca80d17c2c34b0e7	097****379	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
12	Phan Ngọc Đức	phan ngoc duc	\\x03ff121f89d2da525c8d67fd56f9654158f42f406af9add050852d6b9d2f25d4	\\x01ca44c37a3df55844db3fd39afcf8fb905dcb5386fd9c1a58dbd8faeb466a04338d84b2ae6fcf4d9b	098****788	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
14	Phan Ngọc Hương	phan ngoc huong	\\x6f8ee93c208b42b5e2087ae6982cced02f3da53a2ecb0721c907ccc7acca7c65	\\x017706c5a08376e1aa59b7596af18b40c6296019c0cdf36f28faa45094ca929b2cfbb2ada59c97d712	098****142	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
16	Võ Ngọc Trang	vo ngoc trang	\\x3d82546c33c8227b0840f78c1beb83843e8f5a7ed2443c431995deded37968f2	\\x0136ab8b01b685f27aa6e1b0a99cbb060e18fad64b5107e443a112a0647a1b0d3b8a414f6b224f53e9	099****351	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
17	Phạm Quốc Quân	pham quoc quan	\\xed27e5ac7101186c25abe288e47e39bdd61871ea2bfe5bc4eeeff2965b287e55	\\x01ce075d04d801a8245714afb58b5c9435f373855fe5658888f77547be9dec94801db878025c459216	097****373	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
19	Hoàng Văn Khoa	hoang van khoa	\\x589f8b08d8eecbf7b7a70861fba6cdf0490a8966cb74082fce5368fd0fc78d87	\\x0150d95b3ac49c4cf7a45effc8df11b1c3227bdae293239ec2cc984567ffd7a28ae67a0f67910cb50a	099****598	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
21	Võ Đức Đức	vo duc duc	\\x50496a0bd369e64391c05baacbd8fb0ce8f1e0ec5dc3f9d698e9f6dbd5bcd3d6	\\x01cee20fa6e32c182502cea7da7c37322ebeb2ca34edb4b8f73b5e8dc1651bb0f56cd075719ad249f4	099****990	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
22	Bùi Hữu Mai	bui huu mai	\\x6d9d6c78b0e54a4af1005650536e5c7c5b551971350819c5dc4986763013750e	\\x017454cfe57ad6042cdfbc1e0473c02bb70ba67102ee19839c9186f099b3e18ea240303750cebc52dd	096****448	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
24	Đặng Thanh An	dang thanh an	\\xe6fc89c2b93fa03578116bca36600d7c76821fd1ec9310934a53aebd8f71f0f2	\\x01f4d1aa7a2c17e60f0bbcf1e24ad5d9455632af18202b14eb843aeb51f45e9f1dc9f3180e29b5157c	093****998	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
26	Trần Thị Châu	tran thi chau	\\x92d24f7ecb50573eb20d5297ede4719200f250042bde540d4b057c025887f1fb	\\x0195f4623a64f62a1b224d375baeb5fd1c4a884708470552d6e88eb9aff0c71a1f53a7cefab16741a0	091****372	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
27	Trần Ngọc Dũng	tran ngoc dung	\\x9f50c225661e5e53f9c904b1858f1682c34a58b39071f003910cc42f80d73691	\\x0173b5d61b6527721444c3c4a3bf87b48a17f197559cd3c6cc6a26a2e1bc949ea8d5da4922a2fbb251	091****918	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
29	Đỗ Thanh Đức	do thanh duc	\\xee7d9497938e56ee9af40d789cf846af70b6d2b06705c6178cbad798550ecee3	\\x01e9a3cb70d73bfaea8c3ec3d64acd7eecdb5d8f373c73e8c3d09a8d8ecf8593ae277ea5e805ac295e	097****634	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
31	Đỗ Đức Bình	do duc binh	\\xf8572664fd1e626ff8d79d76d2523f07ccd428c5b07e11763455fee910ca01f0	\\x01e4c3d91e96f31a2082a61bffca12e94318cfc264ca9a914ac70659a510d37e1a8509ade0959ed1ce	098****552	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
32	Đỗ Thanh Lan	do thanh lan	\\xc5a67e9f69d28d902daf821bf03167e5f8d6a323eea4039e130cb961a891901f	\\x015c6437a0fb6bd0d30565af23178192a81d1270a9d1b28115c196b700518f977379301d9d29c4a2b4	095****126	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
34	Võ Minh Quân	vo minh quan	\\x6536929b28e02873f829fb3c7b6af7234ca78a6cd762091cd8c00b96e64e2040	\\x01415daa72b5fc699393712e7e05c121cfabddc4c5a6b8a13c3bc24da064d2acaa1b84c660dda1cb32	096****568	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
36	Võ Ngọc Hải	vo ngoc hai	\\xbeb7592fb2195f7efed340e4a2dd4c2faaa651702056497a86df7de32dced2f6	\\x01447783265e375417db5443113e604d3b04b252315155d71060eb995863a7b2cb25efed4af1c1ffd8	097****997	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
37	Hoàng Thanh Bình	hoang thanh binh	\\x0f63ae57adacb2b498c05d2a3f4bc2093f673fc85c0d1fddc7892fd5e320c0f0	\\x01dca3c3b01dfdd2cdf602f5c088ac062fe6b81636b7ff0043c70940d0689939635870e3a2f100c2fd	093****272	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
39	Phạm Thanh Trang	pham thanh trang	\\x8063f2dec91d1ce055a7b506cac3aa9e8c6826528068c7d89b3847209f4dda70	\\x0189955e65883c527ee142d1e2e42931462ae1169604445496205f38eaf2fc46ce09784b6f1d162fef	092****002	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
41	Phạm Thanh Lan	pham thanh lan	\\x3a228242656a5c424b8dd2c8bb96fd2f15854897fff7bf127b2fe07b47901268	\\x01ab65e3f5869ba53b4158bd0b81469d2b7b7532426acff80f88e73ff872590831c905355d1b802d5f	092****624	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
42	Hoàng Minh Trang	hoang minh trang	\\x679d83d777cd7cf51d8160028e755a3b195d8bac32c66898ca9bb544e08a2de8	\\x01f5ea1958230fa49ab36b8b4222f2eb3e7b1d1dac261e3c0473eceac69f6ee6fba569000430cad23c	098****667	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
44	Bùi Ngọc Trang	bui ngoc trang	\\xa48704c46c186d6d2d6806ac868e706d63e5d22d73bb4d5d05e23c73292c44b6	\\x01b46fa2d4dd640b670a9923abb23da9888e62aa3d939d9a2562c8c11d23b0873d1844ecb1f0ab0fcd	098****348	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
46	Nguyễn Hữu Nam	nguyen huu nam	\\xb3c1b238fa15c06b1cf45f6628fb54a7c773d49571aae6f6c514e2bc35e557db	\\x01e37d9132221597a7e5c0b98ae422dff8e3412915603a2ba7b5e1dcd061eb05852bcf2a8eed513a7f	091****706	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
47	Trần Minh Vy	tran minh vy	\\x8b3f3bcc46c19f12c7b52b93f1060b60db932e5ce75d2d1e8fd340b22133a49f	\\x01cdaec7a9d393025fa90f0927a9ff9b65a6ac0c007ccec269040575c38566791f26522203256559e1	098****787	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
49	Võ Thanh Yến	vo thanh yen	\\x884c8d35ca7fad4a79fa07427bf6c9ea674bea4cd7c09570005dcb29794c18b2	\\x016691eef76ca7d54b4d65602cf4dc8119dcb204e3e63d31817ba331851bc9fbe1c4f5e240dfa619b6	093****904	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
51	Đặng Hữu Tuấn	dang huu tuan	\\xe0486fc8702000d0612cd022bffa7a8743fb510beee5797d58c9cdb6d970db75	\\x018105b9108663bb637bbc98896321b2e7924fa2d973386466f6eb0bfbf83d0a417fbf2aa17be4cc4e	096****433	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
52	Trần Quốc Dũng	tran quoc dung	\\xcedda842d5f75697bc0d719b102a735169c4e7a6d961a402286d3b2acd9c9755	\\x0184bd2178f07b0c305b66a7381ccd5e43e6cabe8326014add023061707b70f972cee9a8582e4c5317	095****430	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
54	Đặng Thanh Hà	dang thanh ha	\\x7c3c919f68ffc2082fe791098f7b69d0932a306f8191f71b88c1248140c3b18b	\\x0101fe2bd8e2754084530a60fb816806da953283336e2d891d983b9efbe43b2629d8bc517e02024c2e	091****491	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
56	Đỗ Đức Tuấn	do duc tuan	\\xbc8e5afaf56b92a82c2ab45ac06afdeebe920a1aaf0747e63e14ae96e35ce65c	\\x01d4826bc920fc7d9a3c153dc22f0076f6d6a88d4260449d12113d6bb263c8b7c60d6209b912a81424	092****489	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
57	Võ Quốc Hải	vo quoc hai	\\xd096f97cac59c4c257bb10b8200d7af5717b2d45a6c5d57cf86c236c7b4e37e7	\\x019c6648672a57413bc5993f019aeff583e7e6a7cf2e0e8579f5bf3b37da17e8c30b2099866ba4589e	098****234	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
59	Hoàng Đức Long	hoang duc long	\\xa71b461fbb8ff315562df7b1837671011c5466a2e286d69fca5574a0c04c2b92	\\x0104e123a4f0521a83223f2019f0868a75c9b23ecc0dec4bf51ce345c36bdf7531ff287d972a675763	093****540	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
61	Đỗ Thanh Nam	do thanh nam	\\x8fc99db2de8f7fe44370af03511589b551ea66f2ff9ef0c7c15d72e3d156f521	\\x0186b36baa2cd9cb95a56b38588f8bb678e4cf481bf86a5266baa8da1d5be0d4af4796ab9e34b58b93	094****267	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
62	Võ Đức Trang	vo duc trang	\\x6479044ba613df1b08fac0933762806ee2a15f1d91722375c38bfb197fbafdbb	\\x01af772bef82b538c6a858e2e060f8982efbbe29bd47b9345987375ec55599df3a654b8aed45d56329	092****733	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
64	Võ Hữu Phúc	vo huu phuc	\\xf3d453b406e96aa4a4ff3b19240497082d0cab3554278371a68eefb04192abaa	\\x01644597504a6b350dc6dc9c223f24d690d4b6d90530cae53dfce1266d5e0f989843e2fd051c94718a	097****543	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
66	Đỗ Thanh Nam	do thanh nam	\\x8f11a5937919aadd738f8b558ad3cf32f29aea0fb60bcd90480636b14fe01736	\\x014dca3f605135ec9a265eccc1542f63539f6dbcf62b8be648aacd87f79b2d582a79b91e059072e219	098****158	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
67	Bùi Đức Hà	bui duc ha	\\xeb50e6f634b48319b7402f447f82d3cfc3b91e481fe80159a61f3a0819031e4b	\\x01b86ece633f3901908119c7ebfb5f811d9e6db7664bd580c1734f4391bb9b7f8e5174b8851790dd48	099****676	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
69	Lê Đức Trang	le duc trang	\\x0bd423e6f25463c37a60f71ea2d30ddb4abffeb5f7c7175b9953284b12933e0f	\\x01c1f3b17924ea5f1aa964d43513a7bdfc5c9995946629e8f880763456799c29ee349eaa731e55756c	091****923	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
71	Phạm Minh Lan	pham minh lan	\\x389547fe472251c133fb3c053f578628aac6169be87086c3861a3e74e59c4784	\\x017389b9c864dd3e234402182ffe767a4973178099b2beede41af75e19c3b55fba4aede371a2b8513c	096****471	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
72	Phan Hữu Thảo	phan huu thao	\\xec9c720198b84beac050862c8d2143d479c92098e73302dfe13c6ac28234266a	\\x0155d544e60200ab4fafc261a7ca5e32a6a9c36ff0a07bdf392d5d6782fb3b7634b592a88a51fa26f9	093****761	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
74	Lê Quốc Phúc	le quoc phuc	\\x3d0a50c2374a92b9b704c66481293a5d40cd3c5f7e8eefdfe7d634f46d01e33a	\\x011e5398a248d1113f099ea5c417816812682deaacffcf727857464a6856e309524f230e9a91aa41ad	091****492	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
76	Bùi Đức Phúc	bui duc phuc	\\xdcc8fcd0838ac1f15eb663ec2d6bbb7618daca1f971974d436e8c210847be4c4	\\x0183100ae715f6ae78102cac9986b8cafe7c5d09f8658172d637a4c5e8be7f75921664bf9046f604ae	095****270	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
77	Lê Minh Dũng	le minh dung	\\x8a90c10de0ef5a977e0210cb81e3ccf5f25556e721e53ec07b1a59c88c869817	\\x014ca7633149acb9fe7b3f46d9daf1eedf6f9e5caf8d6d150081a4940227b148a3dec26f75f225ae8c	091****749	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
79	Hoàng Quốc Hà	hoang quoc ha	\\xda88f94b0a7d2b69467fd73545002a20c9ceaca6093f7e263f415c6553e38039	\\x01a9e1affbe6ee71cdc6cf27648361a42ee082afcd6ed7411c5262b323b6b45c931985666c65cd89e6	095****171	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
81	Võ Thanh Yến	vo thanh yen	\\x5bd4ac06c686afee2cbc382cf927286fb05473e7ba4446ccb92e4a4bcddfda74	\\x0160a94d1d8e2b3b913566aadf3585c048d59abcd59caff19f92bc3162c66480c0b57e02626ec53873	097****288	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
82	Nguyễn Thị Dũng	nguyen thi dung	\\x40cce50899d4c2101facec295bcd352957f463e4c34f957f04bf55bc243bbf0a	\\x014106212564c76b81775812f67823059932cc1270f74f6ca17d469b1fffd1a553fefdff2dc02e0c9b	095****320	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
84	Hoàng Hữu Phúc	hoang huu phuc	\\x40bfac17b04d5e04d94eb7bb4cbddd69f885a72bbe7210720341a68ae09e0dd7	\\x016721eae38b3c2665eaf60361773bb64637654e03c3693b9533b12590d0fa5edf80a1ea96b6e82a99	096****505	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
86	Đặng Hữu Bình	dang huu binh	\\xc52caea5ce9295323302a792f1af2f1dcd6ca26b22d1403dcdecfa33995027ec	\\x01e43ce29f74550bcfb131fa9c5620f0a53bef93f419cb4070a32134efcfc2e4a78e77f519be83e548	098****756	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
87	Võ Thanh Dũng	vo thanh dung	\\xd6f9002783ac1bff2456789ccdf27cb652288242f6ebcb4bc5c94415afcb55ce	\\x01184fa1c8e5a5ac8b20900a0f7d3e0ce11ae98be259f6c44d7880fa44a6c545c162f3793621b414ff	095****172	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
89	Phạm Ngọc Hương	pham ngoc huong	\\xaf5e014acc8efd4c402d48e2431ebe7676604d960c17d59b459f38c232fe1faf	\\x01e57611c12aa7129ef5d2652a3d60cf49a727fe58a71e39d0fd805fe09fd8e9eb587c617a085bfb32	096****096	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
91	Trần Minh Hà	tran minh ha	\\x8b5304736c48ccf9687cbe68773737fb55c3ea75dd60973d10c01f35af7017f5	\\x01d96838fa59c8c6586d860165463834a712373c276edf05da86a5f26b4a67965c4ba98026603ad276	097****309	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
92	Trần Ngọc Tuấn	tran ngoc tuan	\\x89528f44da83a30aa30ac095e4f9834ad0771e73a13addadc4aeeee1bf79162c	\\x01d85e5360b6e8e88759bf546e3d7803c36a94aaa2a3d324069c1f081b2947bb977e184f0b468d2c5a	092****717	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
94	Phạm Văn Hà	pham van ha	\\xf1684b9aa8fe0e017b7baf326ca48b14bb5197dcafc39c688d463aedab423f44	\\x016e0c31b82ffe566c62807deb1062d56b0504e86dd194a70680832aaa5d1c9af9255d703080c5869f	091****078	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
96	Nguyễn Văn Hương	nguyen van huong	\\xccebc17298767e042051947d7004c72bbe818d19995a9c239df531d17b0e6496	\\x018f80f21f89d9dd67d8de5ad9073febd815f6ccb9b778e56364d7556666c8f3b225a1daa993ddac90	096****039	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
97	Nguyễn Văn Hà	nguyen van ha	\\xfff1bc1d3ef720ce966a0597ba6793aec421b27492fd98f2843d97ff22a32bf5	\\x01735c2af8157a8dd1e087c7a37c8f4a6da94f68099aa9f75888d381210f42550cd4035f2907fae7e0	096****107	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
99	Hoàng Quốc Nam	hoang quoc nam	\\x8ca32aadf39136e78da9f948c07151e1913fed0015bfcdeacf814f9cc9cd4e96	\\x01b91042bfb6e31074cb8a73632e7f99db606417dda40397446974763c295fcd9d8d3bafcb31be5d65	092****012	\N	\N	\N	2026-11-22 10:27:59.615593+00	2026-11-22 10:27:59.615593+00
102	Hành khách thử 1	hanh khach thu 1	\\x16263681101161b36b77e7bc9d38c774aeead84ce34b7334bba5df316612e6bc	\\x01c9830108ff09d434e89013c437fe0e614fe9d234f10833455f97a328b0f76382e63357b0d75e3506	091****051	\N	\N	\N	2026-11-22 10:28:00.942957+00	2026-11-22 10:28:00.942957+00
103	Bệnh nhân thử 2	benh nhan thu 2	\\x5220f9de0d10c9670052e20941ed0e7e83302f9a897b4af31cfabbd1355b5c42	\\x019d558754f82bf892d68b8334b68666ef563cf749b0fb88da1986bf366e41baadcf1be94543218d2e	091****002	\N	\N	\N	2026-11-22 10:28:00.976223+00	2026-11-22 10:28:00.976223+00
104	Hành khách thử 2	hanh khach thu 2	\\x526edfc0c9ba611d9cfe63f8c51bce0cb7d2a9ace5d5c7ab1d79e373590b4e12	\\x018568437d560d8fe24161a15fac8d51d444c5bbdb89377e2e084a5ad413f4adf4529b5cb6ed92b53a	091****052	\N	\N	\N	2026-11-22 10:28:00.999945+00	2026-11-22 10:28:00.999945+00
105	Bệnh nhân thử 3	benh nhan thu 3	\\x45a11a2af76e76d51a856a1a8df528aa892c454abe30a3b7715f20caeca69306	\\x01102b142af316255f7e07bba11ab6fd56452de226cd79f4b6d824df5a2622dabb1deb0f59883c74a6	091****003	\N	\N	\N	2026-11-22 10:28:01.024054+00	2026-11-22 10:28:01.024054+00
106	Hành khách thử 3	hanh khach thu 3	\\xce626da206e3e53df57902697df13a10ff3659477792801deb8eca93be222a0b	\\x014722736875a402b3c8a8f61ea9921eace874285e072fe98184d920aa51aa977fa39f211d5862c62d	091****053	\N	\N	\N	2026-11-22 10:28:01.046242+00	2026-11-22 10:28:01.046242+00
107	Bệnh nhân thử 4	benh nhan thu 4	\\xbe053929c10b52737bd53fbad418aa9e81a6279c38e4e49ce439dc1c76ad8e84	\\x010648b715d4af92bbf43dac6ccf51ff1756f50e93d86484e8e95dbceed0a7ea59d0b2c6dc295b52a7	091****004	\N	\N	\N	2026-11-22 10:28:01.070746+00	2026-11-22 10:28:01.070746+00
108	Hành khách thử 4	hanh khach thu 4	\\x88a68e8303416f3d8377a26519fece8c9a42c7a7cd7ca1e05d397a5142b50a3d	\\x017d935e61826567f4054f2926fefbdd5488c19e2f145c29dd5a58e75b4ac686b76d7423cca5022a77	091****054	\N	\N	\N	2026-11-22 10:28:01.093306+00	2026-11-22 10:28:01.093306+00
109	Bệnh nhân thử 5	benh nhan thu 5	\\x2ec0b0099476f7646c7db65e4b4b2c010f75c066ea7cb0782aa61a2b036ddb3b	\\x01409aac57dd97a87f68a68b3ae3918d6032c0ad3d6504aec6a712264fdbbd7656a513a42b5047cdbc	091****005	\N	\N	\N	2026-11-22 10:28:01.118107+00	2026-11-22 10:28:01.118107+00
110	Hành khách thử 5	hanh khach thu 5	\\x14446aecdfe225a27782487321b79483a038f9d15a8efe382fcfee6fc8ba2b69	\\x0141c1597129111f2442f1eb83234883e3ecad299f64a714a84bc36f17ab337dc6a9024b14ab41daf4	091****055	\N	\N	\N	2026-11-22 10:28:01.145274+00	2026-11-22 10:28:01.145274+00
111	Bệnh nhân thử 6	benh nhan thu 6	\\xf82d9644a562a32e8e7f54870507d78ad832463375aead6d9eb957b6d7518b0f	\\x019d9857936ff36d11aa8ada62dfc1191b44248706db44d9a475b90651b9363667482824ce4482b198	091****006	\N	\N	\N	2026-11-22 10:28:01.168802+00	2026-11-22 10:28:01.168802+00
112	Hành khách thử 6	hanh khach thu 6	\\x89fdbe86676245dc65794794ad4461a053f3173d35c184d2c256ad964a136d38	\\x018b6ea12a9be26a71b17086bf53274c380f6a76329fc3ac7cb853fad03bc549d5006d2e1dced3f29c	091****056	\N	\N	\N	2026-11-22 10:28:01.191761+00	2026-11-22 10:28:01.191761+00
101	Bệnh nhân thử 1	benh nhan thu 1	\\x291430064e629024cd2045c1093ff8804299809e0a08d0e05c89bc162d8a4911	\\x012eb22eef53982c23262b14620f791538b8caa1c312420fce589c7e6bfee9fb7122314168b60c2246	091****001	\N	\N	\N	2026-11-22 10:28:00.895201+00	2026-11-22 10:28:01.212465+00
\.


--
-- Data for Name: visits_20261118; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261118 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261119; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261119 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261120; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261120 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261121; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261121 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261122; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261122 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
a451f785-581e-40d1-ae9c-2b54c7c98187	1	1	2026-11-22 05:28:00+00	\N	f	f	self	\N	Cổng chính	\N	\N	\N	installed_on_site	\N	\N
746ef2b6-e1f2-4b57-9839-70b114563e7d	1	2	2026-11-22 05:33:00+00	2026-11-22 05:55:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
cc7f3007-c946-4d18-a5f9-2737461ca721	2	4	2026-11-22 05:36:00+00	2026-11-22 06:46:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
bda7ac5c-3a03-46e9-9b27-c401c5751cf2	1	6	2026-11-22 05:39:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	qr_confirmed	\N	\N
d94f7fec-1a83-4ec4-8dc3-4fb20e35b87d	1	7	2026-11-22 05:43:00+00	2026-11-22 07:00:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
fe6a4d8d-c151-4572-9990-33b4247c5f56	2	9	2026-11-22 05:49:00+00	2026-11-22 06:22:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
9074992a-6d32-499f-a9e0-dbe032643944	1	11	2026-11-22 05:51:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	installed_on_site	\N	\N
e84dbb7d-7d82-45af-9d51-7e5a2401b08e	1	12	2026-11-22 05:57:00+00	2026-11-22 07:11:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
0e6c732c-edd2-47e2-b667-97acf2f2dbcf	2	14	2026-11-22 05:59:00+00	2026-11-22 07:10:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
2aa2d854-91e5-4802-beae-179484004b67	1	16	2026-11-22 06:05:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	qr_confirmed	\N	\N
692be259-3645-47ac-8322-1bb7cac9c9c4	1	17	2026-11-22 06:09:00+00	2026-11-22 07:25:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	installed_on_site	\N	\N
670d658c-c9c5-40ad-b2c0-d3069a5f1121	2	19	2026-11-22 06:11:00+00	2026-11-22 07:23:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
cfa10feb-13c0-482e-99c1-3bf778058c36	1	21	2026-11-22 06:16:00+00	\N	f	f	self	\N	Cổng chính	\N	\N	\N	not_installed	\N	\N
1dcb2319-9962-4cb0-aa4c-35b1c7591b81	1	22	2026-11-22 06:19:00+00	2026-11-22 06:46:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
01e37173-81da-4ed3-b154-26d5f8223d53	2	24	2026-11-22 06:24:00+00	2026-11-22 06:49:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
89f15ba1-c45d-4d9d-a537-69f25c90d0d4	1	26	2026-11-22 06:29:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	installed_on_site	\N	\N
0184469c-7c88-40bb-8aae-9d9bce9b979d	1	27	2026-11-22 06:31:00+00	2026-11-22 07:12:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
d73446c9-6c52-4abb-a1e2-ea6ce035b683	2	29	2026-11-22 06:36:00+00	2026-11-22 06:56:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
67909ee6-2850-4aa4-a12d-3ee1362b7591	1	31	2026-11-22 06:41:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	declared	\N	\N
b7f9e513-8233-4e08-819e-76056045015d	1	32	2026-11-22 06:44:00+00	2026-11-22 08:21:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
53feb684-9132-41ad-8182-9b7d580d3421	2	34	2026-11-22 06:49:00+00	2026-11-22 08:17:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
3b851a10-b219-47ec-a196-1a96585441c0	1	36	2026-11-22 06:53:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	no_smartphone	\N	\N
990eaba5-8075-4aad-98b0-6239af2a94c5	1	37	2026-11-22 06:57:00+00	2026-11-22 07:15:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
c359e63b-55b8-4c4b-8c3e-8989bde1e4e2	2	39	2026-11-22 07:01:00+00	2026-11-22 07:30:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
6b2b222a-5bef-4828-bf9f-0e2919be28f4	1	41	2026-11-22 07:03:00+00	\N	f	f	self	\N	Cổng chính	\N	\N	\N	no_smartphone	\N	\N
96dd4c1d-119f-4a21-97f0-323c8c308166	1	42	2026-11-22 07:09:00+00	2026-11-22 07:27:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
885ecfe2-334f-4230-9e41-f01a7537d568	2	44	2026-11-22 07:12:00+00	2026-11-22 08:21:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
30a6287d-a300-4084-9ce5-1317153d0c77	1	46	2026-11-22 07:17:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	no_smartphone	\N	\N
073e0539-44ec-4e80-ab15-738b4748e2a8	1	47	2026-11-22 07:19:00+00	2026-11-22 08:37:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
0525565e-a3c7-47fb-82b2-0be0350331fc	2	49	2026-11-22 07:25:00+00	2026-11-22 07:48:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
a9ad1ef0-5978-4bb1-80ce-3f6cbf56a131	1	51	2026-11-22 07:28:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	not_installed	\N	\N
f9f3b876-918a-4afc-865e-68ab73c349fa	1	52	2026-11-22 07:32:00+00	2026-11-22 07:57:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	installed_on_site	\N	\N
acc0bc73-f398-4571-a3da-c33d58b1b84c	2	54	2026-11-22 07:37:00+00	2026-11-22 08:22:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
1782a9d8-3c81-4ba7-a691-2f4fcbc182c2	1	56	2026-11-22 07:39:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	qr_confirmed	\N	\N
66b81a6e-9392-4635-8c3d-794c0ce636f1	1	57	2026-11-22 07:44:00+00	2026-11-22 08:57:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
1d768c75-ba85-45b0-adac-4d9578656a9d	2	59	2026-11-22 07:47:00+00	2026-11-22 08:05:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
0cba6763-c0fd-494e-82ee-0a04433ad00a	1	61	2026-11-22 07:51:00+00	\N	f	f	self	\N	Cổng chính	\N	\N	\N	not_installed	\N	\N
2cf2f84c-faef-440c-867c-4a1f6642459f	1	62	2026-11-22 07:56:00+00	2026-11-22 09:12:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	installed_on_site	\N	\N
759b135d-18ac-406e-8707-5c451cc1f89d	2	64	2026-11-22 07:59:00+00	2026-11-22 08:32:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	installed_on_site	\N	\N
34984f2e-1a63-4e3d-9973-dab70289220b	1	66	2026-11-22 08:04:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	not_installed	\N	\N
dadf88f8-d94b-4b95-a49b-d1c46d811237	1	67	2026-11-22 08:09:00+00	2026-11-22 09:07:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
50f12ec3-6ec2-44ad-9651-16eda5dfc300	2	69	2026-11-22 08:13:00+00	2026-11-22 09:31:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
20666c3f-029e-4a47-a174-4390dd91628d	1	71	2026-11-22 08:16:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	no_smartphone	\N	\N
67cd4b3a-fbad-449a-906d-6d9ed3569d9d	1	72	2026-11-22 08:19:00+00	2026-11-22 09:04:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
0a268cee-0fd1-4f7c-864a-e80515c7d3a5	2	74	2026-11-22 08:23:00+00	2026-11-22 09:56:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
cc55d21e-43db-494a-9d6b-0d4ed602709f	1	76	2026-11-22 08:27:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	no_smartphone	\N	\N
e8c0f81f-de99-4328-84c5-2ec2f994eeab	1	77	2026-11-22 08:31:00+00	2026-11-22 09:26:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
406212db-6ecc-4788-8c70-aa2347808d8c	2	79	2026-11-22 08:35:00+00	2026-11-22 08:48:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
b6a0a385-92e3-49f2-a61b-8030cb630125	1	81	2026-11-22 08:39:00+00	\N	f	f	self	\N	Cổng chính	\N	\N	\N	not_installed	\N	\N
fca70cd9-836c-402b-bc2a-f034d3d38510	1	82	2026-11-22 08:45:00+00	2026-11-22 09:31:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	installed_on_site	\N	\N
dbd57b43-2537-4d27-8a75-d4134a249de4	2	84	2026-11-22 08:49:00+00	2026-11-22 10:12:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
48560def-ddc0-46c1-82b9-88b82dc34345	1	86	2026-11-22 08:53:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	not_installed	\N	\N
145041aa-a01c-43bc-a89c-068e7b281b56	1	87	2026-11-22 08:55:00+00	2026-11-22 10:14:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
b6f01334-7bea-45db-b2f8-81e5c4e2a9ae	2	89	2026-11-22 08:59:00+00	2026-11-22 09:22:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
0e050f91-1c2b-419c-8269-2e85f716531c	1	91	2026-11-22 09:05:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	no_smartphone	\N	\N
a1526fb4-9e3d-4bcd-bc03-6168af433ce3	1	92	2026-11-22 09:07:00+00	2026-11-22 10:27:59.589515+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	qr_confirmed	\N	\N
75108ed6-5015-4d02-ad45-08b7128438e5	2	94	2026-11-22 09:12:00+00	2026-11-22 10:23:00+00	f	f	self	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
d56874d0-6f85-4faa-975f-10bdc533e0d7	1	96	2026-11-22 09:16:00+00	\N	f	f	manual	\N	Cổng chính	\N	\N	\N	qr_confirmed	\N	\N
e2109ad1-6e11-41d6-92ed-f0f3f2dd6f07	1	97	2026-11-22 09:19:00+00	2026-11-22 10:05:00+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	no_smartphone	\N	\N
8474ec85-dfe3-4530-900c-d9dee41701cd	2	99	2026-11-22 09:23:00+00	2026-11-22 10:27:59.594203+00	f	f	manual	manual	Cổng chính	Cổng chính	\N	\N	declared	\N	\N
7f4bd243-980d-4043-ade5-03d01c2f09ec	1	102	2026-11-22 10:28:00.939333+00	\N	f	f	manual	\N	Cổng chính	\N	1	\N	\N	\N	\N
8bcd9881-58af-4f06-886f-5149c7a21f02	4	103	2026-11-22 10:28:00.970557+00	\N	f	f	manual	\N	\N	\N	\N	\N	\N	\N	\N
651a2de3-a548-4d14-8d52-c02b33839b7c	1	104	2026-11-22 10:28:00.99795+00	\N	f	f	manual	\N	Cổng chính	\N	1	\N	\N	\N	\N
2c87c05d-be35-49e1-b011-c28f0f4aaa5b	4	105	2026-11-22 10:28:01.021891+00	\N	f	f	manual	\N	\N	\N	\N	\N	\N	\N	\N
5144652f-a9e2-4c6c-bc42-9947e3a31fd7	1	106	2026-11-22 10:28:01.043931+00	\N	f	f	manual	\N	Cổng chính	\N	1	\N	\N	\N	\N
59350900-0b6f-4402-baf8-61b12fc4f66c	4	107	2026-11-22 10:28:01.068743+00	\N	f	f	manual	\N	\N	\N	\N	\N	\N	\N	\N
6b74d777-4f2d-4886-b480-e5fb06f40266	1	108	2026-11-22 10:28:01.092088+00	\N	f	f	manual	\N	Cổng chính	\N	1	\N	\N	\N	\N
d0342ee9-3cd5-4c75-b078-c80d04589461	4	109	2026-11-22 10:28:01.116964+00	\N	f	f	manual	\N	\N	\N	\N	\N	\N	\N	\N
126092c6-0b2c-470e-bd88-9fe3780b17dc	1	110	2026-11-22 10:28:01.144147+00	\N	f	f	manual	\N	Cổng chính	\N	1	\N	\N	\N	\N
8739674c-a52f-4a64-8f05-34b29054e7a8	4	111	2026-11-22 10:28:01.167648+00	\N	f	f	manual	\N	\N	\N	\N	\N	\N	\N	\N
ea5d6cfa-7b0c-4260-abfd-b8bd13137afd	1	112	2026-11-22 10:28:01.190511+00	\N	f	f	manual	\N	Cổng chính	\N	1	\N	\N	\N	\N
afd0e8dd-9303-4b7e-aac5-fb648725d4b6	4	101	2026-11-22 10:28:00.885995+00	2026-11-22 10:28:01.210922+00	f	f	manual	manual	\N	\N	\N	\N	\N	\N	\N
\.


--
-- Data for Name: visits_20261123; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261123 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261124; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261124 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261125; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261125 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261126; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261126 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261127; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261127 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261128; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261128 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_20261129; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_20261129 (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Data for Name: visits_default; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.visits_default (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method, exit_method, entry_gate, exit_gate, entry_kiosk_id, exit_kiosk_id, bluezone, bluezone_id, confirmed_at) FROM stdin;
\.


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 1, false);


--
-- Name: kiosks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kiosks_id_seq', 1, true);


--
-- Name: poster_campaigns_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.poster_campaigns_id_seq', 1, false);


--
-- Name: sites_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sites_id_seq', 6, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 4, true);


--
-- Name: visitors_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.visitors_id_seq', 113, true);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: daily_site_stats daily_site_stats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.daily_site_stats
    ADD CONSTRAINT daily_site_stats_pkey PRIMARY KEY (site_id, day);


--
-- Name: event_tickets event_tickets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_tickets
    ADD CONSTRAINT event_tickets_pkey PRIMARY KEY (ticket_hash);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: key_fingerprints key_fingerprints_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_fingerprints
    ADD CONSTRAINT key_fingerprints_pkey PRIMARY KEY (name);


--
-- Name: kiosks kiosks_device_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kiosks
    ADD CONSTRAINT kiosks_device_token_hash_key UNIQUE (device_token_hash);


--
-- Name: kiosks kiosks_pairing_code_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kiosks
    ADD CONSTRAINT kiosks_pairing_code_hash_key UNIQUE (pairing_code_hash);


--
-- Name: kiosks kiosks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kiosks
    ADD CONSTRAINT kiosks_pkey PRIMARY KEY (id);


--
-- Name: poster_campaigns poster_campaigns_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poster_campaigns
    ADD CONSTRAINT poster_campaigns_pkey PRIMARY KEY (id);


--
-- Name: presence presence_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.presence
    ADD CONSTRAINT presence_pkey PRIMARY KEY (site_id, visitor_id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (token_hash);


--
-- Name: sites sites_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites
    ADD CONSTRAINT sites_pkey PRIMARY KEY (id);


--
-- Name: user_sites user_sites_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sites
    ADD CONSTRAINT user_sites_pkey PRIMARY KEY (user_id, site_id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_username_key UNIQUE (username);


--
-- Name: visit_events visit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events
    ADD CONSTRAINT visit_events_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261118 visit_events_20261118_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261118
    ADD CONSTRAINT visit_events_20261118_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261119 visit_events_20261119_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261119
    ADD CONSTRAINT visit_events_20261119_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261120 visit_events_20261120_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261120
    ADD CONSTRAINT visit_events_20261120_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261121 visit_events_20261121_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261121
    ADD CONSTRAINT visit_events_20261121_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261122 visit_events_20261122_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261122
    ADD CONSTRAINT visit_events_20261122_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261123 visit_events_20261123_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261123
    ADD CONSTRAINT visit_events_20261123_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261124 visit_events_20261124_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261124
    ADD CONSTRAINT visit_events_20261124_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261125 visit_events_20261125_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261125
    ADD CONSTRAINT visit_events_20261125_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261126 visit_events_20261126_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261126
    ADD CONSTRAINT visit_events_20261126_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261127 visit_events_20261127_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261127
    ADD CONSTRAINT visit_events_20261127_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261128 visit_events_20261128_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261128
    ADD CONSTRAINT visit_events_20261128_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_20261129 visit_events_20261129_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_20261129
    ADD CONSTRAINT visit_events_20261129_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visit_events_default visit_events_default_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_events_default
    ADD CONSTRAINT visit_events_default_pkey PRIMARY KEY (id, recorded_at);


--
-- Name: visitors visitors_id_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visitors
    ADD CONSTRAINT visitors_id_hash_key UNIQUE (id_hash);


--
-- Name: visitors visitors_phone_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visitors
    ADD CONSTRAINT visitors_phone_hash_key UNIQUE (phone_hash);


--
-- Name: visitors visitors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visitors
    ADD CONSTRAINT visitors_pkey PRIMARY KEY (id);


--
-- Name: visits visits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits
    ADD CONSTRAINT visits_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261118 visits_20261118_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261118
    ADD CONSTRAINT visits_20261118_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261119 visits_20261119_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261119
    ADD CONSTRAINT visits_20261119_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261120 visits_20261120_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261120
    ADD CONSTRAINT visits_20261120_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261121 visits_20261121_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261121
    ADD CONSTRAINT visits_20261121_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261122 visits_20261122_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261122
    ADD CONSTRAINT visits_20261122_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261123 visits_20261123_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261123
    ADD CONSTRAINT visits_20261123_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261124 visits_20261124_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261124
    ADD CONSTRAINT visits_20261124_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261125 visits_20261125_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261125
    ADD CONSTRAINT visits_20261125_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261126 visits_20261126_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261126
    ADD CONSTRAINT visits_20261126_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261127 visits_20261127_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261127
    ADD CONSTRAINT visits_20261127_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261128 visits_20261128_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261128
    ADD CONSTRAINT visits_20261128_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_20261129 visits_20261129_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_20261129
    ADD CONSTRAINT visits_20261129_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: visits_default visits_default_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits_default
    ADD CONSTRAINT visits_default_pkey PRIMARY KEY (site_id, entered_at, id);


--
-- Name: audit_log_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_at ON public.audit_log USING btree (at);


--
-- Name: daily_site_stats_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX daily_site_stats_day ON public.daily_site_stats USING btree (day, site_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: kiosks_site; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kiosks_site ON public.kiosks USING btree (site_id);


--
-- Name: poster_campaigns_dates; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX poster_campaigns_dates ON public.poster_campaigns USING btree (ends_on, starts_on);


--
-- Name: presence_entered; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX presence_entered ON public.presence USING btree (entered_at);


--
-- Name: sessions_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sessions_user ON public.sessions USING btree (user_id);


--
-- Name: sites_area; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sites_area ON public.sites USING btree (province, district);


--
-- Name: user_sites_site; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_sites_site ON public.user_sites USING btree (site_id);


--
-- Name: visit_events_site; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_site ON ONLY public.visit_events USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261118_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261118_site_id_recorded_at_idx ON public.visit_events_20261118 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261119_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261119_site_id_recorded_at_idx ON public.visit_events_20261119 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261120_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261120_site_id_recorded_at_idx ON public.visit_events_20261120 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261121_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261121_site_id_recorded_at_idx ON public.visit_events_20261121 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261122_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261122_site_id_recorded_at_idx ON public.visit_events_20261122 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261123_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261123_site_id_recorded_at_idx ON public.visit_events_20261123 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261124_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261124_site_id_recorded_at_idx ON public.visit_events_20261124 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261125_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261125_site_id_recorded_at_idx ON public.visit_events_20261125 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261126_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261126_site_id_recorded_at_idx ON public.visit_events_20261126 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261127_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261127_site_id_recorded_at_idx ON public.visit_events_20261127 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261128_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261128_site_id_recorded_at_idx ON public.visit_events_20261128 USING btree (site_id, recorded_at);


--
-- Name: visit_events_20261129_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_20261129_site_id_recorded_at_idx ON public.visit_events_20261129 USING btree (site_id, recorded_at);


--
-- Name: visit_events_default_site_id_recorded_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_events_default_site_id_recorded_at_idx ON public.visit_events_default USING btree (site_id, recorded_at);


--
-- Name: visits_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_id ON ONLY public.visits USING btree (id);


--
-- Name: visits_20261118_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261118_id_idx ON public.visits_20261118 USING btree (id);


--
-- Name: visits_site_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_site_time ON ONLY public.visits USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261118_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261118_site_id_entered_at_id_idx ON public.visits_20261118 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_visitor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_visitor ON ONLY public.visits USING btree (visitor_id, entered_at);


--
-- Name: visits_20261118_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261118_visitor_id_entered_at_idx ON public.visits_20261118 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261119_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261119_id_idx ON public.visits_20261119 USING btree (id);


--
-- Name: visits_20261119_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261119_site_id_entered_at_id_idx ON public.visits_20261119 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261119_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261119_visitor_id_entered_at_idx ON public.visits_20261119 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261120_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261120_id_idx ON public.visits_20261120 USING btree (id);


--
-- Name: visits_20261120_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261120_site_id_entered_at_id_idx ON public.visits_20261120 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261120_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261120_visitor_id_entered_at_idx ON public.visits_20261120 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261121_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261121_id_idx ON public.visits_20261121 USING btree (id);


--
-- Name: visits_20261121_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261121_site_id_entered_at_id_idx ON public.visits_20261121 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261121_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261121_visitor_id_entered_at_idx ON public.visits_20261121 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261122_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261122_id_idx ON public.visits_20261122 USING btree (id);


--
-- Name: visits_20261122_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261122_site_id_entered_at_id_idx ON public.visits_20261122 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261122_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261122_visitor_id_entered_at_idx ON public.visits_20261122 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261123_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261123_id_idx ON public.visits_20261123 USING btree (id);


--
-- Name: visits_20261123_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261123_site_id_entered_at_id_idx ON public.visits_20261123 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261123_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261123_visitor_id_entered_at_idx ON public.visits_20261123 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261124_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261124_id_idx ON public.visits_20261124 USING btree (id);


--
-- Name: visits_20261124_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261124_site_id_entered_at_id_idx ON public.visits_20261124 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261124_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261124_visitor_id_entered_at_idx ON public.visits_20261124 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261125_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261125_id_idx ON public.visits_20261125 USING btree (id);


--
-- Name: visits_20261125_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261125_site_id_entered_at_id_idx ON public.visits_20261125 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261125_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261125_visitor_id_entered_at_idx ON public.visits_20261125 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261126_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261126_id_idx ON public.visits_20261126 USING btree (id);


--
-- Name: visits_20261126_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261126_site_id_entered_at_id_idx ON public.visits_20261126 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261126_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261126_visitor_id_entered_at_idx ON public.visits_20261126 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261127_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261127_id_idx ON public.visits_20261127 USING btree (id);


--
-- Name: visits_20261127_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261127_site_id_entered_at_id_idx ON public.visits_20261127 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261127_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261127_visitor_id_entered_at_idx ON public.visits_20261127 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261128_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261128_id_idx ON public.visits_20261128 USING btree (id);


--
-- Name: visits_20261128_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261128_site_id_entered_at_id_idx ON public.visits_20261128 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261128_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261128_visitor_id_entered_at_idx ON public.visits_20261128 USING btree (visitor_id, entered_at);


--
-- Name: visits_20261129_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261129_id_idx ON public.visits_20261129 USING btree (id);


--
-- Name: visits_20261129_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261129_site_id_entered_at_id_idx ON public.visits_20261129 USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_20261129_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_20261129_visitor_id_entered_at_idx ON public.visits_20261129 USING btree (visitor_id, entered_at);


--
-- Name: visits_default_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_default_id_idx ON public.visits_default USING btree (id);


--
-- Name: visits_default_site_id_entered_at_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_default_site_id_entered_at_id_idx ON public.visits_default USING btree (site_id, entered_at DESC, id DESC);


--
-- Name: visits_default_visitor_id_entered_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_default_visitor_id_entered_at_idx ON public.visits_default USING btree (visitor_id, entered_at);


--
-- Name: visit_events_20261118_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261118_pkey;


--
-- Name: visit_events_20261118_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261118_site_id_recorded_at_idx;


--
-- Name: visit_events_20261119_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261119_pkey;


--
-- Name: visit_events_20261119_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261119_site_id_recorded_at_idx;


--
-- Name: visit_events_20261120_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261120_pkey;


--
-- Name: visit_events_20261120_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261120_site_id_recorded_at_idx;


--
-- Name: visit_events_20261121_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261121_pkey;


--
-- Name: visit_events_20261121_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261121_site_id_recorded_at_idx;


--
-- Name: visit_events_20261122_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261122_pkey;


--
-- Name: visit_events_20261122_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261122_site_id_recorded_at_idx;


--
-- Name: visit_events_20261123_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261123_pkey;


--
-- Name: visit_events_20261123_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261123_site_id_recorded_at_idx;


--
-- Name: visit_events_20261124_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261124_pkey;


--
-- Name: visit_events_20261124_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261124_site_id_recorded_at_idx;


--
-- Name: visit_events_20261125_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261125_pkey;


--
-- Name: visit_events_20261125_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261125_site_id_recorded_at_idx;


--
-- Name: visit_events_20261126_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261126_pkey;


--
-- Name: visit_events_20261126_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261126_site_id_recorded_at_idx;


--
-- Name: visit_events_20261127_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261127_pkey;


--
-- Name: visit_events_20261127_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261127_site_id_recorded_at_idx;


--
-- Name: visit_events_20261128_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261128_pkey;


--
-- Name: visit_events_20261128_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261128_site_id_recorded_at_idx;


--
-- Name: visit_events_20261129_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_20261129_pkey;


--
-- Name: visit_events_20261129_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_20261129_site_id_recorded_at_idx;


--
-- Name: visit_events_default_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_pkey ATTACH PARTITION public.visit_events_default_pkey;


--
-- Name: visit_events_default_site_id_recorded_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visit_events_site ATTACH PARTITION public.visit_events_default_site_id_recorded_at_idx;


--
-- Name: visits_20261118_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261118_id_idx;


--
-- Name: visits_20261118_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261118_pkey;


--
-- Name: visits_20261118_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261118_site_id_entered_at_id_idx;


--
-- Name: visits_20261118_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261118_visitor_id_entered_at_idx;


--
-- Name: visits_20261119_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261119_id_idx;


--
-- Name: visits_20261119_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261119_pkey;


--
-- Name: visits_20261119_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261119_site_id_entered_at_id_idx;


--
-- Name: visits_20261119_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261119_visitor_id_entered_at_idx;


--
-- Name: visits_20261120_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261120_id_idx;


--
-- Name: visits_20261120_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261120_pkey;


--
-- Name: visits_20261120_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261120_site_id_entered_at_id_idx;


--
-- Name: visits_20261120_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261120_visitor_id_entered_at_idx;


--
-- Name: visits_20261121_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261121_id_idx;


--
-- Name: visits_20261121_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261121_pkey;


--
-- Name: visits_20261121_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261121_site_id_entered_at_id_idx;


--
-- Name: visits_20261121_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261121_visitor_id_entered_at_idx;


--
-- Name: visits_20261122_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261122_id_idx;


--
-- Name: visits_20261122_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261122_pkey;


--
-- Name: visits_20261122_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261122_site_id_entered_at_id_idx;


--
-- Name: visits_20261122_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261122_visitor_id_entered_at_idx;


--
-- Name: visits_20261123_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261123_id_idx;


--
-- Name: visits_20261123_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261123_pkey;


--
-- Name: visits_20261123_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261123_site_id_entered_at_id_idx;


--
-- Name: visits_20261123_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261123_visitor_id_entered_at_idx;


--
-- Name: visits_20261124_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261124_id_idx;


--
-- Name: visits_20261124_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261124_pkey;


--
-- Name: visits_20261124_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261124_site_id_entered_at_id_idx;


--
-- Name: visits_20261124_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261124_visitor_id_entered_at_idx;


--
-- Name: visits_20261125_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261125_id_idx;


--
-- Name: visits_20261125_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261125_pkey;


--
-- Name: visits_20261125_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261125_site_id_entered_at_id_idx;


--
-- Name: visits_20261125_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261125_visitor_id_entered_at_idx;


--
-- Name: visits_20261126_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261126_id_idx;


--
-- Name: visits_20261126_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261126_pkey;


--
-- Name: visits_20261126_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261126_site_id_entered_at_id_idx;


--
-- Name: visits_20261126_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261126_visitor_id_entered_at_idx;


--
-- Name: visits_20261127_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261127_id_idx;


--
-- Name: visits_20261127_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261127_pkey;


--
-- Name: visits_20261127_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261127_site_id_entered_at_id_idx;


--
-- Name: visits_20261127_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261127_visitor_id_entered_at_idx;


--
-- Name: visits_20261128_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261128_id_idx;


--
-- Name: visits_20261128_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261128_pkey;


--
-- Name: visits_20261128_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261128_site_id_entered_at_id_idx;


--
-- Name: visits_20261128_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261128_visitor_id_entered_at_idx;


--
-- Name: visits_20261129_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_20261129_id_idx;


--
-- Name: visits_20261129_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_20261129_pkey;


--
-- Name: visits_20261129_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_20261129_site_id_entered_at_id_idx;


--
-- Name: visits_20261129_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_20261129_visitor_id_entered_at_idx;


--
-- Name: visits_default_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_id ATTACH PARTITION public.visits_default_id_idx;


--
-- Name: visits_default_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_pkey ATTACH PARTITION public.visits_default_pkey;


--
-- Name: visits_default_site_id_entered_at_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_site_time ATTACH PARTITION public.visits_default_site_id_entered_at_id_idx;


--
-- Name: visits_default_visitor_id_entered_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.visits_visitor ATTACH PARTITION public.visits_default_visitor_id_entered_at_idx;


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.kiosk_audit_append_only();


--
-- Name: sites sites_stay_bound; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER sites_stay_bound BEFORE INSERT OR UPDATE ON public.sites FOR EACH ROW EXECUTE FUNCTION public.kiosk_grow_stay_bound();


--
-- Name: event_tickets event_tickets_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_tickets
    ADD CONSTRAINT event_tickets_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: kiosks kiosks_site_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kiosks
    ADD CONSTRAINT kiosks_site_id_fkey FOREIGN KEY (site_id) REFERENCES public.sites(id) ON DELETE CASCADE;


--
-- Name: poster_campaigns poster_campaigns_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poster_campaigns
    ADD CONSTRAINT poster_campaigns_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: poster_campaigns poster_campaigns_site_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poster_campaigns
    ADD CONSTRAINT poster_campaigns_site_id_fkey FOREIGN KEY (site_id) REFERENCES public.sites(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: user_sites user_sites_site_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sites
    ADD CONSTRAINT user_sites_site_id_fkey FOREIGN KEY (site_id) REFERENCES public.sites(id) ON DELETE CASCADE;


--
-- Name: user_sites user_sites_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sites
    ADD CONSTRAINT user_sites_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict AFzwGnxThKzgphx42qlO728e98XTi3dQ7Y3RyLXeH8jkKp9zw79G7r8a6gGKqjz

