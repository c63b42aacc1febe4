package cn.zs.civil.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A bad rating opens its work order: the rectification deadline becomes the due date of its tasks, and the groups
 * that work it and the case's service and district are set on the instance (not before: most windows end without).
 */
@Component("openWorkOrderDelegate")
class OpenWorkOrderDelegate implements JavaDelegate {

    private final RatingService ratings;

    OpenWorkOrderDelegate(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(ratings.openWorkOrder(execution.getProcessBusinessKey()));
    }
}
