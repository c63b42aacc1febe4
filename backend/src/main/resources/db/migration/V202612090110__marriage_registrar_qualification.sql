-- 婚姻登记条例 (2003) Art. 3: a marriage registrar is trained and certified. One current qualification per staff
-- account (a renewal replaces it; the audit log keeps every version): the certificate that names the registrar, who
-- issued it, and the days it is valid (both inclusive).
create table marriage_registrar_qualification (
    username          varchar(100) not null,
    certificate_no    varchar(40)  not null,
    issuing_authority varchar(60)  not null,
    valid_from        date         not null,
    valid_until       date         not null,
    recorded_by       varchar(100) not null,
    recorded_at       timestamp    not null,
    constraint pk_marriage_registrar_qualification primary key (username)
);
