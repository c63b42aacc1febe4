package cn.zs.civil.placename;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stands in for the {@code placenameSteps} bean: records the moments and sets {@code approvedAt} and {@code filedAt}
 * from the engine's clock, as the real one does. Public because the expression language only calls methods of public
 * classes.
 */
public class RecordingPlacenameSteps {

    private final List<String> calls = new ArrayList<>();

    public void approved(DelegateExecution execution) {
        calls.add("approved");
        execution.setVariable(PlacenameProcess.VAR_APPROVED_AT, ClockUtil.getCurrentTime());
    }

    public void filed(DelegateExecution execution) {
        calls.add("filed");
        execution.setVariable(PlacenameProcess.VAR_FILED_AT, ClockUtil.getCurrentTime());
    }

    public void published(DelegateExecution execution) {
        calls.add("published");
    }

    /** As the real one: {@link #REMINDER_DAYS} days before the last day (here without the 09:00). */
    public java.util.Date reminderAt(DelegateExecution execution, java.util.Date due) {
        return java.util.Date.from(due.toInstant().minus(java.time.Duration.ofDays(REMINDER_DAYS)));
    }

    public void remind(DelegateExecution execution, String step, java.util.Date due) {
        calls.add("remind " + step);
    }

    static final int REMINDER_DAYS = 3;

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
