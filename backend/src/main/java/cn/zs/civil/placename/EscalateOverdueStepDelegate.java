package cn.zs.civil.placename;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.worklist.Escalations;

/**
 * A filing or announcement not done within its period (Arts. 13-14; late filing is a disciplinary matter, Art. 35):
 * escalated to the section chiefs through the platform's escalation list. The step and its due date come from the
 * model's input parameters.
 */
@Component("escalateOverdueStepDelegate")
class EscalateOverdueStepDelegate implements JavaDelegate {

    static final String INPUT_DUE = "overdueDue";

    private final Escalations escalations;

    EscalateOverdueStepDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalateLateStep(execution.getProcessBusinessKey(),
                PlacenameSteps.dateOf(execution.getVariableLocal(INPUT_DUE)),
                (String) execution.getVariableLocal(PlacenameProcess.VAR_OVERDUE_STEP));
    }
}
