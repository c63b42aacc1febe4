package cn.zs.civil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Look-ups the tier-1 process tests share: a process instance's timers, due jobs and recorded variables. */
public final class ProcessJobs {

    private ProcessJobs() {
    }

    /** The one timer of an activity; fails the test when there is none. */
    public static Job timer(ProcessInstance instance, String activityId) {
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activityId).singleResult();
        assertThat(timer).as("timer of %s", activityId).isNotNull();
        return timer;
    }

    public static long timers(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().count();
    }

    /** Jobs due at the engine's current time ({@code ClockUtil}). */
    public static long executableJobs(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).executable().count();
    }

    /** A variable as history recorded it (also after the instance ended); fails the test when there is none. */
    public static Object variable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        assertThat(variable).as("variable %s", name).isNotNull();
        return variable.getValue();
    }
}
