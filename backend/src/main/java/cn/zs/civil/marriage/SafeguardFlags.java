package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_KEY;
import static cn.zs.civil.marriage.MarriageProcess.MARRIAGE_KEY;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.worklist.TaskCases;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * Marriage Registration Regulations 2025 Art. 6, brief §1(e) 10: the registrar's manual safeguard flags at the
 * marriage review and the divorce acceptance and review. A suspected trafficked or abducted woman must be reported
 * to the police and the registration is not done: the step cannot be completed with "register" or "accept". A victim
 * of domestic violence, or a party at real risk of it, is told where to get help. Each flag is its own entry in the
 * case's trail, with what was reported or told, for staff only (the parties' safety and privacy: Art. 6).
 */
@Component
class SafeguardFlags implements TaskCompletionCheck {

    static final String TRAFFICKING = "suspectedTrafficking";
    static final String TRAFFICKING_REPORT = "traffickingReport";
    static final String VIOLENCE = "domesticViolence";
    static final String VIOLENCE_REFERRAL = "domesticViolenceReferral";
    static final Set<String> STEPS = Set.of("Task_ReviewMarriage", "Task_AcceptApplication", "Task_ReviewDivorce");
    static final Set<String> GOING_AHEAD = Set.of("register", "accept");

    private final TaskCases cases;
    private final CaseLog caseLog;
    private final MessageSource messages;

    SafeguardFlags(TaskCases cases, CaseLog caseLog, MessageSource messages) {
        this.cases = cases;
        this.caseLog = caseLog;
        this.messages = messages;
    }

    private boolean applies(Task task) {
        return STEPS.contains(task.getTaskDefinitionKey())
                && Set.of(MARRIAGE_KEY, DIVORCE_KEY).contains(cases.processKey(task));
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (Boolean.TRUE.equals(values.get(TRAFFICKING)) && GOING_AHEAD.contains(values.get("decision"))
                && applies(task)) {
            return List.of(FieldProblems.of(messages, locale, "decision", "marriage.label.decision",
                    "marriage.safeguard.traffickingStops"));
        }
        return List.of();
    }

    @Override
    public void completed(PlatformUser user, Task task, String applicationNo, Map<String, Object> values) {
        boolean trafficking = Boolean.TRUE.equals(values.get(TRAFFICKING));
        boolean violence = Boolean.TRUE.equals(values.get(VIOLENCE));
        if (!trafficking && !violence || !applies(task)) {
            return;
        }
        CaseLog.TaskRef ref = new CaseLog.TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName());
        if (trafficking) {
            caseLog.byUser(applicationNo, CaseEventType.TRAFFICKING_REPORTED, user, ref, null,
                    Map.of("report", String.valueOf(values.get(TRAFFICKING_REPORT))));
        }
        if (violence) {
            caseLog.byUser(applicationNo, CaseEventType.VIOLENCE_REFERRAL, user, ref, null,
                    Map.of("referral", String.valueOf(values.get(VIOLENCE_REFERRAL))));
        }
    }
}
