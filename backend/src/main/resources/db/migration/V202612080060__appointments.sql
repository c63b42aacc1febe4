-- Appointments (预约) for the counter services and the hall's tickets (叫号), module `appointment` (issue 19).
--
-- One row per bookable slot: a service at a registry office on a day in a time band. `booked` only grows by a
-- conditional update (booked < capacity) in the booking's own short transaction, so no slot is ever overbooked;
-- a cancellation gives the place back the same way. Rows are made when a day is first looked at or booked.
create table appt_slot (
    id            bigint       not null auto_increment,
    service_code  varchar(64)  not null,
    office        varchar(32)  not null,
    slot_day      date         not null,
    band          varchar(16)  not null,
    capacity      int          not null,
    booked        int          not null,
    primary key (id),
    constraint uq_appt_slot unique (service_code, office, slot_day, band)
) ${tableOptions};

-- A booking. `person_day` is "applicant|service|day" while the booking stands (booked, checked in, served, no-show)
-- and null once cancelled: its unique key allows one standing booking per person, service and day, so a retried or
-- doubled request cannot book twice. The parties' names, ID numbers and phones are sealed (protection.DataCipher),
-- their ID numbers also kept as keyed hashes, to find a booking by an ID number at the hall.
create table appt_booking (
    booking_no    varchar(20)  not null,
    slot_id       bigint       not null,
    service_code  varchar(64)  not null,
    office        varchar(32)  not null,
    slot_day      date         not null,
    band          varchar(16)  not null,
    applicant_id  varchar(64)  not null,
    person_day    varchar(160),
    parties       varchar(2000) not null,
    id_hash_a     varchar(64)  not null,
    id_hash_b     varchar(64),
    status        varchar(16)  not null,
    booked_at     datetime     not null,
    changed_at    datetime     not null,
    primary key (booking_no),
    constraint uq_appt_person_day unique (person_day)
) ${tableOptions};
create index ix_appt_booking_applicant on appt_booking (applicant_id, slot_day);
create index ix_appt_booking_id_a on appt_booking (id_hash_a, slot_day);
create index ix_appt_booking_id_b on appt_booking (id_hash_b, slot_day);

-- A ticket of the hall: issued at check-in (for a booking or a walk-in), called by a counter, then served or a
-- no-show. Numbered per office, day and kind (A001 appointments, B001 walk-ins) from appt_ticket_counter.
create table appt_ticket (
    id            bigint       not null auto_increment,
    office        varchar(32)  not null,
    ticket_day    date         not null,
    ticket_no     varchar(8)   not null,
    service_code  varchar(64)  not null,
    booking_no    varchar(20),
    priority      int          not null,
    status        varchar(16)  not null,
    issued_at     datetime     not null,
    called_at     datetime,
    ended_at      datetime,
    counter_no    varchar(8),
    called_by     varchar(64),
    calls         int          not null,
    primary key (id),
    constraint uq_appt_ticket unique (office, ticket_day, ticket_no),
    constraint uq_appt_ticket_booking unique (booking_no)
) ${tableOptions};
create index ix_appt_ticket_queue on appt_ticket (office, ticket_day, service_code, status);

create table appt_ticket_counter (
    office        varchar(32)  not null,
    ticket_day    date         not null,
    kind          varchar(1)   not null,
    last_no       int          not null,
    primary key (office, ticket_day, kind)
) ${tableOptions};
