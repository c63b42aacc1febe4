-- The extension of a licence's time limit (行政许可法 Art. 42): 10 more working days with the head of the
-- authority's approval, the reason told to the applicant. The clock owns the limit, so the days granted are part of
-- the case's clock (0 until an extension is approved; at most one per case).
alter table clock_case_clock add column extended_days int default 0 not null;

-- The request and the head's decision (worklist.Extensions): one per case. The reason is shown to the applicant
-- and sealed at rest like the other free text of a case (protection.SealedText).
create table case_extension (
    application_no varchar(32)  not null,
    reason         varchar(4000) not null,
    days           int          not null,
    state          varchar(16)  not null,
    requested_by   varchar(64)  not null,
    requested_at   datetime     not null,
    decided_by     varchar(64),
    decided_at     datetime,
    constraint pk_case_extension primary key (application_no)
) ${tableOptions};

create index ix_case_extension_state on case_extension (state, requested_at);
