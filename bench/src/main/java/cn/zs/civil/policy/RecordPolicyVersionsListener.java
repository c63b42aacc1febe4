package cn.zs.civil.policy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The bare engine's stand-in for the platform's start listener of the same name, which the models name by class
 * (camunda:class): it records, for each decision the process evaluates, the version deployed with the process, as
 * the platform does when no table was changed on the platform (a query per decision, one variable each). Without it
 * the bare engine could not start a marriage or social-organisation case at all (ClassNotFoundException).
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
        for (String key : String.valueOf(decisions.getValue(execution)).split(",")) {
            String decisionKey = key.strip();
            if (decisionKey.isEmpty()) {
                continue;
            }
            DecisionDefinition own = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
                    .decisionDefinitionKey(decisionKey).singleResult();
            if (own != null) {
                execution.setVariable("policyVersion." + decisionKey, own.getVersion());
            }
        }
    }
}
