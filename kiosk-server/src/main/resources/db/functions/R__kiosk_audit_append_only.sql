-- The current definition of kiosk_audit_append_only (repeatable: Flyway applies it again whenever this
-- file changes, after the versioned migrations). Change the function here, never in a V__ file;
-- a changed result type needs a "drop function" first.

-- Append-only tables for everyone who uses the application's connection: rows can be added, never
-- changed or removed. audit_log (V4) and privacy_notices (V52: a notice text changes by a new version).
create or replace function kiosk_audit_append_only() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = '42501';
end $$;
