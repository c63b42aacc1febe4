-- The parties of marriage and divorce cases, by a keyed hash of their ID numbers, so that "is there an open divorce
-- case for this person?" and "a second divorce case for the same marriage" are indexed look-ups without an index
-- over plain ID numbers.
create table marriage_party (
    application_no varchar(32) not null,
    party_role     char(1)     not null,
    party_key      char(64)    not null,
    service_code   varchar(64) not null,
    primary key (application_no, party_role)
) ${tableOptions};

create index ix_marriage_party_key on marriage_party (party_key, service_code);

-- Certificate numbers (J/L + division code + year + sequence): unique, and kept with the case that issued them.
create table marriage_certificate (
    certificate_no varchar(40) not null primary key,
    application_no varchar(32) not null,
    kind           char(1)     not null,
    issued_on      date        not null,
    constraint uk_marriage_certificate_case unique (application_no)
) ${tableOptions};

-- Per case: whether it is cross-province/city (neither party has a hukou in the city), for the bureau's annual
-- statistics; written by the registry check.
create table marriage_case (
    application_no varchar(32) not null primary key,
    service_code   varchar(64) not null,
    non_local      boolean     not null
) ${tableOptions};
