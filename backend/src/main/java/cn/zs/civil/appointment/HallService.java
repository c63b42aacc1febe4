package cn.zs.civil.appointment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.problem.ApiException;

/**
 * The hall (叫号): check-in issues a ticket (an appointment of today at this office, found by its booking number or
 * an ID number of either party, or a walk-in), a counter calls the next ticket of its service (appointments in their
 * band before walk-ins, then in the order of arrival), recalls it, marks a no-show (which counts for the booking's
 * no-show rule) or serves it. The public display shows ticket numbers and counters only.
 */
@Service
public class HallService {

    static final int DISPLAY_CALLED = 8;
    static final int COUNTER_MAX = 8;

    public record TicketView(long id, String ticketNo, String service, String serviceName, String office,
            String officeName, String bookingNo, String band, String from, String to, String status, String counter,
            LocalDateTime issuedAt, LocalDateTime calledAt, int calls, int waitingAhead) {
    }

    /** A called ticket with what the counter's form takes from the booking (nothing for a walk-in). */
    public record Called(TicketView ticket, Map<String, Object> prefill) {
    }

    public record DisplayTicket(String ticketNo, String counter, String serviceName, LocalDateTime calledAt) {
    }

    public record DisplayWaiting(String serviceName, long waiting) {
    }

    public record Display(String officeName, LocalDate day, String time, List<DisplayTicket> called,
            List<DisplayWaiting> waiting) {
    }

    public record ServiceFigures(String service, String serviceName, int tickets, int appointments, int walkIns,
            int served, int noShows, int waiting, Double waitP50Minutes, Double waitP95Minutes) {
    }

    public record DayFigures(LocalDate day, List<ServiceFigures> services) {
    }

    private final AppointmentMapper mapper;
    private final AppointmentService appointments;
    private final ServiceCatalogue catalogue;
    private final TransactionTemplate tx;

    HallService(AppointmentMapper mapper, AppointmentService appointments, ServiceCatalogue catalogue,
            TransactionTemplate tx) {
        this.mapper = mapper;
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.tx = tx;
    }

    private AppointmentRules rules() {
        return appointments.rules();
    }

    private AppointmentProperties.Office office(String code) {
        AppointmentProperties.Office office = code == null ? null : rules().properties().office(code);
        if (office == null) {
            throw ApiException.notFound("appointment.unknownOffice");
        }
        return office;
    }

    /** Staff who may work the counter of a service: its starters at the counter (catalogue), e.g. the registrars. */
    void checkCounter(PlatformUser user, String service) {
        ServiceCatalogue.ServiceDefinition definition = service == null ? null
                : catalogue.find(service).orElse(null);
        if (definition == null || rules().service(service) == null) {
            throw ApiException.notFound("appointment.unknownService");
        }
        boolean role = definition.starterRoles().stream().anyMatch(user::hasRole) && user.isStaff();
        boolean group = definition.starterGroups().isEmpty() || user.inAnyGroup(definition.starterGroups());
        if (!role || !group) {
            throw ApiException.forbidden("hall.notYourCounter");
        }
    }

    // ---- check-in

    /**
     * Issues a ticket for today's booking at this office named by {@code reference} (booking number or an ID number
     * of either party). Checking in twice returns the same ticket.
     */
    public TicketView checkIn(String officeCode, String reference, Locale locale) {
        AppointmentProperties.Office office = office(officeCode);
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        if (ref.isEmpty() || ref.length() > 20) {
            throw AppointmentService.badRequest("hall.badReference");
        }
        LocalDateTime now = BusinessTime.now();
        LocalDate today = now.toLocalDate();
        AppointmentMapper.BookingRow booking;
        if (IdNumbers.valid(ref)) {
            List<AppointmentMapper.BookingRow> found = mapper.byIdNumber(today, office.code(), appointments.idHash(ref));
            if (found.size() > 1) {
                throw ApiException.conflict("hall.severalBookings", found.size());
            }
            booking = found.isEmpty() ? null : found.get(0);
        } else {
            booking = mapper.booking(ref);
        }
        if (booking == null) {
            throw ApiException.notFound("hall.noBooking");
        }
        if (!booking.slotDay().equals(today)) {
            throw ApiException.conflict("hall.otherDay", booking.slotDay().toString());
        }
        if (!booking.office().equals(office.code())) {
            throw ApiException.conflict("hall.otherOffice", appointments.officeName(booking.office(), locale));
        }
        if ("CHECKED_IN".equals(booking.status()) || "SERVED".equals(booking.status())
                || "NO_SHOW".equals(booking.status())) {
            AppointmentMapper.TicketRow existing = mapper.ticketOfBooking(booking.bookingNo());
            if (existing != null) {
                return view(existing, locale);
            }
        }
        if (!"BOOKED".equals(booking.status())) {
            throw ApiException.conflict("hall.bookingNotOpen");
        }
        AppointmentProperties.Service service = rules().service(booking.serviceCode());
        int priority = rules().priority(service == null ? null : service.band(booking.band()), booking.slotDay(), now);
        long id = tx.execute(status -> {
            if (mapper.move(booking.bookingNo(), "BOOKED", "CHECKED_IN", now) == 0) {
                throw ApiException.conflict("hall.bookingNotOpen");
            }
            String no = "A" + String.format("%03d", next(office.code(), today, "A"));
            mapper.insertTicket(office.code(), today, no, booking.serviceCode(), booking.bookingNo(), priority, now);
            return mapper.ticketByNo(office.code(), today, no).id();
        });
        return view(mapper.ticket(id), locale);
    }

