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

    private final StatutoryClock clock;
    private final LocalDate first;
    private final int[] upTo;

    private WorkingDayIndex(StatutoryClock clock, LocalDate first, int[] upTo) {
        this.clock = clock;
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
        return new WorkingDayIndex(clock, first, upTo);
    }

    int between(LocalDate from, LocalDate to) {
        if (!covers(from) || !covers(to)) {
            return clock.workingDaysBetween(from.atStartOfDay(StatutoryClock.ZONE).toInstant(),
                    to.atStartOfDay(StatutoryClock.ZONE).toInstant());
        }
        return at(to) - at(from);
    }

    private boolean covers(LocalDate day) {
        long i = ChronoUnit.DAYS.between(first, day);
        return i >= 0 && i < upTo.length;
    }

    /**
     * As {@link StatutoryClock#addWorkingDays}: the n-th working day after start, or for n = 0 start itself or the
     * next working day. Beyond the indexed span the clock answers.
     */
    LocalDate addWorkingDays(LocalDate start, int n) {
        long s = ChronoUnit.DAYS.between(first, start);
        if (s < 0 || s >= upTo.length) {
            return clock.addWorkingDays(start, n);
        }
        // The first day whose count reaches the target (and, for n = 0, is itself a working day).
        int target = n == 0 ? (s == 0 ? 0 : upTo[(int) s - 1]) + 1 : upTo[(int) s] + n;
        int lo = (int) s;
        int hi = upTo.length - 1;
        if (upTo[hi] < target) {
            return clock.addWorkingDays(start, n);
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (upTo[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return first.plusDays(lo);
    }

    private int at(LocalDate day) {
        return upTo[(int) ChronoUnit.DAYS.between(first, day)];
    }
}
