-- Who holds a slot's places (AppointmentService's answer "full" at once, read once per slot and second per node).
create index ix_appt_booking_slot on appt_booking (slot_id);
