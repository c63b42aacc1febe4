package cn.zs.civil.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The key of the process an execution runs in, for delegates shared by several models. */
public final class ProcessKeys {

    private ProcessKeys() {
    }

    /**
     * Looked up in the engine's deployment cache, not parsed from the definition id: from the 10th version on, a
     * long definition id is a bare UUID.
     */
    public static String of(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    }
}
