-- The newsroom's revenue settings (name -> value), and the generated signing secret.
create table revenue_setting (
    name       varchar(60) primary key,
    setting_value varchar(8000) not null,
    changed_at timestamp with time zone not null
);
