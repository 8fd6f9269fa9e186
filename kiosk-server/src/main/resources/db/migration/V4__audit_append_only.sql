-- The audit log is append-only for everyone who uses the application's
-- connection: rows can be added, never changed or removed.
create or replace function kiosk_audit_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_log is append-only' using errcode = '42501';
end $$;

create trigger audit_log_append_only
    before update or delete or truncate on audit_log
    for each statement execute function kiosk_audit_append_only();
