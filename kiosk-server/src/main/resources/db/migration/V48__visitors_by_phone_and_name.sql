-- Who a typed phone is, and what makes a reused check-in id a replay.
--
-- A phone is often shared by a family, and anyone can type a known phone on
-- the phone page. A visitor typed with a phone is the person (phone, name
-- without diacritics): the same name again is the same visitor, another name
-- is another person sharing the phone, never a rename of the one recorded
-- first (README, "Personal data"). So one phone may have several visitors.
alter table visitors drop constraint visitors_phone_hash_key;
create unique index visitors_phone_name on visitors (phone_hash, name_folded);

-- Visitor ids are shown to visitors (answers, passes). Drawn from a sequence,
-- an id tells how long ago a person was first recorded and, next to a fresh
-- one, whether they were known: new ids are drawn at random instead, below
-- 2^53 so that a browser reads them exactly as JSON numbers. (kiosk_checkins
-- draws the ids of visitors known by name only with the same expression.)
-- A clash with an existing id fails that batch, which is then written one
-- request at a time with new draws (VisitWriter).
alter table visitors alter column id drop identity;
alter table visitors alter column id set default (1 + floor(random() * 9007199254740990))::bigint;

-- A digest of the normalised request (RequestDigest: site, direction asked,
-- visitor, Bluezone, occurredAt, gate): the same id with another request is
-- refused instead of answered as a replay. Rows from before have none and
-- stay replays of whatever reuses their id.
alter table visit_events add column request_digest bytea;

-- The previous release's batch function upserts on visitors.phone_hash, which
-- is no longer unique: it cannot work on this schema (an upgrade that
-- migrates is not rolling: docs/OPERATIONS.md, "Upgrades").
drop function if exists kiosk_checkin_batch;
