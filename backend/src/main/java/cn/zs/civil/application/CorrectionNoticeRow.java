package cn.zs.civil.application;

import java.time.LocalDateTime;

/** The one correction notice of a case (一次告知): every missing item at once. */
public record CorrectionNoticeRow(String applicationNo, String items, String note, String requestedBy,
        LocalDateTime requestedAt, LocalDateTime suppliedAt) {

    /** The same notice with its items and note as read (opened) or as stored (sealed). */
    CorrectionNoticeRow withText(String itemsValue, String noteValue) {
        return new CorrectionNoticeRow(applicationNo, itemsValue, noteValue, requestedBy, requestedAt, suppliedAt);
    }
}
