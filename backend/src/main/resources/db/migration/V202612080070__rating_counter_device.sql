-- Rating devices at the counters (窗口评价器): a tablet bound to one counter, on which the applicants served there rate
-- the service when it ends. A clerk pairs a device with a one-time code shown on their workbench (its keyed hash and
-- expiry here until the device claims it); the device then holds a token of its own (its keyed hash here), which lets
-- it do two things only: read what its counter offers for rating now, and rate that case once. The offer is the
-- case the clerk's counter just served (one at a time; a new offer replaces the last). A clerk has one active device:
-- pairing another retires the old one. The rating itself has one home, service_rating (channel COUNTER).
create table rating_counter_device (
    id                  bigint auto_increment primary key,
    label               varchar(40)  not null,
    owner_user          varchar(64)  not null,
    pairing_code_hash   varchar(64),
    pairing_expires_at  datetime,
    token_hash          varchar(64),
    created_at          datetime     not null,
    paired_at           datetime,
    retired_at          datetime,
    offered_application_no varchar(32),
    offered_at          datetime
) ${tableOptions};

create unique index ux_rating_counter_device_token on rating_counter_device (token_hash);
create index ix_rating_counter_device_owner on rating_counter_device (owner_user, retired_at);
