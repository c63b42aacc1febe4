package cn.zs.civil.clock;

import java.util.List;
import java.util.Objects;

/**
 * The time limits of a case.
 *
 * @param statutoryDays the legal limit (法定时限), e.g. 20 working days under ALL Art. 42; 0 for "on the spot": due
 *        on the day of acceptance (a marriage, 2003 Regulations Art. 7)
 * @param promisedDays the shorter limit the bureau promises in its service guide (承诺时限); null if none
 * @param periods the statutory periods, run one after another, whose end is the statutory limit when the law sets it
 *        that way (a divorce: T1 then T2, each with its own last-day roll); empty for a single period of
 *        {@code statutoryDays}. A chain is a window the law gives the parties, so it has no promised limit.
 */
public record Limits(LimitUnit unit, int statutoryDays, Integer promisedDays, List<Period> periods) {

    public Limits {
        Objects.requireNonNull(unit, "unit");
        periods = periods == null ? List.of() : List.copyOf(periods);
        if (statutoryDays < 0 || statutoryDays > DayWalk.MAX_DAYS) {
            throw new IllegalArgumentException("statutoryDays must be between 0 and " + DayWalk.MAX_DAYS);
        }
        if (promisedDays != null && (promisedDays < 0 || promisedDays > statutoryDays)) {
            throw new IllegalArgumentException("promisedDays must be between 0 and statutoryDays (" + statutoryDays
                    + "): a promise can only be shorter than the law");
        }
        if (!periods.isEmpty()) {
            if (periods.size() > Period.MAX_PERIODS) {
                throw new IllegalArgumentException("at most " + Period.MAX_PERIODS + " periods in a row");
            }
            if (periods.stream().mapToInt(Period::days).sum() != statutoryDays) {
                throw new IllegalArgumentException("the periods must add up to statutoryDays (" + statutoryDays + ")");
            }
            if (periods.stream().anyMatch(p -> p.rule().calendarDays() != (unit == LimitUnit.CALENDAR))) {
                throw new IllegalArgumentException("every period must count days as the unit " + unit + " does");
            }
            if (promisedDays != null) {
                throw new IllegalArgumentException("a chain of statutory periods has no promised limit");
            }
        }
    }

    public Limits(LimitUnit unit, int statutoryDays, Integer promisedDays) {
        this(unit, statutoryDays, promisedDays, List.of());
    }

    public static Limits workingDays(int statutoryDays, Integer promisedDays) {
        return new Limits(LimitUnit.WORKING, statutoryDays, promisedDays);
    }

    public static Limits calendarDays(int statutoryDays, Integer promisedDays) {
        return new Limits(LimitUnit.CALENDAR, statutoryDays, promisedDays);
    }

    /** The periods whose end is a limit of {@code days}: the chain, or one period of the unit's general rule. */
    List<Period> periodsFor(int days) {
        if (!periods.isEmpty() && days == statutoryDays) {
            return periods;
        }
        return List.of(new Period(unit == LimitUnit.WORKING ? PeriodRule.WORKING_DAYS : PeriodRule.CALENDAR_DAYS,
                days));
    }
}
