-- The controller a visitor's last consent was given to: a pass carries that consent only to the sites of the
-- same controller (another agency's site asks again).
alter table visitors add column consent_controller text;
