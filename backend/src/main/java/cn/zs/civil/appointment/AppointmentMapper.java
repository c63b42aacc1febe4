package cn.zs.civil.appointment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The appointment tables; every change of a counter (places, ticket numbers) is one conditional update. */
@Mapper
interface AppointmentMapper {

    record SlotRow(long id, String serviceCode, String office, LocalDate slotDay, String band, int capacity,
            int booked) {
    }

    record BookingRow(String bookingNo, long slotId, String serviceCode, String office, LocalDate slotDay,
            String band, String applicantId, String parties, String status, LocalDateTime bookedAt) {
    }

    record TicketRow(long id, String office, LocalDate ticketDay, String ticketNo, String serviceCode,
            String bookingNo, int priority, String status, LocalDateTime issuedAt, LocalDateTime calledAt,
            LocalDateTime endedAt, String counterNo, String calledBy, int calls) {
    }

    @Select("select id, service_code, office, slot_day, band, capacity, booked from appt_slot"
            + " where service_code = #{service} and office = #{office} and slot_day = #{day} and band = #{band}")
    SlotRow slot(@Param("service") String service, @Param("office") String office, @Param("day") LocalDate day,
            @Param("band") String band);

    @Select("select id, service_code, office, slot_day, band, capacity, booked from appt_slot"
            + " where service_code = #{service} and office = #{office} and slot_day between #{from} and #{to}")
    List<SlotRow> slots(@Param("service") String service, @Param("office") String office,
            @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Insert("insert into appt_slot (service_code, office, slot_day, band, capacity, booked)"
            + " values (#{service}, #{office}, #{day}, #{band}, #{capacity}, 0)")
    int insertSlot(@Param("service") String service, @Param("office") String office, @Param("day") LocalDate day,
            @Param("band") String band, @Param("capacity") int capacity);

    /** Takes one place if one is left: 1 row, or 0 when the slot is full. The whole overbooking guard. */
    @Update("update appt_slot set booked = booked + 1 where id = #{id} and booked < capacity")
    int take(long id);

    /** The places left, the slot's row locked until the commit: a batch of bookings takes them ({@link #takeMany}). */
    @Select("select capacity - booked from appt_slot where id = #{id} for update")
    Integer lockPlacesLeft(long id);

    /** Takes {@code n} places if as many are left: 1 row, or 0. The overbooking guard of a batch. */
    @Update("update appt_slot set booked = booked + #{n} where id = #{id} and booked + #{n} <= capacity")
    int takeMany(@Param("id") long id, @Param("n") int n);

    /** The slot's row, locked until the commit (a change of its places; the bookings' batches take the same lock). */
    @Select("select id, service_code, office, slot_day, band, capacity, booked from appt_slot where id = #{id} for update")
    SlotRow lockSlot(long id);

    /** Sets the places, never below those booked: 1 row, or 0. */
    @Update("update appt_slot set capacity = #{capacity} where id = #{id} and booked <= #{capacity}")
    int setCapacity(@Param("id") long id, @Param("capacity") int capacity);

    @Update("update appt_slot set booked = booked - 1 where id = #{id} and booked > 0")
    int giveBack(long id);

    @Insert("insert into appt_booking (booking_no, slot_id, service_code, office, slot_day, band, applicant_id,"
            + " person_day, parties, id_hash_a, id_hash_b, status, booked_at, changed_at) values (#{no}, #{slotId},"
            + " #{service}, #{office}, #{day}, #{band}, #{applicant}, #{personDay}, #{parties}, #{hashA}, #{hashB},"
            + " 'BOOKED', #{at}, #{at})")
    int insertBooking(@Param("no") String no, @Param("slotId") long slotId, @Param("service") String service,
            @Param("office") String office, @Param("day") LocalDate day, @Param("band") String band,
            @Param("applicant") String applicant, @Param("personDay") String personDay,
            @Param("parties") String parties, @Param("hashA") String hashA, @Param("hashB") String hashB,
            @Param("at") LocalDateTime at);

    String BOOKING = "select booking_no, slot_id, service_code, office, slot_day, band, applicant_id, parties, status,"
            + " booked_at from appt_booking ";

    @Select(BOOKING + "where person_day = #{personDay}")
    BookingRow byPersonDay(String personDay);

    /** Who holds a slot's places: their person-days (cleared on cancellation). */
    @Select("select person_day from appt_booking where slot_id = #{slotId} and person_day is not null")
    List<String> holders(long slotId);

    @Select(BOOKING + "where booking_no = #{no}")
    BookingRow booking(String no);

    record BookedParties(String idHashA, String idHashB) {
    }

    @Select("select id_hash_a, id_hash_b from appt_booking where booking_no = #{no}")
    BookedParties bookedParties(String no);

    @Select(BOOKING + "where applicant_id = #{applicant} and slot_day >= #{from} order by slot_day desc, booked_at desc"
            + " limit #{limit}")
    List<BookingRow> mine(@Param("applicant") String applicant, @Param("from") LocalDate from,
            @Param("limit") int limit);

    @Select(BOOKING + "where slot_day = #{day} and status = 'BOOKED' order by booking_no limit #{limit}")
    List<BookingRow> standingOn(@Param("day") LocalDate day, @Param("limit") int limit);

    @Select(BOOKING + "where slot_day = #{day} and office = #{office} and status = 'BOOKED'"
            + " and (id_hash_a = #{hash} or id_hash_b = #{hash})")
    List<BookingRow> byIdNumber(@Param("day") LocalDate day, @Param("office") String office,
            @Param("hash") String hash);

    /** The days of this person's no-shows since {@code from}: marked at the counter, or never came (day is past). */
    @Select("select slot_day from appt_booking where applicant_id = #{applicant} and slot_day >= #{from}"
            + " and (status = 'NO_SHOW' or (status = 'BOOKED' and slot_day < #{today}))")
    List<LocalDate> noShowDays(@Param("applicant") String applicant, @Param("from") LocalDate from,
            @Param("today") LocalDate today);

    /** Moves a booking on from one of the given states; 0 rows when it was not in one. */
    @Update("update appt_booking set status = #{to}, changed_at = #{at},"
            + " person_day = case when #{to} = 'CANCELLED' then null else person_day end"
            + " where booking_no = #{no} and status = #{from}")
    int move(@Param("no") String no, @Param("from") String from, @Param("to") String to,
            @Param("at") LocalDateTime at);

    // ---- the hall

    @Update("update appt_ticket_counter set last_no = last_no + 1 where office = #{office} and ticket_day = #{day}"
            + " and kind = #{kind}")
    int nextNumber(@Param("office") String office, @Param("day") LocalDate day, @Param("kind") String kind);

    @Insert("insert into appt_ticket_counter (office, ticket_day, kind, last_no) values (#{office}, #{day}, #{kind}, 0)")
    int firstNumber(@Param("office") String office, @Param("day") LocalDate day, @Param("kind") String kind);

    @Select("select last_no from appt_ticket_counter where office = #{office} and ticket_day = #{day} and kind = #{kind}")
    int lastNumber(@Param("office") String office, @Param("day") LocalDate day, @Param("kind") String kind);

    @Insert("insert into appt_ticket (office, ticket_day, ticket_no, service_code, booking_no, priority, status,"
            + " issued_at, calls) values (#{office}, #{day}, #{no}, #{service}, #{bookingNo}, #{priority}, 'WAITING',"
            + " #{at}, 0)")
    int insertTicket(@Param("office") String office, @Param("day") LocalDate day, @Param("no") String no,
            @Param("service") String service, @Param("bookingNo") String bookingNo, @Param("priority") int priority,
            @Param("at") LocalDateTime at);

    String TICKET = "select id, office, ticket_day, ticket_no, service_code, booking_no, priority, status, issued_at,"
            + " called_at, ended_at, counter_no, called_by, calls from appt_ticket ";

    @Select(TICKET + "where id = #{id}")
    TicketRow ticket(long id);

    @Select(TICKET + "where booking_no = #{bookingNo}")
    TicketRow ticketOfBooking(String bookingNo);

    /** The waiting tickets of the same queue called before this one (higher priority, or earlier at the same). */
    @Select("select count(*) from appt_ticket where office = #{t.office} and ticket_day = #{t.ticketDay}"
            + " and service_code = #{t.serviceCode} and status = 'WAITING' and id <> #{t.id}"
            + " and (priority < #{t.priority} or (priority = #{t.priority} and id < #{t.id}))")
    int ahead(@Param("t") TicketRow ticket);

    @Select(TICKET + "where office = #{office} and ticket_day = #{day} and ticket_no = #{no}")
    TicketRow ticketByNo(@Param("office") String office, @Param("day") LocalDate day, @Param("no") String no);

    @Select(TICKET + "where office = #{office} and ticket_day = #{day} and service_code = #{service}"
            + " and status = 'WAITING' order by priority, issued_at, id limit 1")
    TicketRow nextWaiting(@Param("office") String office, @Param("day") LocalDate day,
            @Param("service") String service);

    /** Calls a waiting ticket; 0 rows when another counter called it first. */
    @Update("update appt_ticket set status = 'CALLED', called_at = #{at}, counter_no = #{counter}, called_by = #{by},"
            + " calls = calls + 1 where id = #{id} and status = 'WAITING'")
    int call(@Param("id") long id, @Param("counter") String counter, @Param("by") String by,
            @Param("at") LocalDateTime at);

    @Update("update appt_ticket set called_at = #{at}, calls = calls + 1 where id = #{id} and status = 'CALLED'")
    int recall(@Param("id") long id, @Param("at") LocalDateTime at);

    @Update("update appt_ticket set status = #{to}, ended_at = #{at} where id = #{id} and status = 'CALLED'")
    int end(@Param("id") long id, @Param("to") String to, @Param("at") LocalDateTime at);

    @Select(TICKET + "where office = #{office} and ticket_day = #{day} and status = 'CALLED'"
            + " order by called_at desc, id desc limit #{limit}")
    List<TicketRow> called(@Param("office") String office, @Param("day") LocalDate day, @Param("limit") int limit);

    @Select(TICKET + "where office = #{office} and ticket_day = #{day} and status = 'CALLED' and called_by = #{by}"
            + " order by called_at desc")
    List<TicketRow> calledBy(@Param("office") String office, @Param("day") LocalDate day, @Param("by") String by);

    @Select(TICKET + "where ticket_day = #{day} order by id limit 20000")
    List<TicketRow> ticketsOf(LocalDate day);

    record WaitingRow(String serviceCode, long waiting) {
    }

    @Select("select service_code, count(*) as waiting from appt_ticket where office = #{office}"
            + " and ticket_day = #{day} and status = 'WAITING' group by service_code")
    List<WaitingRow> waiting(@Param("office") String office, @Param("day") LocalDate day);
}
