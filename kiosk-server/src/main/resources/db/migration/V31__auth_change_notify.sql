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

create trigger sessions_auth_changed after delete or update on sessions
    for each statement execute function kiosk_auth_changed();
create trigger users_auth_changed after delete or update of role, disabled, province, district, username on users
    for each statement execute function kiosk_auth_changed();
create trigger user_sites_auth_changed after insert or update or delete on user_sites
    for each statement execute function kiosk_auth_changed();
create trigger kiosks_auth_changed after delete or update of site_id, gate, mode, device_token_hash, revoked_at on kiosks
    for each statement execute function kiosk_auth_changed();
