-- Revocation of a registration (撤销登记, 社团条例 Art. 29, 民非条例 Art. 24; domain brief §2(c), R151): the ground,
-- the reasons, who decided when, and the written decision and announcement (official texts, in Chinese).
create table so_revocation (
    credit_code       varchar(18)  not null primary key,
    ground            varchar(40)  not null,
    reasons           varchar(1000) not null,
    decided_on        date         not null,
    decided_by        varchar(64)  not null,
    decision_text     longtext     not null,
    announcement_text longtext     not null
) ${tableOptions};
