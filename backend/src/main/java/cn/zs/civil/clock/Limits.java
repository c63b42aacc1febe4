package cn.zs.civil.clock;

import java.util.Objects;

/**
 * The time limits of a case.
 *
 * @param statutoryDays the legal limit (法定时限), e.g. 20 working days under ALL Art. 42
 * @param promisedDays the shorter limit the bureau promises in its service guide (承诺时限); null if none
 */
public record Limits(LimitUnit unit, int statutoryDays, Integer promisedDays) {

    public Limits {
        Objects.requireNonNull(unit, "unit");
        if (statutoryDays < 1 || statutoryDays > DayWalk.MAX_DAYS) {
            throw new IllegalArgumentException("statutoryDays must be between 1 and " + DayWalk.MAX_DAYS);
        }
        if (promisedDays != null && (promisedDays < 1 || promisedDays > statutoryDays)) {
            throw new IllegalArgumentException("promisedDays must be between 1 and statutoryDays (" + statutoryDays
                    + "): a promise can only be shorter than the law");
        }
    }

    public static Limits workingDays(int statutoryDays, Integer promisedDays) {
        return new Limits(LimitUnit.WORKING, statutoryDays, promisedDays);
    }

    public static Limits calendarDays(int statutoryDays, Integer promisedDays) {
        return new Limits(LimitUnit.CALENDAR, statutoryDays, promisedDays);
    }
}
