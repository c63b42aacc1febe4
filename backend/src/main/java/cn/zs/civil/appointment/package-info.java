/**
 * Appointments (预约) for the counter services and the hall's tickets (叫号): slots per registry office, day and time
 * band with a capacity, released daily and bookable a configured number of days ahead; cancellation; the no-show
 * rule; special dates with extra capacity; check-in at the hall for a booking or a walk-in, the counters' calls,
 * the public hall display and the day's figures. Owns {@code appt_slot}, {@code appt_booking}, {@code appt_ticket}
 * and {@code appt_ticket_counter}. Uses the floor (clock, protection, identity, web) and the catalogue; it depends
 * on no service module, and the marriage module asks it at the counter whether a booking stands for the parties
 * who appear ({@link cn.zs.civil.appointment.AppointmentService#appearance}).
 */
package cn.zs.civil.appointment;
