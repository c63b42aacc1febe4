package cn.zs.civil.placename;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * ALL Art. 48(1)3: the hearing is presided over by someone other than the staff who reviewed the application. The
 * reviewers are whoever completed a step of the case before the hearing; the presiding officer, typed by name or
 * account, must be none of them.
 */
@Component
class HearingPresidingOfficerCheck implements TaskCompletionCheck {

    static final String TASK_HOLD_HEARING = "Task_HoldHearing";
    static final String FIELD_PRESIDING_OFFICER = "presidingOfficer";

    private final HistoryService history;
    private final IdentityProperties identity;
    private final MessageSource messages;

    HearingPresidingOfficerCheck(HistoryService history, IdentityProperties identity, MessageSource messages) {
        this.history = history;
        this.identity = identity;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (!TASK_HOLD_HEARING.equals(task.getTaskDefinitionKey())
                || !(values.get(FIELD_PRESIDING_OFFICER) instanceof String typed)) {
            return List.of();
        }
        String officer = typed.strip();
        return reviewers(task.getProcessInstanceId()).entrySet().stream()
                .filter(r -> officer.equals(r.getKey()) || officer.equals(r.getValue())).findFirst()
                .map(r -> List.of(FieldProblems.of(messages, locale, FIELD_PRESIDING_OFFICER,
                        "placename.label." + FIELD_PRESIDING_OFFICER, "placename.presidingOfficerReviewed",
                        r.getValue())))
                .orElse(List.of());
    }

    /** Who reviewed the case so far: account → the name the bureau knows them by (the account where none). */
    private Map<String, String> reviewers(String processInstanceId) {
        Map<String, String> names = new LinkedHashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished().list().stream()
                .map(HistoricTaskInstance::getAssignee).filter(Objects::nonNull)
                .forEach(account -> names.put(account, identity.displayName(account)));
        return names;
    }
}
