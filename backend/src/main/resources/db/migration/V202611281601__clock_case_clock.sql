-- The statutory clock of each case (ALL Art. 42/82) and the intervals during which it is stopped (ALL Art. 45).
-- Nothing here is a running counter: due dates and days used are recomputed from these rows on every read.
-- The timestamp columns rely on explicit_defaults_for_timestamp=ON (the default of MySQL 8 and MariaDB >= 10.10);
-- without it MySQL would silently give started_at an ON UPDATE CURRENT_TIMESTAMP.

create table clock_case_clock (
    application_no  varchar(32)  not null,
    started_at      timestamp    not null,
    limit_unit      varchar(16)  not null,
    statutory_days  int          not null,
    promised_days   int,
    stopped_at      timestamp,
    constraint pk_clock_case_clock primary key (application_no)
) ${tableOptions};

-- seq numbers the pauses of one case from 1; at most one pause per case is open (ended_at null).
create table clock_case_pause (
    application_no  varchar(32)  not null,
    seq             int          not null,
    reason          varchar(32)  not null,
    started_at      timestamp    not null,
    ended_at        timestamp,
    constraint pk_clock_case_pause primary key (application_no, seq),
    constraint fk_clock_case_pause_clock foreign key (application_no) references clock_case_clock (application_no)
) ${tableOptions};
