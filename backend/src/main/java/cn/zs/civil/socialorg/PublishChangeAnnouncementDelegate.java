package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_CHANGED_ITEM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Changes of name, domicile or legal representative are announced (社团条例 Art. 23, 民非条例 Art. 18). */
@Component("publishChangeAnnouncementDelegate")
class PublishChangeAnnouncementDelegate implements JavaDelegate {

    private final SocialOrgService socialOrgs;

    PublishChangeAnnouncementDelegate(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        socialOrgs.announceChange(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_CHANGED_ITEM));
    }
}
