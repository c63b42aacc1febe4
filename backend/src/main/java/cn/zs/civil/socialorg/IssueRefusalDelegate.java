package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The written refusal with the statutory ground, the decision-maker's reasons and the remedy notice. */
@Component("issueRefusalDelegate")
class IssueRefusalDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;
    IssueRefusalDelegate(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ground = (String) execution.getVariable(VAR_REFUSAL_GROUND);
        socialOrgs.refuse(execution.getProcessBusinessKey(), ground);
        execution.setVariable(VAR_REASON_CODE, ground);
    }
}
