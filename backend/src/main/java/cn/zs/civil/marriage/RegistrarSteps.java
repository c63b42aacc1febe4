package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_KEY;
import static cn.zs.civil.marriage.MarriageProcess.MARRIAGE_KEY;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.worklist.TaskCases;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * 2003 regulations Art. 3: the steps a registrar does in person in a marriage or divorce registration (the check-in
 * with both parties present, every registrar step of the two processes: the declarations witnessed as 监誓人, the
 * review and decision, the certificate) are done only under a qualification valid that day; the case's trail names
 * the registrar and the certificate. The divorce appearance, outside the worklist, asks the same
 * {@link RegistrarQualifications} (DivorceService).
 */
@Component
class RegistrarSteps implements TaskCompletionCheck, SubmissionCheck {

    private static final Set<String> SERVICES = Set.of(MARRIAGE_KEY, DIVORCE_KEY);

    private final RegistrarQualifications qualifications;
    private final TaskCases cases;

    RegistrarSteps(RegistrarQualifications qualifications, TaskCases cases) {
        this.qualifications = qualifications;
        this.cases = cases;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (SERVICES.contains(cases.processKey(task))) {
            qualifications.require(user);
        }
        return List.of();
    }

    @Override
    public void completed(PlatformUser user, Task task, String applicationNo, Map<String, Object> values) {
        if (SERVICES.contains(cases.processKey(task))) {
            qualifications.recordActed(applicationNo, user, qualifications.require(user),
                    new CaseLog.TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName()));
        }
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        return List.of();
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, String serviceCode, Map<String, Object> values, Locale locale) {
        if (SERVICES.contains(serviceCode)) {
            qualifications.require(user);
        }
        return List.of();
    }

    @Override
    public void submitted(PlatformUser user, String applicationNo, String serviceCode, Map<String, Object> values) {
        if (SERVICES.contains(serviceCode)) {
            qualifications.recordActed(applicationNo, user, qualifications.require(user), null);
        }
    }
}
