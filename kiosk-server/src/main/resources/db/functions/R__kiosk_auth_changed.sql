-- The current definition of kiosk_auth_changed (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- Server instances cache a resolved token for a few seconds (AuthService).
-- Whatever can end or narrow a token tells every instance on commit, so that
-- each empties its cache: sign-out and expired-session clean-up, a user
-- disabled, re-roled or deleted, a user's sites changed, a kiosk revoked,
-- edited, moved or deleted (also through ON DELETE CASCADE from a site). The
-- heartbeat's update of last_seen_at does not fire it (column list below).
-- NOTIFY folds identical notifications of one transaction into one.
create or replace function kiosk_auth_changed() returns trigger
language plpgsql as $$
begin
    perform pg_notify('kiosk_auth', '');
    return null;
end $$;

