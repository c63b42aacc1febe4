-- Reporting tables (issue 7): the figures of each ended case and each completed user task, written in the same
-- transaction as the case's end (CaseEnded) or the task's completion (the engine's history event), and backfilled
-- by ReportFacts for rows that predate them. The reports aggregate these in SQL (GROUP BY, histograms per measure
-- value) instead of loading one row per case into Java.
--
-- Resolution: elapsed and paused hours in tenths of an hour (deci-hours, rounded half-up per case or task);
-- working days are whole days. Paused working days are kept per pause reason (pwd_*); net working days are derived
-- in the query from the excluded reasons of platform.reports, so a change of that setting needs no rewrite.
-- Clustered by the date the reports select on, so a year of cases is one range read.

create table rp_case (
    decided_at          datetime     not null,
    application_no      varchar(32)  not null,
    service_code        varchar(64)  not null,
    district            varchar(32)  not null,
    status              varchar(32)  not null,
    outcome             varchar(64),
    decided_day         date         not null,
    decided_week        date         not null,
    decided_month       date         not null,
    elapsed_dh          int          not null,
    paused_dh           int          not null,
    working_days        int          not null,
    paused_wd           int          not null,
    pwd_corrections     int          not null,
    pwd_expert_review   int          not null,
    pwd_consultation    int          not null,
    pwd_hearing         int          not null,
    pwd_public_notice   int          not null,
    pwd_inspection      int          not null,
    has_clock           int          not null,
    statutory_late      int,
    promised_late       int,
    constraint pk_rp_case primary key (decided_at, application_no)
) ${tableOptions};

create unique index ux_rp_case_no on rp_case (application_no);

create table rp_task (
    ended_at            datetime     not null,
    task_id             varchar(64)  not null,
    application_no      varchar(32)  not null,
    service_code        varchar(64)  not null,
    district            varchar(32)  not null,
    task_key            varchar(255) not null,
    task_name           varchar(255),
    assignee            varchar(255),
    elapsed_dh          int          not null,
    paused_dh           int          not null,
    working_days        int          not null,
    paused_wd           int          not null,
    pwd_corrections     int          not null,
    pwd_expert_review   int          not null,
    pwd_consultation    int          not null,
    pwd_hearing         int          not null,
    pwd_public_notice   int          not null,
    pwd_inspection      int          not null,
    constraint pk_rp_task primary key (ended_at, task_id)
) ${tableOptions};

create unique index ux_rp_task_id on rp_task (task_id);
