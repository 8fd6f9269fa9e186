-- A single-use ticket for a browser's event stream now names the sign-in it
-- was issued to (the token's SHA-256), so that the stream it opens ends when
-- that sign-in does: sign-out, the user disabled or moved to other sites.
-- Tickets live a minute; those issued before this change are simply dropped.
delete from event_tickets;
alter table event_tickets add column token_hash bytea not null;
