package cn.zs.civil.appointment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The booking rules as plain arithmetic over the configuration, the working-day calendar and the platform's time,
 * so that each is tested alone: which days are open, when a day is released, what a band holds on a day, until when
 * a booking may be cancelled, the no-show bar, and a ticket's priority in the hall.
 */
public final class AppointmentRules {

    /** Why a day cannot be booked (the problem's message key and its arguments come from here). */
    public enum Refusal {
        UNKNOWN_SERVICE, UNKNOWN_OFFICE, UNKNOWN_BAND, TOO_SOON, NOT_YET_RELEASED, TOO_FAR, CLOSED
    }

    /** A refusal with the moment or day it names (release moment, last bookable day), or none. */
    public record Verdict(Refusal refusal, LocalDateTime when) {
        static final Verdict OPEN = new Verdict(null, null);

        public boolean open() {
            return refusal == null;
        }
    }

    private final AppointmentProperties properties;
    private final Predicate<LocalDate> workingDay;

    public AppointmentRules(AppointmentProperties properties, Predicate<LocalDate> workingDay) {
        this.properties = properties;
        this.workingDay = workingDay;
    }

    public AppointmentProperties properties() {
        return properties;
    }

    public AppointmentProperties.Service service(String code) {
        return code == null ? null : properties.services().get(code);
    }

    /** The moment a day becomes bookable: the release time, maxDaysAhead days before it. */
    public LocalDateTime releaseOf(AppointmentProperties.Service service, LocalDate day) {
        return day.minusDays(service.maxDaysAhead()).atTime(service.releaseTime());
    }

    /** The special date a day is, if any. */
    public Optional<AppointmentProperties.SpecialDate> special(LocalDate day) {
        return properties.specialDates().stream().filter(s -> s.matches(day)).findFirst();
    }

    /** Open for appointments: a working day of the calendar, or a special date open on a rest day. */
    public boolean openDay(LocalDate day) {
        return workingDay.test(day) || special(day).map(AppointmentProperties.SpecialDate::openOnRestDay).orElse(false);
    }

    /** Whether the day may be booked now, and if not why (with the moment it opens, or the last day bookable). */
    public Verdict bookable(AppointmentProperties.Service service, LocalDate day, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        long ahead = ChronoUnit.DAYS.between(today, day);
        if (ahead < service.minDaysAhead()) {
            return new Verdict(Refusal.TOO_SOON, today.plusDays(service.minDaysAhead()).atStartOfDay());
        }
        if (!openDay(day)) {
            return new Verdict(Refusal.CLOSED, day.atStartOfDay());
        }
        LocalDateTime release = releaseOf(service, day);
        if (now.isBefore(release)) {
            return new Verdict(ahead > service.maxDaysAhead() ? Refusal.TOO_FAR : Refusal.NOT_YET_RELEASED, release);
        }
        return Verdict.OPEN;
    }

    /** The places of a band on a day: its ordinary capacity plus a special date's extra. */
    public int capacity(AppointmentProperties.Band band, LocalDate day) {
        return band.capacity() + special(day).map(AppointmentProperties.SpecialDate::extra).orElse(0);
    }

    /** The last day a booking for {@code day} may be cancelled on. */
    public LocalDate lastCancelDay(AppointmentProperties.Service service, LocalDate day) {
        return day.minusDays(service.cancelDaysBefore());
    }

    public boolean cancellable(AppointmentProperties.Service service, LocalDate day, LocalDate today) {
        return !today.isAfter(lastCancelDay(service, day));
    }

    /**
     * The last day of the booking bar that the given no-shows put on a person, if it still runs on {@code today}:
     * {@code count} no-shows within {@code withinDays} (the later one counting as the day of the missed
     * appointment) bar booking for {@code barDays} after it.
     */
    public Optional<LocalDate> barredUntil(Collection<LocalDate> noShowDays, LocalDate today) {
        AppointmentProperties.NoShow rule = properties.noShow();
        if (rule.count() <= 0) {
            return Optional.empty();
        }
        List<LocalDate> days = new ArrayList<>(noShowDays);
        days.sort(null);
        LocalDate until = null;
        for (LocalDate last : days) {
            long within = days.stream()
                    .filter(d -> !d.isAfter(last) && d.isAfter(last.minusDays(rule.withinDays()))).count();
            if (within >= rule.count()) {
                LocalDate end = last.plusDays(rule.barDays());
                until = until == null || end.isAfter(until) ? end : until;
            }
        }
        return until != null && !today.isAfter(until) ? Optional.of(until) : Optional.empty();
    }

    /** Priority of a ticket: 1 an appointment checked in on its day around its band (called first), 2 others. */
    public int priority(AppointmentProperties.Band band, LocalDate bookedDay, LocalDateTime checkedIn) {
        AppointmentProperties.Hall hall = properties.hall();
        if (!hall.appointmentsFirst() || band == null || !bookedDay.equals(checkedIn.toLocalDate())) {
            return 2;
        }
        LocalDateTime from = bookedDay.atTime(band.from()).minusMinutes(hall.earlyMinutes());
        LocalDateTime to = bookedDay.atTime(band.to()).plusMinutes(hall.lateMinutes());
        return checkedIn.isBefore(from) || checkedIn.isAfter(to) ? 2 : 1;
    }

    /** The special dates of the coming {@code announceDays} (from today), to announce them before they open. */
    public List<LocalDate> announced(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= properties.announceDays(); i++) {
            LocalDate d = today.plusDays(i);
            if (special(d).isPresent()) {
                days.add(d);
            }
        }
        return days;
    }
}
