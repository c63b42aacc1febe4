package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.REIMBURSEMENT_KEY;
import static cn.zs.civil.funeral.FuneralProcess.WAIVER_KEY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.forms.FormDates;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.catalogue.PolicyParameters;
import cn.zs.civil.problem.FieldProblems;

/**
 * Domain brief §4(e) 1 and §4(f): the dates of a case must be consistent, death ≤ cremation ≤ receipt of the claim
 * (a waiver registered at the city's funeral home may precede the cremation), and a reimbursement is claimed within
 * the claim window after the cremation ([M] in the brief: commonly 6 to 12 months; a policy parameter, the one in
 * force on the day the claim is received; the jar's is {@code platform.funeral.claim-window-months}).
 */
@Component
class FuneralDatesCheck implements SubmissionCheck {

    static final String DATE_OF_DEATH = "dateOfDeath";
    static final String CREMATION_DATE = "cremationDate";

    private final MessageSource messages;
    private final PolicyParameters parameters;

    FuneralDatesCheck(MessageSource messages, PolicyParameters parameters) {
        this.messages = messages;
        this.parameters = parameters;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!WAIVER_KEY.equals(serviceCode) && !REIMBURSEMENT_KEY.equals(serviceCode)) {
            return List.of();
        }
        LocalDate received = BusinessTime.now().toLocalDate();
        LocalDate death = FormDates.of(values.get(DATE_OF_DEATH));
        LocalDate cremation = FormDates.of(values.get(CREMATION_DATE));
        List<FieldProblem> problems = new ArrayList<>();
        if (death != null && death.isAfter(received)) {
            problems.add(problem(DATE_OF_DEATH, "funeral.deathAfterReceipt", locale, received));
        }
        if (death != null && cremation != null && cremation.isBefore(death)) {
            problems.add(problem(CREMATION_DATE, "funeral.cremationBeforeDeath", locale, death));
        }
        if (REIMBURSEMENT_KEY.equals(serviceCode) && cremation != null) {
            int claimWindowMonths = parameters.valueOn(PolicyParameters.FUNERAL_CLAIM_WINDOW, received);
            if (cremation.isAfter(received)) {
                problems.add(problem(CREMATION_DATE, "funeral.cremationAfterReceipt", locale, received));
            } else if (received.isAfter(cremation.plusMonths(claimWindowMonths))) {
                problems.add(problem(CREMATION_DATE, "funeral.claimWindowOver", locale,
                        cremation.plusMonths(claimWindowMonths), claimWindowMonths));
            }
        }
        return problems;
    }

    private FieldProblem problem(String field, String code, Locale locale, Object... args) {
        return FieldProblems.of(messages, locale, field, "funeral.label." + field, code, args);
    }
}
