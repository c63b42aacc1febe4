-- The activity-abnormal list (活动异常名录, 社会组织信用信息管理办法, MCA Order No. 60; domain brief §2(a), R153): an
-- organisation of the register listed with the ground, reason and date; the day the cause was verified as cured and
-- the removal due within 5 working days of it; the removal; the day two years on the list moved it to the serious
-- bad-faith list (so_serious_list). An entry is current while removed_on is empty.
create table so_abnormal_list (
    id             bigint auto_increment primary key,
    credit_code    varchar(18)  not null,
    ground         varchar(32)  not null,
    reason         varchar(500) not null,
    listed_on      date         not null,
    listed_by      varchar(64)  not null,
    cured_on       date,
    removal_due    date,
    removed_on     date,
    removed_by     varchar(64),
    escalated_on   date,
    updated_at     datetime     not null
) ${tableOptions};

create index ix_so_abnormal_list_code on so_abnormal_list (credit_code, removed_on);

-- Annual work reports (年度工作报告, 社团条例 Art. 28, 民非条例 Art. 23; domain brief §2(c), R152): one per registered
-- organisation and year, with the day the supervisory unit reviewed it and when it reached the authority.
create table so_annual_report (
    credit_code      varchar(18) not null,
    report_year      int         not null,
    supervisory_on   date,
    submitted_at     datetime    not null,
    submitted_by     varchar(64) not null,
    late             boolean     not null,
    constraint pk_so_annual_report primary key (credit_code, report_year)
) ${tableOptions};
