-- The audit log's hash chain is now sealed behind the writers (AuditLog): an entry is written in the transaction of
-- what it records without a number or a hash (no lock shared by all writers), and one sealer at a time numbers
-- the committed entries in order, links each to the one before it and moves the head. Until then (about half a
-- second) an entry has seq, prev_hash and row_hash null.
create table audit_entry (
    id           bigint       not null auto_increment primary key,
    seq          bigint,
    occurred_at  datetime     not null,
    actor_id     varchar(128) not null,
    actor_roles  varchar(200),
    action       varchar(48)  not null,
    target       varchar(300),
    outcome      varchar(64),
    before_state longtext,
    after_state  longtext,
    client_ip    varchar(64),
    prev_hash    char(64),
    row_hash     char(64)
) ${tableOptions};

insert into audit_entry (seq, occurred_at, actor_id, actor_roles, action, target, outcome, before_state,
    after_state, client_ip, prev_hash, row_hash)
select seq, occurred_at, actor_id, actor_roles, action, target, outcome, before_state, after_state, client_ip,
    prev_hash, row_hash
from audit_log order by seq;

drop table audit_log;
alter table audit_entry rename to audit_log;

create unique index ux_audit_log_seq on audit_log (seq);
create index ix_audit_log_time on audit_log (occurred_at);
create index ix_audit_log_actor on audit_log (actor_id, occurred_at);
