package cn.zs.civil.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.zs.civil.clock.CaseClockService;
import cn.zs.civil.clock.ClockStatus;
import cn.zs.civil.clock.LimitStatus;
import cn.zs.civil.clock.PeriodBasis;

/**
 * The statutory clock as people see it: green / yellow / red against the statutory and the promised limit, the due
 * dates and the working days left, for lists (one batch query) and single cases.
 */
@Component
public class Countdowns {

    private final CaseClockService clocks;

    Countdowns(CaseClockService clocks) {
        this.clocks = clocks;
    }

    /**
     * @param state ON_TIME, YELLOW or RED against the statutory limit (the legal one); promisedState likewise
     * @param remainingWorkingDays working days left before the statutory limit, negative once overdue
     * @param warnings e.g. a deadline computed in a year without a holiday schedule
     * @param statutoryBasis the periods behind the statutory due date: the rule, its law and the reading of rest
     *        days, with a sentence in Chinese and English; promisedBasis likewise
     */
    public record Countdown(String state, LocalDate statutoryDue, Integer remainingWorkingDays, String promisedState,
            LocalDate promisedDue, Integer promisedRemainingWorkingDays, boolean paused, int pausedWorkingDays,
            boolean stopped, List<String> warnings, List<PeriodBasis> statutoryBasis, List<PeriodBasis> promisedBasis) {
    }

    public Map<String, Countdown> of(Collection<String> applicationNos) {
        Map<String, Countdown> out = new LinkedHashMap<>();
        clocks.statuses(applicationNos, BusinessTime.instant()).forEach((no, status) -> out.put(no, view(status)));
        return out;
    }

    public Countdown of(String applicationNo) {
        return of(List.of(applicationNo)).get(applicationNo);
    }

    private static Countdown view(ClockStatus s) {
        LimitStatus statutory = s.statutory();
        LimitStatus promised = s.promised();
        return new Countdown(statutory.state().name(), statutory.dueDate(), statutory.workingDaysRemaining(),
                promised == null ? null : promised.state().name(), promised == null ? null : promised.dueDate(),
                promised == null ? null : promised.workingDaysRemaining(), s.paused(), s.pausedWorkingDays(),
                s.stopped(), s.warnings(), statutory.basis(), promised == null ? null : promised.basis());
    }
}
