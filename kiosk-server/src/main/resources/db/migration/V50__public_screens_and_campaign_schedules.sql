-- Public screens (a TV or LED board at a bus station or a one-stop counter)
-- pair like kiosks and keep a secret for their rotating check-in QR, but
-- they are a device kind of their own: their token carries the signage role,
-- which records and reads no visit. A kiosk's mode (entry, exit, both) still
-- says which way a scan of its code goes; a screen's code goes either way.
alter table kiosks add column kind text not null default 'kiosk' check (kind in ('kiosk', 'signage'));

-- When in its date range a campaign shows: on some days of the week (ISO,
-- 1 = Monday; null = every day) and between two times of the site's day in
-- minutes (null = all day; the end may be 1440, midnight at the end of the day).
alter table poster_campaigns
    add column days_of_week smallint[] check (days_of_week is null
        or (cardinality(days_of_week) between 1 and 7 and days_of_week <@ '{1,2,3,4,5,6,7}'::smallint[])),
    add column shows_from   smallint,
    add column shows_until  smallint,
    add constraint poster_campaigns_hours check ((shows_from is null) = (shows_until is null)
        and (shows_from is null or (shows_from between 0 and 1439 and shows_until between 1 and 1440
                                    and shows_from < shows_until)));
