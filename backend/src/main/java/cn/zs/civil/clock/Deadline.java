package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A computed last day, with the warnings a person should see next to it (e.g. {@code CALENDAR_YEAR_MISSING:2027}).
 *
 * @param date the last day of the period, Asia/Shanghai
 * @param basis the periods that produced it, with their rules and readings of rest days
 */
public record Deadline(LocalDate date, List<String> warnings, List<PeriodBasis> basis) {

    public Deadline {
        warnings = List.copyOf(warnings);
        basis = List.copyOf(basis);
    }

    /** 23:59:59 Asia/Shanghai on the last day: the moment a BPMN timer should fire. */
    public Instant endOfDay() {
        return StatutoryClock.endOfDay(date);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
