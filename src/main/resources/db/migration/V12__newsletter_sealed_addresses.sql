-- Subscribers' addresses sealed at rest (shared.privacy.PersonalData): email_sealed is AES-GCM under a key kept
-- outside the database, email_lookup a keyed hash that stays unique. Rows still holding a plain address are
-- sealed by the application on start (AddressSealing), which then clears the plain column.
alter table subscriber add column email_sealed varchar(800);
alter table subscriber add column email_lookup varchar(64);
alter table subscriber add column erased_at timestamp with time zone;
alter table subscriber alter column email drop not null;
create unique index subscriber_email_lookup on subscriber (email_lookup);
