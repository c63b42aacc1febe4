package cn.zs.civil.application;

import java.time.LocalDateTime;

/** The one correction notice of a case (一次告知): every missing item at once. */
public record CorrectionNoticeRow(String applicationNo, String items, String note, String requestedBy,
        LocalDateTime requestedAt, LocalDateTime suppliedAt) {
}
