-- Nothing calls kiosk_site_day_stats since the reports and the daily job read
-- kiosk_day_stats (V40), whose site rows are the same figures.
drop function if exists kiosk_site_day_stats(bigint[], date, timestamptz);
