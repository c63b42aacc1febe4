-- Replacement certificates (补领, 2025 regulations Art. 21): issued after the archive has been checked, each under a
-- number of its own (BJ / BL + division code + year + a gap-free yearly sequence, like the certificate numbers), for
-- the registration whose certificate it replaces. The registration itself (its case and marriage_certificate row)
-- is never changed; the party who asked is kept by the keyed hash of his or her ID number.
create table marriage_replacement (
    certificate_no  varchar(40) not null primary key,
    application_no  varchar(32) not null,
    original_no     varchar(40) not null,
    kind            varchar(4)  not null,
    issued_on       date        not null,
    issued_by       varchar(64) not null,
    requester_key   char(64)    not null
) ${tableOptions};

create index ix_marriage_replacement_case on marriage_replacement (application_no);
