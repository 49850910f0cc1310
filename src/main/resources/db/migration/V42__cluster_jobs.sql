-- Jobs every app node schedules but only one may run per occurrence (module cluster). The primary key is the claim:
-- the first node to insert (job, slot) runs that occurrence; every other insert fails on the key. A plain unique key
-- behaves the same on H2 and PostgreSQL, needs no advisory locks and survives restarts.
create table cluster_job_run (
  job        varchar(60)  not null,
  slot       varchar(120) not null,
  node       varchar(36)  not null,
  claimed_at timestamp with time zone default current_timestamp not null,
  primary key (job, slot)
);
create index cluster_job_run_claimed on cluster_job_run (claimed_at);
