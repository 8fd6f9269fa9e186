-- The fleet view: what a kiosk reports with each heartbeat (its offline queue
-- and, when the browser tells, its battery), and the silence an alert has
-- been raised for. An alert is raised once per silence: for the value of
-- last_seen_at it was raised for, which the next heartbeat moves on.
alter table kiosks
    add column queued             integer check (queued is null or queued >= 0),
    add column battery            real    check (battery is null or battery between 0 and 1),
    add column silent_alerted_for timestamptz;
