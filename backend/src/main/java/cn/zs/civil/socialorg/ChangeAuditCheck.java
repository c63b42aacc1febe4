package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.CHANGE_KEY;
import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_DECISION;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
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
 * A change the change-rules table says needs a financial audit first (a new legal representative: 社团条例 Art. 27,
 * 民非条例 Art. 22) is not approved, by the reviewer or the chief, unless the application states the audit was done.
 */
@Component
class ChangeAuditCheck implements TaskCompletionCheck {

    /** The reviewer's opinion and the chief's decision: neither approves an unaudited change. */
    static final List<String> DECIDING_TASKS = List.of("Task_Review", "Task_ChiefDecision");
    static final String VAR_CHANGE_RULES = "changeRules";
    static final String FIELD_AUDIT_DONE = "auditDone";

    private final TaskCases cases;
    private final TaskService tasks;
    private final MessageSource messages;

    ChangeAuditCheck(TaskCases cases, TaskService tasks, MessageSource messages) {
        this.cases = cases;
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (!DECIDING_TASKS.contains(task.getTaskDefinitionKey()) || !"approve".equals(values.get(VAR_DECISION))
                || !CHANGE_KEY.equals(cases.processKey(task))
                || !(tasks.getVariable(task.getId(), VAR_CHANGE_RULES) instanceof Map<?, ?> rules)
                || !Boolean.TRUE.equals(rules.get("auditRequired"))) {
            return List.of();
        }
        if (Boolean.TRUE.equals(cases.applicationData(application).get(FIELD_AUDIT_DONE))) {
            return List.of();
        }
        return List.of(FieldProblems.of(messages, locale, VAR_DECISION, "socialorg.label.decision",
                "socialorg.auditBeforeLegalRepresentativeChange"));
    }
}
