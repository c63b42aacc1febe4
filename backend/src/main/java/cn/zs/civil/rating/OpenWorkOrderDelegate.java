package cn.zs.civil.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A bad rating opens its work order: the rectification deadline becomes the due date of its tasks. */
@Component("openWorkOrderDelegate")
class OpenWorkOrderDelegate implements JavaDelegate {

    private final RatingService ratings;

    OpenWorkOrderDelegate(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RatingProcess.VAR_WORK_ORDER_DUE_AT,
                ratings.openWorkOrder(execution.getProcessBusinessKey()));
    }
}
