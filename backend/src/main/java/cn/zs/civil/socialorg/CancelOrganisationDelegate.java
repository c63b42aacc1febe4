package cn.zs.civil.socialorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Cancellation after the certificate, seals and vouchers were collected: proof of cancellation and announcement. */
@Component("cancelOrganisationDelegate")
class CancelOrganisationDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;

    CancelOrganisationDelegate(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        socialOrgs.cancel(execution.getProcessBusinessKey());
    }
}
