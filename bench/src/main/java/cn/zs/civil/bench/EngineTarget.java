package cn.zs.civil.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;

/**
 * The same scenario straight into the bare engine: a start with the platform's start variables, and clerks who
 * query their group's most urgent unassigned task (as "next case" does), claim it, read its variables and
 * complete it with the task's process variables; a case returned for corrections is completed with that decision
 * and the applicant's correction is the message the platform correlates.
 */
final class EngineTarget implements Target {

    /** The message every model with a correction notice waits for (ApplicationService). */
    private static final String CORRECTIONS_SUPPLIED = "CorrectionsSupplied";

    private final Scenario scenario;
    private final ProcessEngine engine;
    private final BareEngine.CaseStatus status;
    private final Metrics metrics;
    private final AtomicLong started = new AtomicLong();

    EngineTarget(Scenario scenario, ProcessEngine engine, BareEngine.CaseStatus status, Metrics metrics) {
        this.scenario = scenario;
        this.engine = engine;
        this.status = status;
        this.metrics = metrics;
    }

    @Override
    public Submitted submit(long n, long intendedStart) {
        String no = "BENCH-" + n;
        try {
            engine.getRuntimeService().startProcessInstanceByKey(scenario.processKey(), no,
                    scenario.startVariables(n, no));
            started.incrementAndGet();
            metrics.record("engine start", System.nanoTime() - intendedStart);
            return new Submitted(no, null);
        } catch (RuntimeException e) {
            metrics.error("engine start", Metrics.cause(e));
            return null;
        }
    }

    @Override
    public boolean work(String clerk) {
        long start = System.nanoTime();
        Task task = null;
        for (int attempt = 0; attempt < 5 && task == null; attempt++) {
            List<Task> found = engine.getTaskService().createTaskQuery().active()
                    .taskCandidateGroupIn(List.of(Accounts.queue(clerk))).orderByDueDate().asc()
                    .orderByTaskCreateTime().asc().listPage(attempt, 1);
            if (found.isEmpty()) {
                return false;
            }
            try {
                engine.getTaskService().claim(found.get(0).getId(), clerk);
                task = found.get(0);
            } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException lost) {
                // another clerk took (or already finished) it: try the next one, as the platform does
            }
        }
        if (task == null) {
            return true;
        }
        metrics.record("engine next (query + claim)", System.nanoTime() - start);
        start = System.nanoTime();
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        metrics.record("engine task variables", System.nanoTime() - start);
        String key = task.getTaskDefinitionKey();
        String businessKey = (String) variables.get("applicationNo");
        if (scenario.returnsForCorrections(key, businessKey)) {
            returnForCorrections(task, businessKey);
            return true;
        }
        start = System.nanoTime();
        try {
            engine.getTaskService().complete(task.getId(), scenario.taskVariables(key, clerk));
            metrics.record("engine complete", System.nanoTime() - start);
        } catch (RuntimeException e) {
            metrics.error("engine complete", Metrics.cause(e));
        }
        return true;
    }

    /** What the platform does with a correction notice and the applicant's correction, engine calls only. */
    private void returnForCorrections(Task task, String businessKey) {
        long start = System.nanoTime();
        try {
            engine.getTaskService().complete(task.getId(), Map.of("decision", "corrections"));
            metrics.record("engine complete (corrections)", System.nanoTime() - start);
            start = System.nanoTime();
            engine.getRuntimeService().createMessageCorrelation(CORRECTIONS_SUPPLIED)
                    .processInstanceBusinessKey(businessKey).correlate();
            metrics.record("engine correlate (corrections supplied)", System.nanoTime() - start);
        } catch (RuntimeException e) {
            metrics.error("engine corrections", Metrics.cause(e));
        }
    }

    @Override
    public long completed() {
        return status.finished(scenario.processKey());
    }

    @Override
    public long submitted() {
        return started.get();
    }
}