    /** A ticket for someone without an appointment. */
    public TicketView walkIn(String officeCode, String service, Locale locale) {
        AppointmentProperties.Office office = office(officeCode);
        if (service == null || rules().service(service) == null) {
            throw ApiException.notFound("appointment.unknownService");
        }
        LocalDateTime now = BusinessTime.now();
        LocalDate today = now.toLocalDate();
        long id = tx.execute(status -> {
            String no = "B" + String.format("%03d", next(office.code(), today, "B"));
            mapper.insertTicket(office.code(), today, no, service, null, 2, now);
            return mapper.ticketByNo(office.code(), today, no).id();
        });
        return view(mapper.ticket(id), locale);
    }

    /** The next number of a kind of ticket, in the caller's transaction (the counter row stays locked until it ends). */
    private int next(String office, LocalDate day, String kind) {
        if (mapper.nextNumber(office, day, kind) == 0) {
            try {
                mapper.firstNumber(office, day, kind);
            } catch (DuplicateKeyException madeByAnother) {
                // another check-in made the day's row first
            }
            mapper.nextNumber(office, day, kind);
        }
        return mapper.lastNumber(office, day, kind);
    }

    // ---- the counter

    public Called callNext(PlatformUser user, String officeCode, String service, String counter, Locale locale) {
        AppointmentProperties.Office office = office(officeCode);
        checkCounter(user, service);
        String counterNo = checkCounterNo(counter);
        LocalDateTime now = BusinessTime.now();
        LocalDate today = now.toLocalDate();
        for (int attempt = 0; attempt < 20; attempt++) {
            AppointmentMapper.TicketRow next = mapper.nextWaiting(office.code(), today, service);
            if (next == null) {
                throw ApiException.conflict("hall.nobodyWaiting");
            }
            if (mapper.call(next.id(), counterNo, user.id(), now) == 1) {
                return called(mapper.ticket(next.id()), locale);
            }
        }
        throw ApiException.conflict("hall.busy").retryAfter(1);
    }

    static String checkCounterNo(String counter) {
        String c = counter == null ? "" : counter.strip();
        if (!c.matches("[0-9A-Za-z]{1," + COUNTER_MAX + "}")) {
            throw AppointmentService.badRequest("hall.badCounter");
        }
        return c;
    }

    public Called recall(PlatformUser user, String ticketId, Locale locale) {
        AppointmentMapper.TicketRow t = mine(user, ticketId);
        if (mapper.recall(t.id(), BusinessTime.now()) == 0) {
            throw ApiException.conflict("hall.notCalled");
        }
        return called(mapper.ticket(t.id()), locale);
    }

    /** The called ticket's people did not come: the ticket ends, and a booking counts as a no-show. */
    public TicketView noShow(PlatformUser user, String ticketId, Locale locale) {
        return end(user, ticketId, "NO_SHOW", locale);
    }

    public TicketView served(PlatformUser user, String ticketId, Locale locale) {
        return end(user, ticketId, "SERVED", locale);
    }

    private TicketView end(PlatformUser user, String ticketId, String to, Locale locale) {
        AppointmentMapper.TicketRow t = mine(user, ticketId);
        LocalDateTime now = BusinessTime.now();
        tx.executeWithoutResult(status -> {
            if (mapper.end(t.id(), to, now) == 0) {
                throw ApiException.conflict("hall.notCalled");
            }
            if (t.bookingNo() != null) {
                mapper.move(t.bookingNo(), "CHECKED_IN", to, now);
            }
        });
        return view(mapper.ticket(t.id()), locale);
    }

    /** The tickets this member of staff has called and not yet ended today (a reload of the counter page). */
    public List<Called> myCalls(PlatformUser user, String officeCode, Locale locale) {
        AppointmentProperties.Office office = office(officeCode);
        return mapper.calledBy(office.code(), BusinessTime.now().toLocalDate(), user.id()).stream()
                .map(t -> called(t, locale)).toList();
    }

    private AppointmentMapper.TicketRow mine(PlatformUser user, String ticketId) {
        AppointmentMapper.TicketRow t = ticketId == null || !ticketId.matches("\\d{1,18}") ? null
                : mapper.ticket(Long.parseLong(ticketId));
        if (t == null) {
            throw ApiException.notFound("hall.noTicket");
        }
        checkCounter(user, t.serviceCode());
        if (t.calledBy() != null && !t.calledBy().equals(user.id())) {
            throw ApiException.conflict("hall.otherCounter", t.counterNo());
        }
        return t;
    }

