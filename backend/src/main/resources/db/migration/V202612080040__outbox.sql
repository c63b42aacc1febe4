-- The transactional outbox (outbox.Outbox, Architecture Amendment 14): a message is written in the transaction of
-- the decision that causes it and delivered after that commits, by the handler of its kind, with retries. One row
-- per message; the dedupe key makes a second enqueue of the same message a no-op. The payload is JSON of keys and
-- codes only (no personal data: handlers read what they need from its owner at delivery time).
-- Several nodes deliver: a node claims a due message by setting claimed_by and lease_until in one conditional
-- update; a message whose lease ran out (its node died) is due again. Times are business time (Asia/Shanghai).
create table outbox_message (
    id              bigint auto_increment primary key,
    kind            varchar(64)  not null,
    dedupe_key      varchar(190) not null,
    application_no  varchar(32),
    payload         longtext     not null,
    status          varchar(16)  not null,
    attempts        int          not null,
    next_attempt_at datetime     not null,
    claimed_by      varchar(100),
    lease_until     datetime,
    created_at      datetime     not null,
    sent_at         datetime,
    last_error      varchar(300),
    constraint uk_outbox_dedupe unique (dedupe_key)
) ${tableOptions};

create index ix_outbox_due on outbox_message (status, next_attempt_at);
create index ix_outbox_case on outbox_message (application_no, created_at);
