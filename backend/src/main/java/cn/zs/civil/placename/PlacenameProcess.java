package cn.zs.civil.placename;

/** Ids and variable names of the place-name approval process; delegates and tests use these, never literals. */
public final class PlacenameProcess {

    public static final String KEY = "placename-approval";
    public static final String DECISION_AUTHORITY = "placename-approval-authority";

    // Start-form facts the process decides on (no personal data).
    public static final String VAR_APPLICATION_TYPE = "applicationType";
    public static final String VAR_FEATURE_CATEGORY = "featureCategory";
    // Results of the automated naming-rule check: codes only, the details stay in placename_name_check.
    public static final String VAR_NAME_CHECK_PASSED = "nameCheckPassed";
    public static final String VAR_NAME_FINDINGS = "nameFindings";
    // Periods of this case, fixed when it is received so that a change of configuration does not move them.
    public static final String VAR_CONSULTATION_PERIOD = "consultationPeriod";
    public static final String VAR_FILING_LIMIT_DAYS = "filingLimitDays";
    public static final String VAR_ANNOUNCEMENT_LIMIT_DAYS = "announcementLimitDays";
    public static final String VAR_REMINDER_DAYS_BEFORE = "reminderDaysBefore";
    public static final String VAR_HEARING_REQUESTED = "hearingRequested";
    public static final String VAR_AUTHORITY = "authority";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DECISION_DOCUMENT_NO = "decisionDocumentNo";
    public static final String VAR_APPROVED_AT = "approvedAt";
    public static final String VAR_FILED_AT = "filedAt";
    public static final String VAR_OVERDUE_STEP = "overdueStep";
    public static final String VAR_REASON_CODE = "reasonCode";

    public static final String TYPE_NAMING = "NAMING";
    public static final String TYPE_RENAMING = "RENAMING";

    // Start-form fields the delegates read from the platform's tables.
    static final String FIELD_SPECIFIC_PART = "specificPart";
    static final String FIELD_GENERIC_PART = "genericPart";
    static final String FIELD_CURRENT_NAME = "currentName";
    static final String FIELD_LOCATION = "location";
    static final String FIELD_DISTRICT = "district";
    static final String FIELD_APPLICANT_ORGANISATION = "applicantOrganisation";

    private PlacenameProcess() {
    }
}
