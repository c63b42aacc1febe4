package cn.zs.civil.funeral;

/** Ids and variable names of the two funeral-waiver processes; delegates and tests use these, never literals. */
public final class FuneralProcess {

    public static final String WAIVER_KEY = "funeral-fee-waiver";
    public static final String REIMBURSEMENT_KEY = "funeral-fee-reimbursement";
    public static final String DECISION_ELIGIBILITY = "funeral-eligibility";
    public static final String DECISION_ITEM_STANDARDS = "funeral-item-standards";
    public static final String DECISION_TOTAL_CAP = "funeral-total-cap";
    public static final String ERROR_ALREADY_WAIVED = "ALREADY_WAIVED";

    // Facts found by the registry checks (no personal data).
    public static final String VAR_IDENTITY_VERIFIED = "identityVerified";
    public static final String VAR_DEATH_VERIFIED = "deathVerified";
    public static final String VAR_HUKOU_LOCAL = "hukouLocal";
    public static final String VAR_DIED_LOCALLY = "diedLocally";
    public static final String VAR_CREMATED_LOCALLY = "crematedLocally";
    public static final String VAR_SPECIAL_GROUP = "specialGroup";
    /** The deceased's family may draw a policy funeral allowance of a category the city excludes (R203). */
    public static final String VAR_ALLOWANCE_EXCLUDED = "allowanceExcluded";
    /** The form field: which policy funeral allowance (丧葬费) the family may draw, if any. */
    public static final String FIELD_ALLOWANCE_CATEGORY = "allowanceCategory";
    public static final String VAR_CREMATION_VERIFIED = "cremationVerified";
    public static final String VAR_WAIVED_ELSEWHERE = "waivedElsewhere";
    public static final String VAR_CHECKS_PASSED = "checksPassed";
    public static final String VAR_WAIVED_ELSEWHERE_DECLARED = "waivedElsewhereDeclared";
    public static final String VAR_ELIGIBILITY = "eligibility";
    public static final String VAR_CHARGED_AMOUNT = "chargedAmount";
    public static final String VAR_WAIVER_AMOUNT = "waiverAmount";
    public static final String VAR_WAIVER_LINES = "waiverLines";
    public static final String VAR_RULE_VERSIONS = "ruleVersions";
    public static final String VAR_REASON_CODE = "reasonCode";
    /** The deceased already has a waiver or reimbursement in the city (another case): the reviewer's warning. */
    public static final String VAR_ALREADY_WAIVED_IN_CITY = "alreadyWaivedInCity";
    public static final String VAR_EARLIER_WAIVER_NO = "earlierWaiverNo";
    /** §4(e)5: whether every invoice line is within the government price list, and those lines (worded on the task page). */
    public static final String VAR_WITHIN_PRICE_LIST = "withinPriceList";
    public static final String VAR_OVER_PRICED_ITEMS = "overPricedItems";

    // Start-form fields the delegates read from the platform's tables.
    static final String FIELD_DECEASED_ID = "deceasedIdNumber";
    static final String FIELD_DECEASED_NAME = "deceasedName";
    static final String FIELD_DEATH_CERTIFICATE = "deathCertificateNo";
    static final String FIELD_CREMATION_CERTIFICATE = "cremationCertificateNo";
    static final String FIELD_ITEMS = "items";

    private FuneralProcess() {
    }
}
