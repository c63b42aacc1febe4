package cn.zs.civil.clock;

/** Why a case's clock is stopped: the time ALL Art. 45 (and the correction rule of Art. 32) excludes. */
public enum PauseReason {
    /** Waiting for the applicant's corrections (补正). */
    CORRECTIONS,
    /** Expert review or appraisal (专家评审、鉴定). */
    EXPERT_REVIEW,
    /** Public consultation (征求意见). */
    CONSULTATION,
    /** A hearing (听证). */
    HEARING,
    /** A public announcement period (公示、公告). */
    PUBLIC_NOTICE,
    /** Inspection, testing or quarantine (检验、检测、检疫). */
    INSPECTION
}
