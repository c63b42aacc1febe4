package cn.zs.civil.policy;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The start listener of every process that evaluates a decision table: records, when the case is accepted, the
 * version of each of its decisions in force that day ({@code decisions}: the keys, comma-separated). Instantiated
 * by the engine from the model (camunda:class), so it needs nothing but the engine and works the same in the
 * engine-only process tests, where no approved version exists and the jar's version is recorded.
 */
public class RecordPolicyVersionsListener implements ExecutionListener {

    private Expression decisions;

    public void setDecisions(Expression decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        var repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
        LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), PolicyCatalogue.ZONE);
        java.util.Set<String> policyDeployments = PolicyVersions.policyDeployments(repository);
        for (String key : String.valueOf(decisions.getValue(execution)).split(",")) {
            String decisionKey = key.strip();
            if (!decisionKey.isEmpty() && !execution.hasVariable(PolicyVersions.variable(decisionKey))) {
                PolicyVersions.Resolved r = PolicyVersions.inForce(repository, policyDeployments, deploymentId,
                        decisionKey, day);
                execution.setVariable(PolicyVersions.variable(decisionKey), r.version());
            }
        }
    }
}
