package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.zs.civil.clock.PeriodRule;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.clock.WorkingDayCalendar;

/**
 * The two periods of Civil Code Art. 1077, computed once at acceptance and kept on the case with the calendar
 * version used: T1, 30 calendar days from the day after receipt (the last day rolled past a statutory rest day),
 * in which either party may withdraw; T2, the next 30 days, in which both must appear.
 */
@Component("divorcePeriods")
public class DivorcePeriods {

    static final int COOLING_OFF_DAYS = 30;
    static final int CERTIFICATE_WINDOW_DAYS = 30;

    private final StatutoryClock clock;
    private final WorkingDayCalendar calendar;

    DivorcePeriods(StatutoryClock clock, WorkingDayCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    public void start(DelegateExecution execution) {
        Date received = (Date) execution.getVariable("acceptedAt");
        Date coolingOffEnds = clock.endOfPeriod(received, PeriodRule.DIVORCE_COOLING_OFF, COOLING_OFF_DAYS);
        execution.setVariable(VAR_COOLING_OFF_ENDS_AT, coolingOffEnds);
        execution.setVariable(VAR_CERTIFICATE_WINDOW_ENDS_AT,
                clock.endOfPeriod(coolingOffEnds, PeriodRule.DIVORCE_CERTIFICATE_WINDOW, CERTIFICATE_WINDOW_DAYS));
        execution.setVariable(VAR_CALENDAR_VERSION, calendar.version());
    }
}
