-- Kiosks get only images the server itself encoded (no uploaded byte reaches a
-- tablet). Uploads are re-encoded as they arrive; an image stored before this
-- column existed is re-encoded the first time it is asked for.
alter table poster_campaigns add column image_reencoded boolean not null default false;
