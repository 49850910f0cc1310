-- Two-step sign-in (TOTP, RFC 6238) and one-time recovery codes, stored only as hashes.
alter table staff add column totp_secret varchar(64);
alter table staff add column totp_last_step bigint;

create table staff_recovery_code (
  staff_id   bigint      not null references staff(id) on delete cascade,
  code_hash  varchar(64) not null,
  used_at    timestamp with time zone,
  primary key (staff_id, code_hash)
);
