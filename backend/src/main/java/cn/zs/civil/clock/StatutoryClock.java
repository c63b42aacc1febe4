package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Deadline arithmetic on the working-day calendar, for Java callers and for BPMN expressions such as
 * {@code ${clock.workingDaysAfter(receivedAt, 5)}} in a timer's {@code timeDate}.
 *
 * <p>Conventions (see the package documentation): the start day is never counted; results are Asia/Shanghai dates;
 * the {@link Date}-returning methods end at 23:59:59 Shanghai time on the last day. Methods returning a
 * {@link Deadline} or {@link WorkingDayCount} carry the calendar warnings; the plain methods, which BPMN uses, still
 * log and count a year without a schedule. No overloads of the same arity: the expression language picks a method by
 * name and argument count.
 */
@Component("clock")
public class StatutoryClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final WorkingDayCalendar calendar;

    StatutoryClock(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The n-th working day after {@code start} (ALL Art. 82; the start day is not counted), so 5 working days from a
     * Wednesday before an ordinary week end on the next Wednesday. For n = 0: {@code start} if it is a working day,
     * otherwise the next working day. The result is always a working day.
     *
     * @throws IllegalArgumentException if n is negative or more than ten years of days
     */
    public Deadline deadlineInWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        DayWalk walk = new DayWalk(calendar.snapshot());
        LocalDate date = walk.addWorkingDays(start, n);
        calendar.flagMissingYears(walk.missingYears(), "deadline of " + n + " working days from " + start);
        return new Deadline(date, walk.warnings(), basis(List.of(new Period(PeriodRule.WORKING_DAYS, n))));
    }

    /** {@link #deadlineInWorkingDays} without the warnings (they are logged and counted). */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return deadlineInWorkingDays(start, n).date();
    }

    /**
     * End of the working day (23:59:59 Asia/Shanghai) n working days after the Shanghai date of {@code instant}:
     * the {@code timeDate} of an ALL time-limit timer.
     */
    public Date workingDaysAfter(Date instant, int n) {
        Objects.requireNonNull(instant, "instant");
        return Date.from(endOfDay(addWorkingDays(dateOf(instant.toInstant()), n)));
    }

    /**
     * Civil Code Arts. 201/203: {@code start} plus n calendar days, the start day not counted; when that last day is
     * a rest day it ends as the reading configured for {@link PeriodRule#CALENDAR_DAYS} says (by default a weekend
     * day or holiday that is not an adjusted workday rolls to the first following working day: 30 days from
     * 2026-09-03 is 2026-10-03, in the National Day holiday, so the period ends on 2026-10-08).
     */
    public Deadline deadlineInCalendarDaysCivilCode(LocalDate start, int n) {
        return deadlineOfPeriods(start, List.of(new Period(PeriodRule.CALENDAR_DAYS, n)));
    }

    /**
     * The last day of statutory periods run one after another (each from the previous one's last day), each ended by
     * its own rule and configured reading of rest days; the answer names them in {@link Deadline#basis()}.
     */
    public Deadline deadlineOfPeriods(LocalDate start, List<Period> periods) {
        Objects.requireNonNull(start, "start");
        if (periods.isEmpty() || periods.size() > Period.MAX_PERIODS) {
            throw new IllegalArgumentException("1 to " + Period.MAX_PERIODS + " periods");
        }
        DayWalk walk = new DayWalk(calendar.snapshot());
        LocalDate date = walk.endOfPeriods(start, periods, 0, calendar.settings());
        calendar.flagMissingYears(walk.missingYears(), "end of " + periods + " from " + start);
        return new Deadline(date, walk.warnings(), basis(periods));
    }

    /** End of day (23:59:59 Asia/Shanghai) of one statutory period from the instant's Shanghai date. */
    public Date endOfPeriod(Date instant, PeriodRule rule, int days) {
        Objects.requireNonNull(instant, "instant");
        return Date.from(endOfDay(deadlineOfPeriods(dateOf(instant.toInstant()), List.of(new Period(rule, days)))
                .date()));
    }

    /** What produced the end of these periods: rule, length and reading of rest days, in words. */
    public List<PeriodBasis> basis(List<Period> periods) {
        return periods.stream().map(p -> PeriodBasis.of(p, calendar.settings().reading(p.rule()))).toList();
    }

    /** {@link #deadlineInCalendarDaysCivilCode} without the warnings (they are logged and counted). */
    public LocalDate addCalendarDaysCivilCode(LocalDate start, int n) {
        return deadlineInCalendarDaysCivilCode(start, n).date();
    }

    /** End of day (23:59:59 Asia/Shanghai) of the Civil Code period of n days from the instant's Shanghai date. */
    public Date calendarDaysAfterCivilCode(Date instant, int n) {
        Objects.requireNonNull(instant, "instant");
        return Date.from(endOfDay(addCalendarDaysCivilCode(dateOf(instant.toInstant()), n)));
    }

    /**
     * Working days after {@code from}'s Shanghai date up to and including {@code to}'s, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n} for every n >= 1 (and for n = 0 when d is a working
     * day). Two instants on the same date give 0; when {@code to} is earlier than {@code from} the result is the
     * negated count from {@code to} to {@code from}, so a deadline already passed gives a negative number.
     */
    public WorkingDayCount countWorkingDays(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        DayWalk walk = new DayWalk(calendar.snapshot());
        LocalDate fromDate = dateOf(from);
        LocalDate toDate = dateOf(to);
        int days = walk.workingDaysBetween(fromDate, toDate);
        calendar.flagMissingYears(walk.missingYears(), "working days from " + fromDate + " to " + toDate);
        return new WorkingDayCount(days, walk.warnings());
    }

    /** {@link #countWorkingDays} without the warnings (they are logged and counted). */
    public int workingDaysBetween(Instant from, Instant to) {
        return countWorkingDays(from, to).days();
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** The Asia/Shanghai date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** 23:59:59 Asia/Shanghai on the given day. */
    public static Instant endOfDay(LocalDate date) {
        return date.atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }
}