    private Called called(AppointmentMapper.TicketRow t, Locale locale) {
        Map<String, Object> prefill = new LinkedHashMap<>();
        AppointmentProperties.Office office = rules().properties().office(t.office());
        if (office != null && office.district() != null) {
            prefill.put("district", office.district());
        }
        if (t.bookingNo() != null) {
            AppointmentMapper.BookingRow booking = mapper.booking(t.bookingNo());
            prefill.put("appointmentNo", booking.bookingNo());
            Map<String, AppointmentService.Party> parties = appointments.parties(booking);
            put(prefill, "partyA", parties.get("a"));
            put(prefill, "partyB", parties.get("b"));
        }
        return new Called(view(t, locale), prefill);
    }

    private static void put(Map<String, Object> prefill, String prefix, AppointmentService.Party party) {
        if (party == null) {
            return;
        }
        prefill.put(prefix + "Name", party.name());
        prefill.put(prefix + "IdNumber", party.idNumber());
        if (party.phone() != null) {
            prefill.put(prefix + "Phone", party.phone());
        }
    }

    TicketView view(AppointmentMapper.TicketRow t, Locale locale) {
        String band = null;
        String from = null;
        String to = null;
        if (t.bookingNo() != null) {
            AppointmentMapper.BookingRow booking = mapper.booking(t.bookingNo());
            AppointmentProperties.Service service = rules().service(t.serviceCode());
            AppointmentProperties.Band b = service == null ? null : service.band(booking.band());
            band = booking.band();
            from = b == null ? null : b.start();
            to = b == null ? null : b.end();
        }
        int ahead = "WAITING".equals(t.status()) ? mapper.ahead(t) : 0;
        return new TicketView(t.id(), t.ticketNo(), t.serviceCode(), appointments.serviceName(t.serviceCode(), locale),
                t.office(), appointments.officeName(t.office(), locale), t.bookingNo(), band, from, to, t.status(),
                t.counterNo(), t.issuedAt(), t.calledAt(), t.calls(), ahead);
    }

    // ---- the display and the day's figures

    public Display display(String officeCode, Locale locale) {
        AppointmentProperties.Office office = office(officeCode);
        LocalDateTime now = BusinessTime.now();
        LocalDate today = now.toLocalDate();
        List<DisplayTicket> called = mapper.called(office.code(), today, DISPLAY_CALLED).stream()
                .map(t -> new DisplayTicket(t.ticketNo(), t.counterNo(), appointments.serviceName(t.serviceCode(),
                        locale), t.calledAt()))
                .toList();
        Map<String, Long> waiting = new LinkedHashMap<>();
        appointments.serviceCodes().forEach(s -> waiting.put(s, 0L));
        mapper.waiting(office.code(), today).forEach(w -> waiting.put(w.serviceCode(), w.waiting()));
        return new Display(office.name(AppointmentService.english(locale)), today,
                now.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")), called, waiting.entrySet().stream()
                .map(e -> new DisplayWaiting(appointments.serviceName(e.getKey(), locale), e.getValue())).toList());
    }

    public DayFigures figures(LocalDate day, Locale locale) {
        LocalDate on = day == null ? BusinessTime.now().toLocalDate() : day;
        Map<String, List<AppointmentMapper.TicketRow>> byService = new LinkedHashMap<>();
        appointments.serviceCodes().forEach(s -> byService.put(s, new ArrayList<>()));
        mapper.ticketsOf(on).forEach(t -> byService.computeIfAbsent(t.serviceCode(), k -> new ArrayList<>()).add(t));
        List<ServiceFigures> services = byService.entrySet().stream().map(e -> {
            List<AppointmentMapper.TicketRow> ts = e.getValue();
            List<Double> waits = ts.stream().filter(t -> t.calledAt() != null)
                    .map(t -> Duration.between(t.issuedAt(), t.calledAt()).getSeconds() / 60.0).sorted().toList();
            return new ServiceFigures(e.getKey(), appointments.serviceName(e.getKey(), locale), ts.size(),
                    (int) ts.stream().filter(t -> t.bookingNo() != null).count(),
                    (int) ts.stream().filter(t -> t.bookingNo() == null).count(),
                    count(ts, "SERVED"), count(ts, "NO_SHOW"), count(ts, "WAITING"),
                    percentile(waits, 50), percentile(waits, 95));
        }).toList();
        return new DayFigures(on, services);
    }

    private static int count(List<AppointmentMapper.TicketRow> ts, String status) {
        return (int) ts.stream().filter(t -> status.equals(t.status())).count();
    }

    /** Nearest-rank percentile of sorted values, rounded to a tenth; null for none. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        double v = sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        return Math.round(v * 10) / 10.0;
    }
}
