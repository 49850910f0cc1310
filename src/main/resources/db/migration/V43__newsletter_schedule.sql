-- A newsletter's weekly schedule ("every Friday 10:00, Europe/Riga"): at each occurrence the app drafts that week's
-- edition for an editor to approve. next_run_at is the next occurrence still to draft, so a restart loses none.
create table newsletter_schedule (
  newsletter_id  bigint primary key references newsletter (id),
  day_of_week    int not null check (day_of_week between 1 and 7),
  local_time     varchar(5) not null,
  zone           varchar(64) not null,
  next_run_at    timestamp with time zone not null,
  updated_by     bigint,
  updated_at     timestamp with time zone not null
);
