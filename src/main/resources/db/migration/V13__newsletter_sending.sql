-- The sending engine: which worker holds a delivery (its claim), the Message-ID fixed before the relay may accept
-- it, and why a delivery failed (SMTP reply code only, never the relay's text, which may quote the address).
alter table delivery add column claimed_by varchar(40);
alter table delivery add column message_id varchar(200);
alter table delivery add column reason varchar(100);
create index delivery_edition_status on delivery (edition_id, status);
-- An edition an editor scheduled for a later time.
alter table edition add column send_at timestamp with time zone;
-- Room for UNCONFIRMED and CANCELLED.
alter table delivery alter column status set data type varchar(12);
