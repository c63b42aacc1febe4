package cn.zs.civil.marriage;

/** Ids, messages and variable names of the marriage and divorce processes; delegates and tests use these. */
public final class MarriageProcess {

    public static final String MARRIAGE_KEY = "marriage-registration";
    public static final String DIVORCE_KEY = "divorce-registration";
    public static final String MARRIAGE_SERVICE = "marriage-registration";
    public static final String DIVORCE_SERVICE = "divorce-registration";
    public static final String MESSAGE_WITHDRAWN = "DivorceWithdrawn";
    public static final String MESSAGE_BOTH_APPEARED = "BothPartiesAppeared";

    public static final String VAR_REGISTRY_AVAILABLE = "registryAvailable";
    public static final String VAR_REGISTRY_RETRY_INTERVAL = "registryRetryInterval";
    public static final String VAR_STATUS_MISMATCH = "statusMismatch";
    public static final String VAR_AGE_MAN = "ageMan";
    public static final String VAR_AGE_WOMAN = "ageWoman";
    public static final String VAR_ONE_MAN_ONE_WOMAN = "oneManOneWoman";
    public static final String VAR_ANY_PARTY_MARRIED = "anyPartyMarried";
    public static final String VAR_MARRIED_TO_EACH_OTHER = "marriedToEachOther";
    public static final String VAR_OPEN_DIVORCE_CASE = "openDivorceCase";
    public static final String VAR_IDENTITY_VERIFIED = "identityVerified";
    public static final String VAR_NON_LOCAL = "nonLocal";
    /** A party identified by a document other than a mainland resident ID: checked by hand, not by the databases. */
    public static final String VAR_NON_MAINLAND_PARTY = "nonMainlandParty";
    /** The household register suggests the parties are close relatives: the registrar checks it (brief §1(e) 5). */
    public static final String VAR_KINSHIP_SIGNAL = "kinshipSignal";
    public static final String VAR_MARRIAGE_RECORD_FOUND = "marriageRecordFound";
    public static final String VAR_DUPLICATE_CASE = "duplicateCase";
    /**
     * The certificate number as a fact of the issue step's form ({@link MarriageCertificates}); not an engine
     * variable: its home is {@code marriage_certificate}.
     */
    public static final String VAR_CERTIFICATE_NO = "certificateNo";
    public static final String VAR_COOLING_OFF_ENDS_AT = "coolingOffEndsAt";
    public static final String VAR_CERTIFICATE_WINDOW_ENDS_AT = "certificateWindowEndsAt";
    public static final String VAR_CALENDAR_VERSION = "calendarVersion";
    public static final String VAR_APPEARED_AT = "appearedAt";
    public static final String VAR_WITHDRAWN_BY_PARTY = "withdrawnByParty";

    static final String[] PARTIES = {"A", "B"};

    static String nameField(String party) {
        return "party" + party + "Name";
    }

    static String idField(String party) {
        return "party" + party + "IdNumber";
    }

    static String idTypeField(String party) {
        return "party" + party + "IdType";
    }

    static String sexField(String party) {
        return "party" + party + "Sex";
    }

    static String birthDateField(String party) {
        return "party" + party + "BirthDate";
    }

    static String validUntilField(String party) {
        return "party" + party + "IdValidUntil";
    }

    static String declaredField(String party) {
        return "party" + party + "DeclaredStatus";
    }

    private MarriageProcess() {
    }
}
