package cn.zs.civil.placename;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Drafts the announcement from the case data and the decision, for the clerk who publishes it. */
@Component("draftAnnouncementDelegate")
class DraftAnnouncementDelegate implements JavaDelegate {

    private final PlacenameService placenames;

    DraftAnnouncementDelegate(PlacenameService placenames) {
        this.placenames = placenames;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> authority = (Map<?, ?>) execution.getVariable(PlacenameProcess.VAR_AUTHORITY);
        placenames.draftAnnouncement(execution.getProcessBusinessKey(), (String) authority.get("approverName"),
                (String) execution.getVariable(PlacenameProcess.VAR_DECISION_DOCUMENT_NO),
                PlacenameSteps.dateOf(execution.getVariable(PlacenameProcess.VAR_APPROVED_AT)));
    }
}
