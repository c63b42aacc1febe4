package cn.zs.civil.application;

/** What happened on a case. Each has a plain-language text for the applicant in {@code i18n/messages}. */
public enum CaseEventType {
    SUBMITTED,
    CHECKED,
    ACCEPTED,
    DEEMED_ACCEPTED,
    NOT_ACCEPTED,
    CLAIMED,
    UNCLAIMED,
    TASK_COMPLETED,
    CORRECTIONS_REQUESTED,
    CORRECTIONS_SUPPLIED,
    WITHDRAWN,
    DECIDED,
    ATTACHMENT_READ,
    ESCALATED,
    /** A step's statutory period ends soon (a reminder before the escalation). */
    STEP_DUE_SOON,
    BOTH_APPEARED,
    RECORD_READ,
    COMMENTED,
    /** Counter staff asked the head of the authority to extend the time limit (行政许可法 Art. 42). */
    EXTENSION_REQUESTED,
    /** The head approved the extension: the statutory limit is longer, the reason told to the applicant. */
    EXTENSION_APPROVED,
    /** The head refused the extension: the limit stands. */
    EXTENSION_REFUSED,
    /**
     * A step the statutory clock does not count started (ALL Art. 45: expert review, consultation, hearing); the
     * applicant was told in writing how long it will take.
     */
    STEP_EXCLUDED,
    RATED,
    /** Rated on the rating device of the counter that served the applicant. */
    RATED_AT_COUNTER,
    RATING_DEFAULTED,
    RATING_FEEDBACK,
    RATING_REVIEWED,
    /** The registrar flagged a suspected trafficked or abducted woman and reported it (婚姻登记条例 2025 Art. 6). */
    TRAFFICKING_REPORTED,
    /** The registrar flagged domestic violence and told the party where to get help (2025 Art. 6). */
    VIOLENCE_REFERRAL,
    /**
     * A registrar did a step of a marriage or divorce registration under a qualification valid that day; the entry
     * names the registrar and the certificate (2003 regulations Art. 3).
     */
    REGISTRAR_ACTED
}
