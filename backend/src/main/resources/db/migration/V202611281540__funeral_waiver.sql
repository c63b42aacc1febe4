-- One waiver per deceased across all funeral homes and both paths (domain brief §4(e) item 3): the keyed hash
-- of the deceased's ID number is unique, so the database refuses a second waiver whatever the code does.
create table funeral_waiver (
    application_no varchar(32)    not null primary key,
    deceased_key   char(64)       not null,
    waiver_path    char(1)        not null,
    charged_amount decimal(12, 2) not null,
    waived_amount  decimal(12, 2) not null,
    special_group  varchar(16)    not null,
    waiver_lines   longtext       not null,
    rule_versions  varchar(255)   not null,
    decided_at     datetime       not null,
    paid_amount    decimal(12, 2),
    paid_at        datetime,
    constraint uk_funeral_waiver_deceased unique (deceased_key)
) ${tableOptions};

create index ix_funeral_waiver_decided on funeral_waiver (decided_at);
