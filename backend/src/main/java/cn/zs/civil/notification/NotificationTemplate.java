package cn.zs.civil.notification;

/**
 * What a notification says; its texts are {@code notification.<name>.subject|body|sms} in
 * {@code i18n/notifications*.properties}, with the parameters each names (besides {@code service}, {@code no} and
 * {@code link}, which every case-bound template gets).
 */
public enum NotificationTemplate {
    /** The application was received. */
    RECEIPT,
    /** The one correction notice was issued: {@code deadline} (a date in words), read at delivery time. */
    CORRECTION_NOTICE,
    /**
     * The head of the authority extended the statutory time limit (行政许可法 Art. 42): {@code due}, the new last day;
     * the reason is on the case's page (free text stays out of messages).
     */
    EXTENSION,
    /**
     * A step the statutory clock does not count started (ALL Art. 45): {@code step}, the pause reason (written out
     * here), {@code days} how long it is expected to take and {@code until} its expected last day.
     */
    EXCLUDED_STEP,
    /** The case ended with a decision: {@code outcome} (the outcome in words), granted or refused. */
    DECISION,
    /** An appointment was booked: {@code date}, {@code time}, {@code office}. */
    APPOINTMENT_CONFIRMED,
    /** An appointment is near: {@code date}, {@code time}, {@code office}. */
    APPOINTMENT_REMINDER,
    /** The rating window opened: {@code link} leads to the rating, {@code rateBy} its last day. */
    RATING_REQUEST
}
