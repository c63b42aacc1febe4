package cn.zs.civil.worklist;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;

/**
 * A rule about who completes a task with which values that a form cannot express (e.g. two different on-site
 * verifiers). Features declare beans of this type; the worklist asks all of them before it completes a task, and
 * their findings come back to the caller as field problems, like the form's own. The case's row is the one the
 * worklist read to check the caller's entitlement ({@link TaskCases#applicationData} opens its form data).
 */
public interface TaskCompletionCheck {

    List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale);

    /**
     * Called in the completion's transaction, after the step's own entry in the case's trail and before the engine
     * moves on, so that what a rule records commits or rolls back with the step.
     */
    default void completed(PlatformUser user, Task task, String applicationNo, Map<String, Object> values) {
    }
}
