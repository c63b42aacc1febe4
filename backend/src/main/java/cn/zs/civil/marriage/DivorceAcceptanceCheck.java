package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_KEY;
import static cn.zs.civil.marriage.MarriageProcess.VAR_MARRIAGE_RECORD_FOUND;

import java.util.ArrayList;
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
 * A divorce application the law says is not accepted (不予受理) cannot be accepted (Marriage Registration Regulations
 * 2025 Art. 14; brief §1(a), §1(e)7): a party without full civil capacity, a marriage not registered in mainland China
 * (nor at a Chinese embassy or consulate), or no record in the marriage database that matches the certificates. Such
 * couples go to court; the registrar records the non-acceptance and its ground instead.
 */
@Component
class DivorceAcceptanceCheck implements TaskCompletionCheck {

    static final String TASK_ACCEPT = "Task_AcceptApplication";
    static final String FIELD_DECISION = "decision";

    private final TaskCases cases;
    private final TaskService tasks;
    private final MessageSource messages;

    DivorceAcceptanceCheck(TaskCases cases, TaskService tasks, MessageSource messages) {
        this.cases = cases;
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (!TASK_ACCEPT.equals(task.getTaskDefinitionKey()) || !"accept".equals(values.get(FIELD_DECISION))
                || !DIVORCE_KEY.equals(cases.processKey(task))) {
            return List.of();
        }
        Map<String, Object> data = cases.applicationData(application);
        List<String> grounds = new ArrayList<>();
        if ("no".equals(data.get("fullCapacity"))) {
            grounds.add("NO_CAPACITY");
        }
        if ("ABROAD".equals(data.get("marriageRegisteredIn"))) {
            grounds.add("NOT_MAINLAND");
        }
        if (Boolean.FALSE.equals(tasks.getVariable(task.getId(), VAR_MARRIAGE_RECORD_FOUND))) {
            grounds.add("NO_MARRIAGE_RECORD");
        }
        return grounds.stream().map(ground -> FieldProblems.of(messages, locale, FIELD_DECISION,
                "divorce.label.decision", "divorce.notAcceptable." + ground)).toList();
    }
}
