package cn.zs.civil.application;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;

/**
 * A rule about a new application that a form cannot express because it looks at other cases (one open divorce per
 * marriage). Features declare beans of this type; a submission with findings is refused field by field, like the
 * form's own, and creates nothing.
 */
public interface SubmissionCheck {

    /** Findings on a submission whose form is already valid; empty when it may go ahead. */
    List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale);

    /** The same, for a rule about who submits (a registrar's qualification at the counter's check-in). */
    default List<FieldProblem> check(PlatformUser user, String serviceCode, Map<String, Object> values,
            Locale locale) {
        return check(serviceCode, values, locale);
    }

    /**
     * Called in the submission's transaction once the case exists, so that the next submission's check sees it
     * before any background step has run.
     */
    default void submitted(String applicationNo, String serviceCode, Map<String, Object> values) {
    }

    /** The same, knowing who submitted. */
    default void submitted(PlatformUser user, String applicationNo, String serviceCode, Map<String, Object> values) {
        submitted(applicationNo, serviceCode, values);
    }

    /**
     * Whether this submission, which passed {@link #check}, carries an online booking that the check matched: the
     * case is then recorded as booked online ({@link CaseChannel#BOOKED}) rather than a walk-in.
     */
    default boolean matchedBooking(String serviceCode, Map<String, Object> values) {
        return false;
    }
}
