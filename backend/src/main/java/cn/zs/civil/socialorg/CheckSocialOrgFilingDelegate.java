package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.ProcessKeys;
import cn.zs.civil.socialorg.credit.SeriousList;

/**
 * A change or cancellation: is the organisation in this bureau's register (name and credit code match), and was
 * the application filed within 30 days of the supervisory approval / 15 days of the end of liquidation?
 */
@Component("checkSocialOrgFilingDelegate")
class CheckSocialOrgFilingDelegate implements JavaDelegate {

    static final String VAR_ON_SERIOUS_LIST = "onSeriousList";

    private final SocialOrgService socialOrgs;
    private final SeriousList seriousList;
    private final cn.zs.civil.application.ApplicationService applications;

    CheckSocialOrgFilingDelegate(SocialOrgService socialOrgs, SeriousList seriousList,
            cn.zs.civil.application.ApplicationService applications) {
        this.socialOrgs = socialOrgs;
        this.seriousList = seriousList;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean cancellation = CANCELLATION_KEY.equals(ProcessKeys.of(execution));
        SocialOrgService.Filing filing = socialOrgs.filing(execution.getProcessBusinessKey(),
                (String) execution.getVariable(ApplicationService.VAR_SERVICE_CODE), cancellation);
        execution.setVariable(VAR_REGISTERED_HERE, filing.registeredHere());
        execution.setVariable(VAR_FILED_IN_TIME, filing.filedInTime());
        execution.setVariable(cancellation ? VAR_DAYS_SINCE_LIQUIDATION : VAR_DAYS_SINCE_APPROVAL, filing.daysSince());
        if (!cancellation) {
            // Order No. 60 (domain brief §2(e)7): the reviewer sees whether the organisation is on the serious list.
            execution.setVariable(VAR_ON_SERIOUS_LIST, seriousList.listsOrganisation(
                    (String) applications.formData(execution.getProcessBusinessKey()).get(FIELD_REGISTRATION_NO)));
        }
        if (!filing.registeredHere()) {
            execution.setVariable(VAR_REASON_CODE, NOT_COMPETENT);
        }
    }
}
