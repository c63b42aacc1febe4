package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_SECOND_VERIFIER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records both on-site verifiers when the verification task completes: whoever completes it, and the second one
 * named on the form (ALL Art. 34). The worklist refuses the same person twice before this runs; this refuses it
 * for any other client of the engine.
 */
@Component("recordVerifiersListener")
class RecordVerifiersListener implements TaskListener {

    private final SocialOrgService socialOrgs;

    RecordVerifiersListener(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void notify(DelegateTask task) {
        socialOrgs.recordVerifiers(task.getExecution().getProcessBusinessKey(), task.getAssignee(),
                (String) task.getVariable(VAR_SECOND_VERIFIER));
    }
}
