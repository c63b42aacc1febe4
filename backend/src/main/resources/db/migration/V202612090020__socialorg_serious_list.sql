-- The serious illegality and bad-faith list (严重违法失信名单, 社会组织信用信息管理办法, MCA Order No. 60; domain brief
-- §2(e)7) as the bureau keeps it: organisations (by credit code) and persons (by the keyed hash of the ID number,
-- shown masked), each with the reason and date of listing and of removal and who did either. A removed entry stays,
-- so the list's history can be read; an entry is current while removed_on is empty.
create table so_serious_list (
    id             bigint auto_increment primary key,
    subject_kind   varchar(16)  not null,
    subject_key    varchar(64)  not null,
    subject_name   varchar(100) not null,
    subject_shown  varchar(32)  not null,
    reason         varchar(500) not null,
    listed_on      date         not null,
    listed_by      varchar(64)  not null,
    removed_on     date,
    removal_reason varchar(500),
    removed_by     varchar(64),
    updated_at     datetime     not null
) ${tableOptions};

create index ix_so_serious_list_subject on so_serious_list (subject_key, removed_on);
