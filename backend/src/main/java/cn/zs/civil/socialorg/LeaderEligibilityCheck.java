package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.ESTABLISHMENT_KEY;
import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_DECISION;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.worklist.TaskCases;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * An establishment whose proposed legal representative is not eligible ({@link LeaderEligibility}) is not approved:
 * not proposed by the reviewer, not signed off by the chief, not decided by the director. Checked at completion,
 * against the register and the serious bad-faith list as they are then.
 */
@Component
class LeaderEligibilityCheck implements TaskCompletionCheck {

    /** Task → the field that carries its approval. */
    static final Map<String, String> APPROVING = Map.of("Task_ReviewApplication", VAR_DECISION, "Task_ChiefReview",
            "chiefDecision", "Task_DirectorDecision", VAR_DECISION);

    private final LeaderEligibility eligibility;
    private final TaskCases cases;
    private final MessageSource messages;

    LeaderEligibilityCheck(LeaderEligibility eligibility, TaskCases cases, MessageSource messages) {
        this.eligibility = eligibility;
        this.cases = cases;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        String field = APPROVING.get(task.getTaskDefinitionKey());
        if (field == null || !"approve".equals(values.get(field)) || !ESTABLISHMENT_KEY.equals(cases.processKey(task))) {
            return List.of();
        }
        List<LeaderEligibility.Finding> findings = eligibility.of(application.applicationNo());
        if (findings.isEmpty()) {
            return List.of();
        }
        return List.of(FieldProblems.of(messages, locale, field, "socialorg.label.decision",
                "socialorg.leaderIneligible", eligibility.words(findings, locale).replace("\n", "；")));
    }
}
