package cn.zs.civil.rating;

import java.time.LocalDateTime;

/** One row of {@code service_rating}: the rating window of a case, its rating and its work order. */
public record RatingRow(
        String applicationNo,
        String serviceCode,
        String district,
        LocalDateTime requestedAt,
        LocalDateTime windowEndsAt,
        Integer ratingLevel,
        String commentText,
        String channel,
        String ratedBy,
        LocalDateTime ratedAt,
        boolean isDefault,
        String workOrderState,
        LocalDateTime workOrderDue,
        String feedbackText,
        String feedbackBy,
        LocalDateTime feedbackAt,
        String reviewOutcome,
        String reviewedBy,
        LocalDateTime reviewedAt) {
}
