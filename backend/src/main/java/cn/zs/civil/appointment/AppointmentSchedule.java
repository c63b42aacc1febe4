package cn.zs.civil.appointment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * A registry office's places per day and band, as its chief sees and changes them: a registrar away closes a band
 * (0 places), a busy day gets more. The slot's row ({@code appt_slot}) is the one owner of a band's places: a day not
 * yet released, or never looked at, gets its row here with the configured places and then the chief's number, and
 * the release only opens the row it finds (the booking reads the row, never the configuration, once it exists). The
 * change takes the row's lock, as a batch of bookings does, so a change and a burst cannot overbook; it is refused
 * below the places already booked and leaves the bookings alone. Each change goes into the audit log with its reason.
 */
@Service
public class AppointmentSchedule {

    static final int REASON_MAX = 200;
    /** The longest range one schedule request lists. */
    static final int RANGE_MAX_DAYS = 62;
    /** How far ahead a day's places may be set. */
    static final int AHEAD_MAX_DAYS = 366;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A band of a day: its places (planned: what the configuration gives it), booked, free. */
    public record BandPlaces(String band, String from, String to, int capacity, int planned, int booked, int free) {
    }

    /** A day the office takes appointments on: whether it is released yet (and when it is), whether it may change. */
    public record DayPlaces(LocalDate day, String special, boolean released, String opensAt, boolean editable,
            List<BandPlaces> bands) {
    }

    public record Schedule(String service, String serviceName, String office, String officeName, LocalDate from,
            LocalDate to, int maxPlaces, List<DayPlaces> days) {
    }

    /** The body of a change: one office, service, day and band, its new number of places, and why. */
    public record CapacityChange(String service, String office, String day, String band, Object capacity,
            String reason) {
    }

    /** The band after the change, and what it had before. */
    public record CapacityChanged(String service, String office, LocalDate day, String band, int before,
            BandPlaces places) {
    }

    private final AppointmentService appointments;
    private final AppointmentMapper mapper;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final AuditLog audit;

    AppointmentSchedule(AppointmentService appointments, AppointmentMapper mapper, TransactionTemplate tx,
            MessageSource messages, AuditLog audit) {
        this.appointments = appointments;
        this.mapper = mapper;
        this.tx = tx;
        this.messages = messages;
        this.audit = audit;
    }

    private AppointmentRules rules() {
        return appointments.rules();
    }

