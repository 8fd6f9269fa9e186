-- SMS reminders (sms/): who asked for them, the send queue, and the SMSC's delivery receipts.

-- One row per visitor who ever chose: the choice now in force, when and how it was made.
create table sms_consents (
    visitor_id          bigint      primary key references visitors on delete cascade,
    opted_in            boolean     not null,
    changed_at          timestamptz not null,
    via                 text        not null check (via in ('self', 'staff', 'reply')),
    user_id             bigint,     -- the staff member, when via = 'staff'
    site_id             bigint,     -- where the choice was made (none for a reply)
    opted_in_at         timestamptz, -- the latest opt-in, kept after an opt-out as the record of what was agreed
    install_reminded_at timestamptz  -- the latest install reminder queued
);
create index sms_consents_opted_in on sms_consents (visitor_id) where opted_in;

-- The send queue. queued → sending (committed before submit_sm) → sent → delivered | undelivered; failed when
-- the SMSC refused it; cancelled when no longer wanted. A row left in 'sending' (the server died, or the
-- answer never came) is never sent again: at most that one message is lost, none goes twice.
create table sms_outbox (
    id          bigint      generated always as identity primary key,
    visitor_id  bigint      not null references visitors on delete cascade,
    kind        text        not null check (kind in ('install', 'checkout')),
    dedupe      text        not null unique,
    site_id     bigint,
    visit_id    uuid,
    due_at      timestamptz, -- for a check-out reminder: when the stay would be closed
    phone_enc   bytea,       -- the number as visitors holds it (AES-GCM); emptied once the message is done with
    state       text        not null default 'queued'
                check (state in ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'cancelled')),
    queued_at   timestamptz not null,
    sending_at  timestamptz,
    sent_at     timestamptz,
    done_at     timestamptz,
    parts       integer,
    smsc_ids    text[],
    error       text
);
create index sms_outbox_queued on sms_outbox (id) where state = 'queued';
create index sms_outbox_sent on sms_outbox (sent_at) where state = 'sent';
create index sms_outbox_visitor on sms_outbox (visitor_id);
create index sms_outbox_queued_at on sms_outbox (queued_at);

-- Delivery receipts as the SMSC sent them, one per message part; matched to sms_outbox.smsc_ids.
create table sms_receipts (
    smsc_id     text        primary key,
    stat        text        not null,
    err         text,
    received_at timestamptz not null default now()
);
create index sms_receipts_received on sms_receipts (received_at);
