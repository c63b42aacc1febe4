-- The documents a case's steps and decision produce (documents.DocumentService): each stored once, per case, kind
-- and version, with the SHA-256 of the PDF as issued (the public check compares an uploaded file with it). The PDF
-- and what the verification page shows of it are sealed at rest like the form data (they name people).
create table issued_document (
    id             bigint auto_increment primary key,
    application_no varchar(32)  not null,
    kind           varchar(32)  not null,
    version        int          not null,
    serial_no      varchar(40)  not null,
    sha256         char(64)     not null,
    size_bytes     bigint       not null,
    content        longblob     not null,
    shown_facts    longtext     not null,
    issued_at      datetime     not null,
    revoked_at     datetime,
    revoked_by     varchar(64),
    revoke_reason  varchar(500),
    constraint uk_issued_document unique (application_no, kind, version),
    constraint uk_issued_document_serial unique (serial_no)
) ${tableOptions};

create index ix_issued_document_sha on issued_document (sha256);
