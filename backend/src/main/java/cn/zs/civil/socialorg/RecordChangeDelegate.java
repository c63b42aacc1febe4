package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_CHANGED_ITEM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An approved change enters the register, with its decision notice. */
@Component("recordChangeDelegate")
class RecordChangeDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;

    RecordChangeDelegate(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        socialOrgs.recordChange(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_CHANGED_ITEM));
    }
}
