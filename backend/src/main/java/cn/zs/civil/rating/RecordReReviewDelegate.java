package cn.zs.civil.rating;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of the re-review (申诉复核): records whether the rating stands, and who decided. */
@Component("recordReReviewDelegate")
class RecordReReviewDelegate implements TaskListener {

    private final RatingService ratings;

    RecordReReviewDelegate(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public void notify(DelegateTask task) {
        ratings.recordReview(task.getExecution().getProcessBusinessKey(),
                String.valueOf(task.getVariable(RatingProcess.VAR_REVIEW_OUTCOME)), task.getAssignee());
    }
}
