package cn.zs.civil.placename;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.forms.FormDates;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * The filing and announcement periods run from the dates the clerk records (the approver's decision, the filing),
 * so those dates must be possible: not in the future, the decision not before the case was accepted, the filing not
 * before the decision.
 */
@Component
class PlacenameDatesCheck implements TaskCompletionCheck {

    static final String TASK_RECORD_DECISION = "Task_RecordApproverDecision";
    static final String TASK_FILE = "Task_FileWithHigherAuthority";

    private final TaskService tasks;
    private final MessageSource messages;

    PlacenameDatesCheck(TaskService tasks, MessageSource messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        String field;
        String earliestVariable;
        if (TASK_RECORD_DECISION.equals(task.getTaskDefinitionKey())) {
            field = PlacenameSteps.FIELD_DECISION_DATE;
            earliestVariable = "acceptedAt";
        } else if (TASK_FILE.equals(task.getTaskDefinitionKey())) {
            field = PlacenameSteps.FIELD_FILING_DATE;
            earliestVariable = PlacenameProcess.VAR_APPROVED_AT;
        } else {
            return List.of();
        }
        LocalDate day = FormDates.of(values.get(field));
        if (day == null) {
            return List.of();
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        if (day.isAfter(today)) {
            return List.of(problem(field, "placename.dateInFuture", locale, today));
        }
        if (tasks.getVariable(task.getId(), earliestVariable) instanceof Date earliest
                && day.isBefore(PlacenameSteps.dateOf(earliest))) {
            return List.of(problem(field, "placename.dateTooEarly." + field, locale, PlacenameSteps.dateOf(earliest)));
        }
        return List.of();
    }

    private FieldProblem problem(String field, String code, Locale locale, Object arg) {
        return FieldProblems.of(messages, locale, field, "placename.label." + field, code, arg);
    }
}
