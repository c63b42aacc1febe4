-- The seal specimen and the bank account an organisation files after registration (社团条例 Art. 16, 民非条例 Art. 14,
-- 基金会条例 Art. 14; domain brief §2(c)9, R141): one filing per organisation of the register, with the day the
-- specimen was filed, the bank and account number, and whether it came after the bureau's period (if one is set).
create table so_seal_account_filing (
    credit_code     varchar(18)  not null primary key,
    seal_filed_on   date         not null,
    bank_name       varchar(100) not null,
    account_no      varchar(40)  not null,
    filed_on        date         not null,
    filed_by        varchar(64)  not null,
    late            boolean      not null,
    updated_at      datetime     not null
) ${tableOptions};
