-- The current definition of kiosk_audit_append_only (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- The audit log is append-only for everyone who uses the application's
-- connection: rows can be added, never changed or removed.
create or replace function kiosk_audit_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_log is append-only' using errcode = '42501';
end $$;

