package cn.zs.civil.clock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Day arithmetic over one calendar snapshot, remembering every unscheduled year it had to look at so that the
 * caller can attach the warning to its result and report it once.
 * Not thread-safe: one instance per computation.
 */
final class DayWalk {

    /** No statutory period is anywhere near ten years; a larger number is a bug upstream, not a deadline. */
    static final int MAX_DAYS = 3660;

    private final CalendarSnapshot calendar;
    private final SortedSet<Integer> missingYears = new TreeSet<>();

    DayWalk(CalendarSnapshot calendar) {
        this.calendar = calendar;
    }

    boolean isWorkingDay(LocalDate day) {
        if (!calendar.isScheduled(day.getYear())) {
            missingYears.add(day.getYear());
        }
        return calendar.isWorkingDay(day);
    }

    /** The n-th working day after start (start not counted); for n = 0, start itself or the next working day. */
    LocalDate addWorkingDays(LocalDate start, int n) {
        checkDays(n);
        if (n == 0) {
            return nextWorkingDayFrom(start);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Civil Code Arts. 201/203: start + n calendar days; a last day on a rest day ends as the reading says. */
    LocalDate addCalendarDays(LocalDate start, int n, RestDayReading reading) {
        checkDays(n);
        LocalDate last = start.plusDays(n);
        return switch (reading) {
            case WEEKENDS_AND_HOLIDAYS -> nextWorkingDayFrom(last);
            case HOLIDAYS_ONLY -> afterHoliday(last);
            case NO_ROLL -> last;
        };
    }

    /**
     * The last day of periods run one after another, each counted from the previous one's (rolled) last day;
     * {@code extraDays} (paused days) lengthen the last period.
     */
    LocalDate endOfPeriods(LocalDate start, List<Period> periods, int extraDays, ClockProperties settings) {
        LocalDate end = start;
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            int days = period.days() + (i == periods.size() - 1 ? extraDays : 0);
            end = period.rule().calendarDays() ? addCalendarDays(end, days, settings.reading(period.rule()))
                    : addWorkingDays(end, days);
        }
        return end;
    }

    private LocalDate afterHoliday(LocalDate day) {
        LocalDate d = day;
        isWorkingDay(d);
        while (calendar.isHoliday(d)) {
            d = d.plusDays(1);
            isWorkingDay(d);
        }
        return d;
    }

    LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; the negated count of the reverse span when
     * {@code to} is before {@code from}, and 0 for the same day.
     */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    static int calendarDaysBetween(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    SortedSet<Integer> missingYears() {
        return missingYears;
    }

    List<String> warnings() {
        return CalendarWarnings.yearsMissing(missingYears);
    }

    private static void checkDays(int n) {
        if (n < 0 || n > MAX_DAYS) {
            throw new IllegalArgumentException("number of days must be between 0 and " + MAX_DAYS + ": " + n);
        }
    }
}
