-- Two indexes that their table's primary key already covers. Each cost every
-- check-in an index entry (one per visit, one per event), WAL and, over the
-- retention period, disk (about 40 bytes a row):
--
-- * visits_site_time (site_id, entered_at desc, id desc) is the primary key
--   (site_id, entered_at, id) read backwards, which is how log pages (newest
--   first, keyset on (entered_at, id)) and the bounded overlap queries of
--   traces read it.
-- * visit_events_site (site_id, recorded_at) served only the per-site
--   retention delete, which filters on site_id and occurred_at and so is
--   served as well by the primary key's leading site_id.
drop index if exists visits_site_time;
drop index if exists visit_events_site;
