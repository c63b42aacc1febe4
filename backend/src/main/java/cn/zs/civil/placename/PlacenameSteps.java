package cn.zs.civil.placename;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.CaseClockService;

/**
 * Called by the model's listeners ({@code ${placenameSteps.approved(execution)}}): the moments after which the
 * filing and announcement periods run.
 */
@Component("placenameSteps")
public class PlacenameSteps {

    private final CaseClockService clocks;
    private final PlacenameService placenames;
    private final cn.zs.civil.application.CaseLog caseLog;
    private final int defaultReminderDaysBefore;

    PlacenameSteps(CaseClockService clocks, PlacenameService placenames, cn.zs.civil.application.CaseLog caseLog,
            PlacenameProperties properties) {
        this.clocks = clocks;
        this.placenames = placenames;
        this.caseLog = caseLog;
        this.defaultReminderDaysBefore = properties.reminderDaysBefore();
    }

    /**
     * When to remind the staff of a step whose period ends at {@code due}: 09:00 (Asia/Shanghai) the case's
     * {@code reminderDaysBefore} days before its last day (the setting when the case started; cases from before the
     * setting take today's). A moment already past fires at once.
     */
    public Date reminderAt(DelegateExecution execution, Date due) {
        Object days = execution.getVariable(PlacenameProcess.VAR_REMINDER_DAYS_BEFORE);
        int before = days instanceof Integer n ? n : defaultReminderDaysBefore;
        return BusinessTime.toDate(dateOf(due).minusDays(before).atTime(9, 0));
    }

    /** The reminder: in the case's history for its staff (not the applicant), with the step and its last day. */
    public void remind(DelegateExecution execution, String step, Date due) {
        caseLog.bySystem(execution.getProcessBusinessKey(), cn.zs.civil.application.CaseEventType.STEP_DUE_SOON, null,
                step + "_DUE_SOON", java.util.Map.of("step", step, "due", dateOf(due).toString()));
    }

    /**
     * Approval: the decision limit is met, so the statutory clock stops here and not at the end of the case. The
     * filing and announcement have their own 15-day periods from the approver's decision (地名管理条例 Arts. 13-14):
     * the date on the decision the clerk records, not the day the clerk records it.
     */
    public void approved(DelegateExecution execution) {
        clocks.stop(execution.getProcessBusinessKey(), BusinessTime.instant());
        execution.setVariable(PlacenameProcess.VAR_APPROVED_AT, anchor(execution.getVariable(FIELD_DECISION_DATE)));
    }

    /** Filing: the date the higher authority's filing bears (an announcement may run from it). */
    public void filed(DelegateExecution execution) {
        execution.setVariable(PlacenameProcess.VAR_FILED_AT, anchor(execution.getVariable(FIELD_FILING_DATE)));
    }

    static final String FIELD_DECISION_DATE = "decisionDate";
    static final String FIELD_FILING_DATE = "filingDate";

    /**
     * Noon (Asia/Shanghai) of a date a form recorded, as the start of a period; now when there is none (cases
     * started before the form asked for it). The form and {@link PlacenameDatesCheck} have bounded and checked it.
     */
    static Date anchor(Object recorded) {
        java.time.LocalDate day = recorded instanceof Date date ? dateOf(date) : cn.zs.civil.forms.FormDates.of(recorded);
        return day == null ? BusinessTime.toDate(BusinessTime.now()) : BusinessTime.toDate(day.atTime(12, 0));
    }

    public void published(DelegateExecution execution) {
        placenames.markPublished(execution.getProcessBusinessKey());
    }

    static java.time.LocalDate dateOf(Object value) {
        return BusinessTime.of((Date) value).toLocalDate();
    }
}
