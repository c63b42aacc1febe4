package cn.zs.civil.documents;

/** The documents the platform issues; the label of each is {@code document.kind.<name>} in the messages. */
public enum DocumentKind {
    RECEIPT, CORRECTION_NOTICE, REFUSAL_NOTICE, WAIVER_NOTICE, SOCIALORG_CERTIFICATE, SOCIALORG_ANNOUNCEMENT,
    PLACENAME_ANNOUNCEMENT, PLACENAME_USE_CERTIFICATE, MARRIAGE_COPY, DIVORCE_COPY, DIVORCE_WITHDRAWAL;

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
    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
