package cn.zs.civil.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The rating window ended without a rating: records the default 基本满意. */
@Component("recordDefaultRatingDelegate")
class RecordDefaultRatingDelegate implements JavaDelegate {

    private final RatingService ratings;

    RecordDefaultRatingDelegate(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ratings.recordDefault(execution.getProcessBusinessKey());
        execution.setVariable(RatingProcess.VAR_RATING_LEVEL, RatingLevel.BASICALLY_SATISFIED.value());
        execution.setVariable(RatingProcess.VAR_BAD_RATING, false);
    }
}
