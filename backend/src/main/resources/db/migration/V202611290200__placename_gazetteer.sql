-- The city's register of standard place names (标准地名): what the naming-rule check compares a proposed name with
-- (no duplicates, avoid homophones within the built-up area, 地名管理条例 Art. 9(8)), and where an approved name is
-- entered. pinyin is the toneless Hanyu Pinyin of the full name without spaces, so homophones are an indexed look-up.
create table placename_gazetteer (
    id               bigint       not null auto_increment primary key,
    full_name        varchar(64)  not null,
    specific_part    varchar(48)  not null,
    generic_part     varchar(16)  not null,
    pinyin           varchar(255) not null,
    category         varchar(32)  not null,
    district         varchar(32)  not null,
    status           varchar(16)  not null,
    protected_name   boolean      not null,
    application_no   varchar(32),
    approved_on      date,
    retired_on       date,
    successor_name   varchar(64)
) ${tableOptions};

create index ix_placename_gazetteer_name on placename_gazetteer (full_name, status);
create index ix_placename_gazetteer_pinyin on placename_gazetteer (pinyin, status);
create index ix_placename_gazetteer_specific on placename_gazetteer (specific_part, status);

-- Words a place name may not contain (Art. 9(4)-(6); Measures Arts. 3-4): foreign place and personal names,
-- personal and leaders' names, enterprise names and trademarks. Each hit is a finding for the reviewer.
create table placename_banned_term (
    term varchar(48) not null,
    kind varchar(24) not null,
    primary key (term, kind)
) ${tableOptions};

-- The findings of the automated check of a case, in full (the engine keeps only their codes).
create table placename_name_check (
    application_no varchar(32)   not null primary key,
    full_name      varchar(64)   not null,
    pinyin         varchar(255)  not null,
    findings       varchar(4000) not null,
    checked_at     datetime      not null
) ${tableOptions};

-- The public announcement (公告) of an approved name, drafted from the case data, then published by a clerk.
create table placename_announcement (
    application_no varchar(32)   not null primary key,
    title          varchar(200)  not null,
    body           varchar(4000) not null,
    drafted_at     datetime      not null,
    published_at   datetime,
    channel        varchar(200)
) ${tableOptions};
