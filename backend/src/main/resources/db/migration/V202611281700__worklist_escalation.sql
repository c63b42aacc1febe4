-- A case whose statutory limit has passed is escalated once to the section chiefs (督办). The primary key makes
-- the escalation happen exactly once, whichever node of a cluster finds it first.
create table case_escalation (
    application_no  varchar(32)  not null primary key,
    service_code    varchar(64)  not null,
    district        varchar(32)  not null,
    due_date        date         not null,
    escalated_at    datetime     not null,
    acknowledged_by varchar(64),
    acknowledged_at datetime
) ${tableOptions};

create index ix_case_escalation_open on case_escalation (acknowledged_at, escalated_at);
