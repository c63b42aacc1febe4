package cn.zs.civil.application;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called by the models ({@code ${caseStatus.enter(execution, 'UNDER_REVIEW')}}) so that the case's status and
 * outcome in the platform's tables follow the process, in the same transaction as the engine's step.
 */
@Component("caseStatus")
public class CaseStatus {

    public static final String RECEIVED = "RECEIVED";
    public static final String UNDER_REVIEW = "UNDER_REVIEW";
    public static final String WAITING_FOR_CORRECTIONS = "WAITING_FOR_CORRECTIONS";
    public static final String DECIDED = "DECIDED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String CLOSED = "CLOSED";

    private final ApplicationMapper mapper;
    private final CaseLog log;

    CaseStatus(ApplicationMapper mapper, CaseLog log) {
        this.mapper = mapper;
        this.log = log;
    }

    public void enter(DelegateExecution execution, String status) {
        mapper.updateStatus(execution.getProcessBusinessKey(), status, null, BusinessTime.now());
    }

    /** Acceptance (受理): by a clerk now, or deemed on the receipt date when no correction notice came in time. */
    public void accepted(DelegateExecution execution, boolean deemed) {
        String no = execution.getProcessBusinessKey();
        Date receivedAt = (Date) execution.getVariable("receivedAt");
        var acceptedAt = deemed && receivedAt != null ? BusinessTime.of(receivedAt) : BusinessTime.now();
        mapper.markAccepted(no, acceptedAt, BusinessTime.now());
        mapper.updateStatus(no, UNDER_REVIEW, null, BusinessTime.now());
        execution.setVariable("acceptedAt", BusinessTime.toDate(acceptedAt));
        log.bySystem(no, deemed ? CaseEventType.DEEMED_ACCEPTED : CaseEventType.ACCEPTED, null, null, null);
    }

    /** An end event: the case is decided (or closed without a decision), with its outcome. */
    public void finish(DelegateExecution execution, String status, String outcome) {
        String no = execution.getProcessBusinessKey();
        mapper.markClosed(no, status, outcome, BusinessTime.now());
        if (!status.equals(WITHDRAWN)) {
            // A withdrawal is logged where the person withdrew; the end event only closes the case.
            log.bySystem(no, CaseEventType.DECIDED, null, outcome, reasons(execution));
        }
    }

    /** The reason of the outcome: set by a delegate, or the reason code of an eligibility decision table. */
    private static Map<String, ?> reasons(DelegateExecution execution) {
        Object reason = execution.getVariable("reasonCode");
        if (reason == null && execution.getVariable("eligibility") instanceof Map<?, ?> eligibility) {
            reason = eligibility.get("reasonCode");
        }
        return reason == null ? Map.of() : Map.of("reasonCode", reason);
    }
}
