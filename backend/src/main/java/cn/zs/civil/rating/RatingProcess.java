package cn.zs.civil.rating;

/** Ids, messages and variables of {@code processes/rating/service-rating.bpmn}. */
public final class RatingProcess {

    public static final String PROCESS_KEY = "service-rating";
    /** Starts the rating process when a case ends with a result. */
    public static final String MESSAGE_RATE_REQUEST = "RateRequest";
    /** The applicant rated: ends the wait for a rating (and its default timer). */
    public static final String MESSAGE_SERVICE_RATED = "ServiceRated";

    public static final String VAR_SERVICE_CODE = "serviceCode";
    public static final String VAR_DISTRICT = "district";
    public static final String VAR_RATING_WINDOW_ENDS_AT = "ratingWindowEndsAt";
    public static final String VAR_WORK_ORDER_GROUP = "workOrderGroup";
    public static final String VAR_RE_REVIEW_GROUP = "reReviewGroup";
    public static final String VAR_RATING_LEVEL = "ratingLevel";
    public static final String VAR_BAD_RATING = "badRating";
    public static final String VAR_WORK_ORDER_DUE_AT = "workOrderDueAt";
    /** Feedback form: the text to the applicant, a transient variable (kept in service_rating, never by the engine). */
    public static final String VAR_FEEDBACK = "feedback";
    /** Feedback form: {@code request} a re-review (申诉复核) or {@code none}. */
    public static final String VAR_RE_REVIEW = "reReview";
    public static final String RE_REVIEW_REQUESTED = "request";
    /** Re-review form: UPHELD or ANNULLED. */
    public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";

    private RatingProcess() {
    }
}
