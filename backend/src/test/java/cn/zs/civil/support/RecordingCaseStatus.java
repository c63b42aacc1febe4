package cn.zs.civil.support;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stands in for the {@code caseStatus} bean of the models' listeners: records what the platform's case table would
 * have been told ({@code "accepted"}, {@code "accepted deemed"}, {@code "enter WAITING_FOR_CORRECTIONS"},
 * {@code "pause EXPERT_REVIEW"}, {@code "resume"}, {@code "finish DECIDED PAID"}) and sets {@code acceptedAt} as
 * the real one does. Public because the expression language only calls methods of public classes.
 */
public class RecordingCaseStatus {

    private final List<String> calls = new ArrayList<>();

    public void enter(DelegateExecution execution, String status) {
        calls.add("enter " + status);
    }

    public void accepted(DelegateExecution execution, boolean deemed) {
        calls.add(deemed ? "accepted deemed" : "accepted");
        Date receivedAt = (Date) execution.getVariable("receivedAt");
        execution.setVariable("acceptedAt", deemed && receivedAt != null ? receivedAt : ClockUtil.getCurrentTime());
    }

    public void pause(DelegateExecution execution, String reason) {
        calls.add("pause " + reason);
    }

    public void resume(DelegateExecution execution) {
        calls.add("resume");
    }

    public void finish(DelegateExecution execution, String status, String outcome) {
        calls.add("finish " + status + " " + outcome);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
