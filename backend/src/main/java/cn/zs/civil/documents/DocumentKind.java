package cn.zs.civil.documents;

/** The documents the platform issues; the label of each is {@code document.kind.<name>} in the messages. */
public enum DocumentKind {
    RECEIPT, CORRECTION_NOTICE, REFUSAL_NOTICE, WAIVER_NOTICE, SOCIALORG_CERTIFICATE, SOCIALORG_ANNOUNCEMENT,
    PLACENAME_ANNOUNCEMENT, PLACENAME_USE_CERTIFICATE, MARRIAGE_COPY, DIVORCE_COPY, DIVORCE_WITHDRAWAL,
    /** 补发的结婚证电子证照 / 离婚证电子证照: issued by the marriage archive for a registration, one version each time. */
    MARRIAGE_REPLACEMENT, DIVORCE_REPLACEMENT,
    /** 婚姻登记记录证明: issued by the marriage archive for a person, under the reference of the query, not a case. */
    MARRIAGE_RECORD_CERTIFICATE;

    /** Whether a case's facts make the document ({@link DocumentTexts}) or its owner lays it out ({@link DocumentService#issueText}). */
    boolean fromCase() {
        return this != MARRIAGE_REPLACEMENT && this != DIVORCE_REPLACEMENT && this != MARRIAGE_RECORD_CERTIFICATE;
    }

    /** The kind named in a request, or null when it names none (never an exception: a URL is user input). */
    static DocumentKind parse(String value) {
        if (value == null || value.length() > 32) {
            return null;
        }
        for (DocumentKind k : values()) {
            if (k.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return k;
            }
        }
        return null;
    }

    /** The kind as it appears in a URL: {@code marriage-copy}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
