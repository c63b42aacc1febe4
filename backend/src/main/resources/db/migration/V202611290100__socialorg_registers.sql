-- Social-organisation registration (domain brief §2). The register of organisations this bureau has registered:
-- the name check (社会组织名称管理办法 Art. 16) looks here for duplicates and near-duplicates, including names
-- changed or cancelled less than 1 year ago and revoked less than 3 years ago (status + status_since).
create table so_registered_org (
    id             bigint auto_increment primary key,
    name           varchar(100) not null,
    org_type       varchar(32)  not null,
    credit_code    varchar(18)  not null,
    status         varchar(16)  not null,
    status_since   date         not null,
    former_name    varchar(100),
    registered_on  date         not null,
    application_no varchar(32),
    constraint uk_so_registered_org_code unique (credit_code)
) ${tableOptions};

create index ix_so_registered_org_type on so_registered_org (org_type, status);

-- One row per social-organisation case: what the automated checks found and the written documents the case
-- produced (receipt, decision notice, announcement, certificate). Personal data (the legal representative's ID
-- number) stays in application.form_data; the engine holds only the facts.
create table so_case (
    application_no     varchar(32)  not null primary key,
    service_code       varchar(64)  not null,
    org_type           varchar(32),
    name_findings      varchar(200),
    name_similar_to    varchar(100),
    competent_authority varchar(100),
    receipt_text       longtext,
    receipt_at         datetime,
    first_verifier     varchar(64),
    second_verifier    varchar(64),
    verified_at        datetime,
    decision_text      longtext,
    refusal_ground     varchar(32),
    announcement_text  longtext,
    announced_at       datetime,
    certificate_type   varchar(32),
    certificate_no     varchar(32),
    credit_code        varchar(18),
    decided_at         datetime,
    updated_at         datetime     not null
) ${tableOptions};
