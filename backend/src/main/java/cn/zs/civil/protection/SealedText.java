package cn.zs.civil.protection;

import org.springframework.stereotype.Component;

/**
 * Free text typed by staff and applicants (a correction notice, a comment, an event's data, a rating's texts) sealed
 * with the form data's keys ({@link DataCipher}), each value bound to its case and column, so that a clerk's note
 * with an ID number or a bank account lies nowhere in plain text. Each column's owner seals what it writes and opens
 * what it reads here; {@link FreeTextSealing} seals the rows written before and re-seals them after a rotation.
 */
@Component
public class SealedText {

    /** The sealed free-text columns: the table, the column that identifies a row, the column sealed. */
    public enum Column {
        CORRECTION_ITEMS("correction_notice", "application_no", "items"),
        CORRECTION_NOTE("correction_notice", "application_no", "note"),
        CASE_EVENT_DATA("case_event", "id", "data"),
        CASE_COMMENT_BODY("case_comment", "id", "body"),
        EXTENSION_REASON("case_extension", "application_no", "reason"),
        RATING_COMMENT("service_rating", "application_no", "comment_text"),
        RATING_FEEDBACK("service_rating", "application_no", "feedback_text"),
        /** The documents of a social organisation's case: they name its legal representative and the typed reasons. */
        SO_RECEIPT("so_case", "application_no", "receipt_text"),
        SO_DECISION("so_case", "application_no", "decision_text"),
        SO_ANNOUNCEMENT("so_case", "application_no", "announcement_text");

        final String table;
        final String key;
        final String column;

        Column(String table, String key, String column) {
            this.table = table;
            this.key = key;
            this.column = column;
        }

        String context(String applicationNo) {
            return applicationNo + "/" + table + "." + column;
        }
    }

    private final DataCipher cipher;

    public SealedText(DataCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(Column column, String applicationNo, String plain) {
        return plain == null ? null : cipher.seal(plain, column.context(applicationNo));
    }

    /** The plain text; a value written before sealing (no prefix) is returned as it is. */
    public String open(Column column, String applicationNo, String stored) {
        return cipher.open(stored, column.context(applicationNo));
    }
}
