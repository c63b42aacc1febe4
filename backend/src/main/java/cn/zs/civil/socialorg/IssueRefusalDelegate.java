package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ProcessKeys;

/**
 * The written refusal with the statutory ground, the decision-maker's reasons and the remedy notice; an
 * establishment's refusal also states what the leader-eligibility check found, if anything.
 */
@Component("issueRefusalDelegate")
class IssueRefusalDelegate implements JavaDelegate {

    private static final java.util.Locale ZH = java.util.Locale.SIMPLIFIED_CHINESE;

    private final SocialOrgService socialOrgs;
    private final LeaderEligibility eligibility;

    IssueRefusalDelegate(SocialOrgService socialOrgs, LeaderEligibility eligibility) {
        this.socialOrgs = socialOrgs;
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ground = (String) execution.getVariable(VAR_REFUSAL_GROUND);
        String findings = null;
        if (ESTABLISHMENT_KEY.equals(ProcessKeys.of(execution))) {
            List<LeaderEligibility.Finding> found = eligibility.of(execution.getProcessBusinessKey());
            findings = found.isEmpty() ? null : eligibility.words(found, ZH);
        }
        socialOrgs.refuse(execution.getProcessBusinessKey(), ground, findings);
        execution.setVariable(VAR_REASON_CODE, ground);
    }
}
