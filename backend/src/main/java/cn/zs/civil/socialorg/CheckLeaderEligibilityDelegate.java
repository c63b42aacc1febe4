package cn.zs.civil.socialorg;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When the review of an establishment application starts (again, after an expert review): the leader-eligibility
 * findings as facts for the reviewer. The facts name no person: codes, the other organisation's registered name, the
 * positions of listed promoters in the application's list.
 */
@Component("checkLeaderEligibilityDelegate")
class CheckLeaderEligibilityDelegate implements JavaDelegate {

    static final String VAR_LEADER_FINDINGS = "leaderFindings";
    static final String VAR_LEADER_OTHER_ORGANISATION = "leaderOtherOrganisation";
    static final String VAR_LISTED_PROMOTERS = "listedPromoters";

    private final LeaderEligibility eligibility;

    CheckLeaderEligibilityDelegate(LeaderEligibility eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<LeaderEligibility.Finding> findings = eligibility.of(execution.getProcessBusinessKey());
        execution.setVariable(VAR_LEADER_FINDINGS, LeaderEligibility.codes(findings));
        execution.setVariable(VAR_LEADER_OTHER_ORGANISATION, LeaderEligibility.organisations(findings));
        execution.setVariable(VAR_LISTED_PROMOTERS, LeaderEligibility.promoters(findings));
    }
}
