package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.MARRIAGE_KEY;
import static cn.zs.civil.marriage.MarriageProcess.VAR_KINSHIP_SIGNAL;

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
 * Brief §1(e) 5: a marriage the household register flags as possibly between close relatives ({@link KinshipSignal})
 * is registered only once the registrar has checked it by hand and says so; otherwise it is refused (prohibited
 * kinship) or waits.
 */
@Component
class KinshipSignalCheck implements TaskCompletionCheck {

    static final String TASK_REVIEW = "Task_ReviewMarriage";
    static final String FIELD_CHECKED = "kinshipChecked";

    private final TaskCases cases;
    private final TaskService tasks;
    private final MessageSource messages;

    KinshipSignalCheck(TaskCases cases, TaskService tasks, MessageSource messages) {
        this.cases = cases;
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (!TASK_REVIEW.equals(task.getTaskDefinitionKey()) || !"register".equals(values.get("decision"))
                || Boolean.TRUE.equals(values.get(FIELD_CHECKED)) || !MARRIAGE_KEY.equals(cases.processKey(task))
                || !Boolean.TRUE.equals(tasks.getVariable(task.getId(), VAR_KINSHIP_SIGNAL))) {
            return List.of();
        }
        return List.of(FieldProblems.of(messages, locale, FIELD_CHECKED, "marriage.label." + FIELD_CHECKED,
                "marriage.kinshipToCheck"));
    }
}
