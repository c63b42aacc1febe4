package cn.zs.civil.socialorg;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;

/** The written receipt of acceptance, dated with the acceptance date (the receipt date when deemed accepted). */
@Component("issueReceiptDelegate")
class IssueReceiptDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;

    IssueReceiptDelegate(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        socialOrgs.issueReceipt(execution.getProcessBusinessKey(), BusinessTime.of((Date) execution.getVariable("acceptedAt")),
                (Integer) execution.getVariable(ApplicationService.VAR_STATUTORY_LIMIT_DAYS));
    }
}
