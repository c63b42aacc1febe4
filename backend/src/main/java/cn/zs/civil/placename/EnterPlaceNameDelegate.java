package cn.zs.civil.placename;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Enters the approved name in the register of standard names (and retires the old one of a renaming), and has the
 * departments that use standard names told of it ({@link DownstreamNotifications}).
 */
@Component("enterPlaceNameDelegate")
class EnterPlaceNameDelegate implements JavaDelegate {

    private final PlacenameService placenames;
    private final DownstreamNotifications downstream;

    EnterPlaceNameDelegate(PlacenameService placenames, DownstreamNotifications downstream) {
        this.placenames = placenames;
        this.downstream = downstream;
    }

    @Override
    public void execute(DelegateExecution execution) {
        java.time.LocalDate approvedOn = PlacenameSteps.dateOf(execution.getVariable(PlacenameProcess.VAR_APPROVED_AT));
        placenames.enterInRegister(execution.getProcessBusinessKey(), approvedOn);
        // §3(c)9: the departments that use standard names are told, once per approved name.
        Object authority = execution.getVariable(PlacenameProcess.VAR_AUTHORITY);
        downstream.approved(execution.getProcessBusinessKey(),
                authority instanceof java.util.Map<?, ?> a && a.get("approverName") instanceof String n ? n : null,
                (String) execution.getVariable(PlacenameProcess.VAR_DECISION_DOCUMENT_NO), approvedOn);
    }
}
