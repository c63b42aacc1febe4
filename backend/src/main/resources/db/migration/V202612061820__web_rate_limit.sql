-- Rate limits shared by every node of a cluster: hits per key (e.g. public tracking per client address) and per
-- fixed window (the window's start in epoch seconds). Old windows are deleted every minute.
create table rate_limit (
    bucket_key   varchar(100) not null,
    window_start bigint       not null,
    hits         int          not null,
    primary key (bucket_key, window_start)
) ${tableOptions};
