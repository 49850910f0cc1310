-- Supporters: the least data. The address is sealed (shared.privacy.PersonalData) and found by a keyed hash.
create table revenue_supporter (
    id           uuid primary key,
    email_sealed varchar(600) not null,
    email_lookup varchar(64) not null unique,
    name_sealed  varchar(600),
    anonymous    boolean not null default false,
    language     varchar(2) not null,
    created_at   timestamp with time zone not null
);
