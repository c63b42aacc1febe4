package cn.zs.civil.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.zs.civil.clock.StatutoryClock;

/**
 * Working days between two dates in O(1), for reports that measure a hundred thousand cases at once: the calendar is
 * asked once per day of the span, and each day keeps the number of working days up to and including it. Counts
 * follow {@link StatutoryClock#workingDaysBetween}: the working days after {@code from} up to and including
 * {@code to}, negative when {@code to} is earlier.
 */
final class WorkingDayIndex {

    private final LocalDate first;
    private final int[] upTo;

    private WorkingDayIndex(LocalDate first, int[] upTo) {
        this.first = first;
        this.upTo = upTo;
    }

    static WorkingDayIndex of(StatutoryClock clock, LocalDate first, LocalDate last) {
        int days = Math.toIntExact(ChronoUnit.DAYS.between(first, last)) + 1;
        int[] upTo = new int[Math.max(days, 1)];
        int count = 0;
        for (int i = 0; i < days; i++) {
            if (clock.isWorkingDay(first.plusDays(i))) {
                count++;
            }
            upTo[i] = count;
        }
        return new WorkingDayIndex(first, upTo);
    }

    int between(LocalDate from, LocalDate to) {
        return at(to) - at(from);
    }

    private int at(LocalDate day) {
        long i = ChronoUnit.DAYS.between(first, day);
        if (i < 0 || i >= upTo.length) {
            throw new IllegalArgumentException(day + " is outside the indexed span from " + first);
        }
        return upTo[(int) i];
    }
}
