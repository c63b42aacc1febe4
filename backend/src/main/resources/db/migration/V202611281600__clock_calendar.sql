-- Working-day calendar: the State Council holiday schedule per year, edited by administrators.
-- Plain types only: this script runs unchanged on H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11.

-- One row per year that has a published schedule. A year without a row is computed on weekends only and flagged.
-- `version` counts edits of this year; origin is SEED (loaded from clock/cn-public-holidays.json) or ADMIN.
create table clock_calendar_year (
    cal_year    int          not null,
    version     bigint       not null,
    origin      varchar(16)  not null,
    updated_by  varchar(64)  not null,
    updated_at  timestamp    not null,
    constraint pk_clock_calendar_year primary key (cal_year)
) ${tableOptions};

-- Statutory holidays (放假), inclusive date ranges. No two holidays of a year start on the same day.
create table clock_calendar_holiday (
    cal_year    int          not null,
    first_day   date         not null,
    last_day    date         not null,
    name_zh     varchar(64)  not null,
    name_en     varchar(128),
    constraint pk_clock_calendar_holiday primary key (cal_year, first_day),
    constraint fk_clock_calendar_holiday_year foreign key (cal_year) references clock_calendar_year (cal_year)
) ${tableOptions};

-- Adjusted working weekend days (调休上班).
create table clock_calendar_workday (
    cal_year    int          not null,
    work_day    date         not null,
    constraint pk_clock_calendar_workday primary key (cal_year, work_day),
    constraint fk_clock_calendar_workday_year foreign key (cal_year) references clock_calendar_year (cal_year)
) ${tableOptions};

-- A single row. Every change to any year bumps global_version in the same transaction; each node compares it with
-- the version of its in-memory snapshot every few seconds, so an edit on one node reaches the whole cluster.
-- Writers update this row first, which also serialises concurrent edits and start-up seeding across nodes.
create table clock_calendar_state (
    id              int        not null,
    global_version  bigint     not null,
    updated_at      timestamp  not null,
    constraint pk_clock_calendar_state primary key (id)
) ${tableOptions};

insert into clock_calendar_state (id, global_version, updated_at) values (1, 0, current_timestamp);