    /** The open days from {@code from} to {@code to} (default: today and the next 30 days) with each band's places. */
    public Schedule schedule(PlatformUser chief, String serviceCode, String officeCode, String fromText,
            String toText, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        AppointmentProperties.Service service = rules().service(serviceCode);
        if (service == null) {
            problems.add(problem(locale, "service", "appointment.field.service", "appointment.unknownService"));
        }
        AppointmentProperties.Office office = officeCode == null ? null : rules().properties().office(officeCode);
        if (office == null) {
            problems.add(problem(locale, "office", "appointment.field.office", "appointment.unknownOffice"));
        }
        LocalDateTime now = BusinessTime.now();
        LocalDate today = now.toLocalDate();
        LocalDate from = blank(fromText) ? today : AppointmentService.parseDay(fromText.strip());
        if (from == null) {
            problems.add(problem(locale, "from", "appointment.field.from", "appointment.badDay"));
        }
        LocalDate to = blank(toText) ? (from == null ? null : from.plusDays(rules().properties().announceDays()))
                : AppointmentService.parseDay(toText.strip());
        if (to == null && !blank(toText)) {
            problems.add(problem(locale, "to", "appointment.field.to", "appointment.badDay"));
        }
        if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > RANGE_MAX_DAYS)) {
            problems.add(problem(locale, "to", "appointment.field.to", "appointment.capacity.badRange",
                    RANGE_MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        mayManage(chief, office);
        Map<String, AppointmentMapper.SlotRow> rows = new HashMap<>();
        for (AppointmentMapper.SlotRow r : mapper.slots(serviceCode, office.code(), from, to)) {
            rows.put(r.slotDay() + "|" + r.band(), r);
        }
        boolean en = AppointmentService.english(locale);
        List<DayPlaces> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!rules().openDay(d)) {
                continue;
            }
            LocalDate day = d;
            List<BandPlaces> bands = service.bands().stream()
                    .map(b -> places(b, day, rows.get(day + "|" + b.code()))).toList();
            LocalDateTime release = rules().releaseOf(service, d);
            boolean released = !now.isBefore(release);
            days.add(new DayPlaces(d, rules().special(d).map(s -> s.name(en)).orElse(null), released,
                    released ? null : release.format(MOMENT), !d.isBefore(today), bands));
        }
        return new Schedule(serviceCode, appointments.serviceName(serviceCode, locale), office.code(),
                office.name(en), from, to, rules().properties().maxPlaces(), days);
    }

    /**
     * Sets a band's places for one day at one office. Checked field by field first (a known service, office, band; a
     * day today or later, within a year, the office open; 0 to {@code max-places}; a reason); then, under the slot
     * row's lock, not fewer than the places already booked. The node's gate of the slot is dropped after the commit,
     * so the next booking reads the new number.
     */
    public CapacityChanged setCapacity(PlatformUser chief, CapacityChange change, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        AppointmentProperties.Service service = change == null ? null : rules().service(change.service());
        if (service == null) {
            problems.add(problem(locale, "service", "appointment.field.service", "appointment.unknownService"));
        }
        AppointmentProperties.Office office = change == null || change.office() == null ? null
                : rules().properties().office(change.office());
        if (office == null) {
            problems.add(problem(locale, "office", "appointment.field.office", "appointment.unknownOffice"));
        }
        AppointmentProperties.Band band = service == null || change.band() == null ? null
                : service.band(change.band());
        if (service != null && band == null) {
            problems.add(problem(locale, "band", "appointment.field.band", "appointment.unknownBand"));
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        LocalDate day = AppointmentService.parseDay(change == null ? null : change.day());
        if (day == null) {
            problems.add(problem(locale, "day", "appointment.field.day", "appointment.badDay"));
        } else if (day.isBefore(today)) {
            problems.add(problem(locale, "day", "appointment.field.day", "appointment.capacity.pastDay",
                    today.toString()));
        } else if (day.isAfter(today.plusDays(AHEAD_MAX_DAYS))) {
            problems.add(problem(locale, "day", "appointment.field.day", "appointment.capacity.tooFar",
                    today.plusDays(AHEAD_MAX_DAYS).toString()));
        } else if (!rules().openDay(day)) {
            problems.add(problem(locale, "day", "appointment.field.day", "appointment.capacity.closedDay",
                    day.toString()));
        }
        int max = rules().properties().maxPlaces();
        Integer capacity = places(change == null ? null : change.capacity(), max);
        if (capacity == null) {
            problems.add(problem(locale, "capacity", "appointment.field.capacity", "appointment.capacity.outOfRange",
                    max));
        }
        String reason = change == null || change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty() || reason.length() > REASON_MAX
                || reason.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.add(problem(locale, "reason", "appointment.field.reason", "appointment.capacity.badReason",
                    REASON_MAX));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        mayManage(chief, office);
        AppointmentMapper.SlotRow slot = appointments.slotFor(change.service(), office.code(), day, band);
        int before = tx.execute(status -> {
            // The row's lock, as a batch of bookings takes it: no booking commits between this read and the update.
            AppointmentMapper.SlotRow locked = mapper.lockSlot(slot.id());
            if (capacity < locked.booked()) {
                throw ApiException.invalid(List.of(problem(locale, "capacity", "appointment.field.capacity",
                        "appointment.capacity.belowBooked", locked.booked())));
            }
            if (mapper.setCapacity(slot.id(), capacity) != 1) {
                throw new IllegalStateException("the slot's bookings changed under its lock");
            }
            Map<String, Object> was = new LinkedHashMap<>();
            was.put("capacity", locked.capacity());
            was.put("booked", locked.booked());
            Map<String, Object> now = new LinkedHashMap<>();
            now.put("capacity", capacity);
            now.put("reason", reason);
            audit.byUser(chief.id(), chief.roles(), "appointment.capacity.set", "appt_slot/" + change.service() + "/"
                    + office.code() + "/" + day + "/" + band.code(), "OK", was, now);
            return locked.capacity();
        });
        // After the commit: a gate opened from now on reads the new number.
        appointments.forgetGate(SlotGates.key(change.service(), office.code(), day, band.code()));
        return new CapacityChanged(change.service(), office.code(), day, band.code(), before,
                places(band, day, mapper.slot(change.service(), office.code(), day, band.code())));
    }

    private BandPlaces places(AppointmentProperties.Band band, LocalDate day, AppointmentMapper.SlotRow row) {
        int planned = rules().capacity(band, day);
        int capacity = row == null ? planned : row.capacity();
        int booked = row == null ? 0 : row.booked();
        return new BandPlaces(band.code(), band.start(), band.end(), capacity, planned, booked,
                Math.max(0, capacity - booked));
    }

    /** A whole number 0..max, given as a JSON number or a string of digits; null otherwise. */
    static Integer places(Object value, int max) {
        long n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            n = ((Number) value).longValue();
        } else if (value instanceof String s && s.strip().matches("\\d{1,9}")) {
            n = Long.parseLong(s.strip());
        } else {
            return null;
        }
        return n < 0 || n > max ? null : (int) n;
    }

    /** A chief manages the offices of their districts (all of them with the whole city). */
    private static void mayManage(PlatformUser chief, AppointmentProperties.Office office) {
        if (office.district() != null && !chief.seesDistrict(office.district())) {
            throw ApiException.forbidden("appointment.capacity.otherDistrict");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private FieldProblem problem(Locale locale, String field, String labelKey, String code, Object... args) {
        return FieldProblems.of(messages, locale, field, labelKey, code, args);
    }
}
