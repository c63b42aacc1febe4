package cn.zs.civil.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable view of all loaded schedules, cheap to query from a hot path: one array lookup per day.
 * Replaced as a whole when the schedules change, so a computation that holds one snapshot sees one consistent
 * calendar even while an administrator edits it.
 */
final class CalendarSnapshot {

    private final long version;
    // Indexed by day-of-year - 1; true means a rest day.
    private final Map<Integer, boolean[]> restDays;
    // Same index; true for a day of a published holiday that is not an adjusted workday.
    private final Map<Integer, boolean[]> holidays;

    private CalendarSnapshot(long version, Map<Integer, boolean[]> restDays, Map<Integer, boolean[]> holidays) {
        this.version = version;
        this.restDays = restDays;
        this.holidays = holidays;
    }

    static CalendarSnapshot of(long version, Collection<YearSchedule> schedules) {
        Map<Integer, boolean[]> byYear = new HashMap<>();
        Map<Integer, boolean[]> holidaysByYear = new HashMap<>();
        for (YearSchedule schedule : schedules) {
            LocalDate first = LocalDate.of(schedule.year(), 1, 1);
            boolean[] rest = new boolean[first.lengthOfYear()];
            boolean[] inHoliday = new boolean[first.lengthOfYear()];
            for (int i = 0; i < rest.length; i++) {
                rest[i] = isWeekend(first.plusDays(i));
            }
            for (Holiday holiday : schedule.holidays()) {
                for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
                    if (d.getYear() == schedule.year()) {
                        rest[d.getDayOfYear() - 1] = true;
                        inHoliday[d.getDayOfYear() - 1] = true;
                    }
                }
            }
            // Applied after the holidays: the published notice lists a working day explicitly, so it wins.
            for (LocalDate d : schedule.adjustedWorkdays()) {
                if (d.getYear() == schedule.year()) {
                    rest[d.getDayOfYear() - 1] = false;
                    inHoliday[d.getDayOfYear() - 1] = false;
                }
            }
            byYear.put(schedule.year(), rest);
            holidaysByYear.put(schedule.year(), inHoliday);
        }
        return new CalendarSnapshot(version, Map.copyOf(byYear), Map.copyOf(holidaysByYear));
    }

    long version() {
        return version;
    }

    boolean isScheduled(int year) {
        return restDays.containsKey(year);
    }

    Set<Integer> scheduledYears() {
        return new TreeSet<>(restDays.keySet());
    }

    /** Whether the day is a working day; for a year without a schedule, whether it is Monday to Friday. */
    boolean isWorkingDay(LocalDate day) {
        boolean[] rest = restDays.get(day.getYear());
        if (rest == null) {
            return !isWeekend(day);
        }
        return !rest[day.getDayOfYear() - 1];
    }

    /** Whether the day lies in a published public holiday; for a year without a schedule, never. */
    boolean isHoliday(LocalDate day) {
        boolean[] holiday = holidays.get(day.getYear());
        return holiday != null && holiday[day.getDayOfYear() - 1];
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
