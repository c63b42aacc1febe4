-- The platform's audit log (MLPS 2.0 level 3): who did what, when, before and after, for decisions, sign-ins,
-- refusals and administrative actions. Append-only and hash-chained: each row stores the SHA-256 of the previous
-- row's hash and its own canonical content, so an edited, deleted or inserted row breaks the chain from there on.
-- Independent of the engine's history and its clean-up.
create table audit_log (
    seq          bigint       not null primary key,
    occurred_at  datetime     not null,
    actor_id     varchar(128) not null,
    actor_roles  varchar(200),
    action       varchar(48)  not null,
    target       varchar(300),
    outcome      varchar(64),
    before_state longtext,
    after_state  longtext,
    client_ip    varchar(64),
    prev_hash    char(64)     not null,
    row_hash     char(64)     not null
) ${tableOptions};

create index ix_audit_log_time on audit_log (occurred_at);
create index ix_audit_log_actor on audit_log (actor_id, occurred_at);

-- The head of the chain, one row: every append locks it (select ... for update), so two writers on any node take
-- turns and the chain never forks.
create table audit_chain_head (
    id        int      not null primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
) ${tableOptions};

insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
