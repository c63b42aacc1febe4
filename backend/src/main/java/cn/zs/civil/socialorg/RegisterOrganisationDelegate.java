package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;

/** Approval: the organisation enters the register with its credit code and certificate number, and is announced. */
@Component("registerOrganisationDelegate")
class RegisterOrganisationDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;
    private final SocialOrgProperties properties;
    private final LeaderEligibility leaders;

    RegisterOrganisationDelegate(SocialOrgService socialOrgs, SocialOrgProperties properties,
            LeaderEligibility leaders) {
        this.socialOrgs = socialOrgs;
        this.properties = properties;
        this.leaders = leaders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SocialOrgService.Registration registration = socialOrgs.register(execution.getProcessBusinessKey());
        leaders.recordLegalRepresentative(execution.getProcessBusinessKey(), registration.creditCode());
        execution.setVariable(VAR_CERTIFICATE_TYPE, registration.certificateType());
        execution.setVariable(VAR_CERTIFICATE_NO, registration.certificateNo());
        execution.setVariable(VAR_CREDIT_CODE, registration.creditCode());
        execution.setVariable(VAR_DECIDED_AT, BusinessTime.toDate(BusinessTime.now()));
        execution.setVariable(VAR_CERTIFICATE_DELIVERY_DAYS, properties.certificateDeliveryDays());
    }
}
