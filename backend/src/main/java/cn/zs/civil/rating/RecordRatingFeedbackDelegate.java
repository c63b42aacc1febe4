package cn.zs.civil.rating;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of the feedback task: keeps the unit's answer to the applicant (a transient variable of the form,
 * never stored by the engine) with the rating, with who gave it.
 */
@Component("recordRatingFeedbackDelegate")
class RecordRatingFeedbackDelegate implements TaskListener {

    private final RatingService ratings;

    RecordRatingFeedbackDelegate(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public void notify(DelegateTask task) {
        Object feedback = task.getVariable(RatingProcess.VAR_FEEDBACK);
        ratings.recordFeedback(task.getExecution().getProcessBusinessKey(), feedback == null ? null : feedback.toString(),
                task.getAssignee(), RatingProcess.RE_REVIEW_REQUESTED.equals(task.getVariable(RatingProcess.VAR_RE_REVIEW)));
    }
}
