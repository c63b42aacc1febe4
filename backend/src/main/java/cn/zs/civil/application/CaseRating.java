package cn.zs.civil.application;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The service rating of a case as its reader sees it (given, or still open and until when), shown with the case.
 * Implemented by the rating feature; the case does not depend on it.
 */
public interface CaseRating {

    /**
     * null when the case cannot be rated (still open, withdrawn, ended without a result); {@code shown} is how staff's
     * free text reaches this reader (in full, or with numbers that are not the reader's own masked).
     */
    Object of(ApplicationRow row, Locale locale, UnaryOperator<String> shown);

    /** The applicant's comment with their rating (in full: staff read it in the case's history), or null. */
    String comment(String applicationNo);
}
