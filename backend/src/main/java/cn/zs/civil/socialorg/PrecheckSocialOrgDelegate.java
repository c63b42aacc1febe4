package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;

/**
 * Before anyone looks at an establishment application: is this bureau competent (foundations only with a
 * provincial delegation), and does the name pass the naming measures? Runs again after corrections.
 */
@Component("precheckSocialOrgDelegate")
class PrecheckSocialOrgDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;

    PrecheckSocialOrgDelegate(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SocialOrgService.Precheck found = socialOrgs.precheck(execution.getProcessBusinessKey(),
                (String) execution.getVariable(ApplicationService.VAR_SERVICE_CODE));
        execution.setVariable(VAR_COMPETENT, found.competent());
        if (!found.competent()) {
            execution.setVariable(VAR_REASON_CODE, NOT_COMPETENT);
            return;
        }
        execution.setVariable(VAR_NAME_CHECK, found.nameCheck());
        execution.setVariable(VAR_NAME_FINDINGS, found.nameFindings());
        execution.setVariable(VAR_NAME_SIMILAR_TO, found.nameSimilarTo());
        // Fields hidden for the organisation's type are not submitted; the decision table reads them as absent.
        for (String name : new String[] {VAR_FOUNDATION_KIND, VAR_LIABILITY_FORM}) {
            if (!execution.hasVariable(name)) {
                execution.setVariable(name, null);
            }
        }
        for (String name : new String[] {VAR_INDIVIDUAL_MEMBERS, VAR_UNIT_MEMBERS}) {
            if (execution.getVariable(name) == null) {
                execution.setVariable(name, 0);
            }
        }
    }
}
