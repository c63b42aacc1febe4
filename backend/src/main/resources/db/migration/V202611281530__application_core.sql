-- The platform's own tables: personal data lives here (utf8mb4 on MySQL), keyed by the application number.
-- The engine carries only the application number and the facts its decisions need.

create table application (
    id                    bigint auto_increment primary key,
    application_no        varchar(32)  not null,
    query_code            varchar(16)  not null,
    service_code          varchar(64)  not null,
    process_definition_id varchar(64),
    process_instance_id   varchar(64),
    applicant_id          varchar(64)  not null,
    channel               varchar(16)  not null,
    district              varchar(32)  not null,
    subject_name          varchar(200),
    status                varchar(32)  not null,
    outcome               varchar(32),
    form_data             longtext     not null,
    received_at           datetime     not null,
    accepted_at           datetime,
    decided_at            datetime,
    closed_at             datetime,
    updated_at            datetime     not null,
    constraint uk_application_no unique (application_no)
) ${tableOptions};

create index ix_application_applicant on application (applicant_id, received_at);
create index ix_application_service on application (service_code, status, received_at);
create index ix_application_district on application (district, received_at);

-- A retried submission with the same key returns the first case instead of creating a second one.
create table idempotency_key (
    owner_id       varchar(64)  not null,
    idem_key       varchar(128) not null,
    request_hash   char(64)     not null,
    application_no varchar(32)  not null,
    created_at     datetime     not null,
    primary key (owner_id, idem_key)
) ${tableOptions};

-- Per-prefix, per-day counters for application numbers people can read aloud (BZB-20261128-0007).
create table number_sequence (
    seq_name   varchar(64) not null primary key,
    next_value bigint      not null
) ${tableOptions};

create table attachment (
    id             varchar(36)  not null primary key,
    owner_id       varchar(64)  not null,
    application_no varchar(32),
    field_key      varchar(64),
    file_name      varchar(255) not null,
    media_type     varchar(100) not null,
    size_bytes     bigint       not null,
    sha256         char(64)     not null,
    content        longblob     not null,
    created_at     datetime     not null
) ${tableOptions};

create index ix_attachment_application on attachment (application_no);
create index ix_attachment_owner on attachment (owner_id, created_at);

-- Every decision a person or the system takes on a case: who, when, what. Kept apart from engine history so the
-- audit trail survives history clean-up and holds names in utf8mb4.
create table case_event (
    id             bigint auto_increment primary key,
    application_no varchar(32)  not null,
    occurred_at    datetime     not null,
    event_type     varchar(32)  not null,
    actor_id       varchar(64),
    actor_role     varchar(32),
    task_id        varchar(64),
    task_key       varchar(128),
    task_name      varchar(200),
    outcome        varchar(32),
    data           longtext
) ${tableOptions};

create index ix_case_event_application on case_event (application_no, occurred_at);

-- The one-time correction notice (ALL Art. 32(4)): one row per case, so a second notice is refused by the database.
create table correction_notice (
    application_no varchar(32)   not null primary key,
    items          longtext      not null,
    note           varchar(1000),
    requested_by   varchar(64)   not null,
    requested_at   datetime      not null,
    supplied_at    datetime
) ${tableOptions};
