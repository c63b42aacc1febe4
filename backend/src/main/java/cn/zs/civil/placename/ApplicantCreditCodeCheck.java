package cn.zs.civil.placename;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.registry.CreditCodes;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * The applying organisation's unified social credit code must be one that can exist: both check characters of
 * GB 32100 right, including the GB 11714 organisation code's in positions 9-17. The form checks only its shape.
 */
@Component
class ApplicantCreditCodeCheck implements SubmissionCheck {

    static final String FIELD = "creditCode";

    private final MessageSource messages;

    ApplicantCreditCodeCheck(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!PlacenameProcess.KEY.equals(serviceCode) || !(values.get(FIELD) instanceof String code)
                || CreditCodes.valid(code)) {
            return List.of();
        }
        return List.of(FieldProblems.of(messages, locale, FIELD, "placename.label.creditCode", "form.creditCodeCheck"));
    }
}
