package cn.zs.civil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import cn.zs.civil.clock.StatutoryClock;

/**
 * The steps the tier-1 process tests share beyond camunda-bpm-assert's: completing a user task with variables
 * ({@code complete(task(instance), withVariables(...))}), running one job ({@code execute(job(instance))}) and
 * asserting the path ({@code assertThat(instance).hasPassed(...).isWaitingAt(...)}) are the library's and are used as
 * they are. Here, by hand: the engine's clock moved to a timer and the timer fired, the jobs due at the clock's time
 * run as the job executor would, a message correlated to a case, and a variable read as history recorded it (also
 * after the instance ended).
 */
public final class ProcessSteps {

    private static final Duration JUST = Duration.ofSeconds(1);

    private ProcessSteps() {
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

    /** Moves the engine's clock just past the timer's due date and fires it. */
    public static void fire(Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(JUST)));
        execute(timer);
    }

    /**
     * The timer fires when it is due and not before: just before its due date nothing of the instance is due, just
     * after it the timer fires.
     */
    public static void fireWhenDue(ProcessInstance instance, Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().minus(JUST)));
        assertThat(executableJobs(instance)).as("nothing is due before %s", timer.getDuedate()).isZero();
        fire(timer);
    }

    /** What the job executor would do at the engine's current time: every due job, until none is left. */
    public static void runDueJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(instance.getId()).executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep becoming due");
    }

    /** Moves the engine's clock on by this much (nothing runs by itself: there is no job executor). */
    public static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    }

    /** Correlates a message to the case of this business key, with variables as name-value pairs. */
    public static void correlate(String message, String businessKey, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i + 1 < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                .setVariables(values).correlate();
    }

    /** A variable as history recorded it (also after the instance ended); fails the test when there is none. */
    public static Object variable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        assertThat(variable).as("variable %s", name).isNotNull();
        return variable.getValue();
    }

    /** A map variable (a DMN result, stored as JSON) as history recorded it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapVariable(ProcessInstance instance, String name) {
        return (Map<String, Object>) variable(instance, name);
    }

    /** An instant written with its offset, e.g. {@code 2026-06-01T09:30:00+08:00}. */
    public static Date at(String isoWithOffset) {
        return Date.from(ZonedDateTime.parse(isoWithOffset).toInstant());
    }

    /** That day at that hour in Zhongshan (the statutory clock's zone). */
    public static Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(StatutoryClock.ZONE).toInstant());
    }

    public static Date daysAfter(Date instant, long days) {
        return Date.from(instant.toInstant().plus(Duration.ofDays(days)));
    }
}
