-- Failed sign-ins of the embedded mode (identity.LoginThrottle), shared by every node of a cluster so that an
-- attacker spread over several nodes gets no more attempts than on one. One row per account name as typed, by its
-- keyed hash (platform.hash-key): a name typed at the sign-in form may be anything, a password by mistake too.
-- Times in epoch milliseconds. A row is deleted at a success, and once it is quiet for as long as a lock lasts.
create table sign_in_failure (
    account_hash  varchar(64) not null,
    failures      int         not null,
    last_failure  bigint      not null,
    locked_until  bigint,
    primary key (account_hash)
) ${tableOptions};

-- A rating's comment has one home, service_rating.comment_text. The case's RATED event kept a second copy in its
-- data (with the level, which is the event's outcome already); the event now has no data, and older ones lose it.
update case_event set data = null where event_type = 'RATED';
