package cn.zs.civil.placename;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Enters the approved name in the register of standard names (and retires the old one of a renaming). */
@Component("enterPlaceNameDelegate")
class EnterPlaceNameDelegate implements JavaDelegate {

    private final PlacenameService placenames;

    EnterPlaceNameDelegate(PlacenameService placenames) {
        this.placenames = placenames;
    }

    @Override
    public void execute(DelegateExecution execution) {
        placenames.enterInRegister(execution.getProcessBusinessKey(),
                PlacenameSteps.dateOf(execution.getVariable(PlacenameProcess.VAR_APPROVED_AT)));
    }
}
