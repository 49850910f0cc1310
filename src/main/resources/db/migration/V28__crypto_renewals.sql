-- Recurring crypto support: each period of a BTCPay plan gets one payment link by email. The primary key is the
-- claim: one node inserts the row for a plan's period, and only the node holding a live lease works on it.
create table revenue_crypto_renewal (
    plan_id       uuid not null,
    period_start  date not null,
    origin_id     uuid not null,
    amount_minor  bigint not null check (amount_minor > 0),
    currency      char(3) not null,
    claimed_until timestamp with time zone not null,
    invoice_ref   varchar(200),
    mailed_at     timestamp with time zone,
    primary key (plan_id, period_start)
);
create unique index revenue_crypto_renewal_invoice on revenue_crypto_renewal (invoice_ref);
