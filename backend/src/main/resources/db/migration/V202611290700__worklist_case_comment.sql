-- Counter staff's comments on a case (办理意见): internal, never shown to the applicant or the public. Append-only:
-- no endpoint edits or deletes one, so the table is part of the case's audit trail next to case_event.
create table case_comment (
    id             bigint auto_increment primary key,
    application_no varchar(32)   not null,
    task_id        varchar(64),
    task_key       varchar(255),
    task_name      varchar(255),
    author_id      varchar(64)   not null,
    author_role    varchar(32),
    body           varchar(2000) not null,
    created_at     datetime      not null
) ${tableOptions};

create index ix_case_comment_case on case_comment (application_no, created_at);
