package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.CHANGE_KEY;
import static cn.zs.civil.socialorg.SocialOrgProcess.FIELD_REGISTRATION_NO;
import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_DECISION;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.socialorg.credit.SeriousList;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.worklist.TaskCases;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * A change of an organisation on the serious bad-faith list (Order No. 60; domain brief §2(e)7) is not approved, by
 * the reviewer or the chief, while it is listed; checked against the list as it is at completion.
 */
@Component
class SeriousListChangeCheck implements TaskCompletionCheck {

    private final SeriousList seriousList;
    private final TaskCases cases;
    private final MessageSource messages;

    SeriousListChangeCheck(SeriousList seriousList, TaskCases cases, MessageSource messages) {
        this.seriousList = seriousList;
        this.cases = cases;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (!ChangeAuditCheck.DECIDING_TASKS.contains(task.getTaskDefinitionKey())
                || !"approve".equals(values.get(VAR_DECISION)) || !CHANGE_KEY.equals(cases.processKey(task))) {
            return List.of();
        }
        Object code = cases.applicationData(application).get(FIELD_REGISTRATION_NO);
        if (!(code instanceof String creditCode) || !seriousList.listsOrganisation(creditCode)) {
            return List.of();
        }
        return List.of(FieldProblems.of(messages, locale, VAR_DECISION, "socialorg.label.decision",
                "socialorg.changeOfSeriouslyDishonestOrganisation"));
    }
}
