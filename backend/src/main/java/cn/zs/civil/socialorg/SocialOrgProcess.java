package cn.zs.civil.socialorg;

/** Ids and variable names of the three social-organisation processes; delegates and tests use these, never literals. */
public final class SocialOrgProcess {

    public static final String ESTABLISHMENT_KEY = "socialorg-establishment";
    public static final String CHANGE_KEY = "socialorg-change";
    public static final String CANCELLATION_KEY = "socialorg-cancellation";
    public static final String DECISION_CONDITIONS = "socialorg-establishment-conditions";
    public static final String DECISION_CHANGE_ANNOUNCEMENT = "socialorg-change-announcement";
    public static final String TASK_VERIFY_ON_SITE = "Task_VerifyOnSite";

    // Facts in the engine (no personal data).
    public static final String VAR_ORG_TYPE = "orgType";
    public static final String VAR_FOUNDATION_KIND = "foundationKind";
    public static final String VAR_LIABILITY_FORM = "liabilityForm";
    public static final String VAR_DIRECT_CATEGORY = "directCategory";
    public static final String VAR_INDIVIDUAL_MEMBERS = "individualMembers";
    public static final String VAR_UNIT_MEMBERS = "unitMembers";
    public static final String VAR_FUNDS = "funds";
    public static final String VAR_COMPETENT = "competent";
    public static final String VAR_NAME_CHECK = "nameCheck";
    public static final String VAR_NAME_FINDINGS = "nameFindings";
    public static final String VAR_NAME_SIMILAR_TO = "nameSimilarTo";
    public static final String VAR_REASON_CODE = "reasonCode";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REFUSAL_GROUND = "refusalGround";
    public static final String VAR_SECOND_VERIFIER = "secondVerifier";
    public static final String VAR_DECIDED_AT = "decidedAt";
    public static final String VAR_CERTIFICATE_DELIVERY_DAYS = "certificateDeliveryDays";
    public static final String VAR_CERTIFICATE_NO = "certificateNo";
    public static final String VAR_CREDIT_CODE = "creditCode";
    public static final String VAR_CERTIFICATE_TYPE = "certificateType";
    public static final String VAR_REGISTERED_HERE = "registeredHere";
    public static final String VAR_FILED_IN_TIME = "filedInTime";
    public static final String VAR_DAYS_SINCE_APPROVAL = "daysSinceApproval";
    public static final String VAR_DAYS_SINCE_LIQUIDATION = "daysSinceLiquidation";
    public static final String VAR_CHANGED_ITEM = "changedItem";

    public static final String NAME_PASSED = "PASSED";
    public static final String NAME_FLAGGED = "FLAGGED";
    public static final String NOT_COMPETENT = "NOT_COMPETENT";
    public static final String FOUNDATION = "FOUNDATION";
    public static final String SOCIAL_GROUP = "SOCIAL_GROUP";
    public static final String PRIVATE_NON_ENTERPRISE = "PRIVATE_NON_ENTERPRISE";

    // Form fields the delegates read from the platform's tables.
    static final String FIELD_PROPOSED_NAME = "proposedName";
    static final String FIELD_ORGANISATION_NAME = "organisationName";
    static final String FIELD_REGISTRATION_NO = "registrationNo";
    static final String FIELD_APPROVED_ON = "approvedOn";
    static final String FIELD_LIQUIDATION_ENDED_ON = "liquidationEndedOn";
    static final String FIELD_NEW_VALUE = "newValue";
    static final String FIELD_DOMICILE = "domicile";
    static final String FIELD_PURPOSE = "purpose";
    static final String FIELD_BUSINESS_SCOPE = "businessScope";
    static final String FIELD_LEGAL_REP_NAME = "legalRepName";
    static final String FIELD_FUNDS = "funds";
    static final String FIELD_REASONS = "reasons";

    private SocialOrgProcess() {
    }
}
