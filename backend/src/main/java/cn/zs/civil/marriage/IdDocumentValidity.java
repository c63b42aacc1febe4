package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.MARRIAGE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.PARTIES;
import static cn.zs.civil.marriage.MarriageProcess.validUntilField;

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
import cn.zs.civil.problem.FieldProblems;

/**
 * Domain brief §1(e) 1: a party's identity document must be valid on the day of the act. The counter enters each
 * card's end of validity at the marriage check-in and the divorce application (a long-term card has none and the
 * field stays blank); a card whose last valid day is before today, by the platform's clock, refuses the submission
 * on that party's field. The card is valid through its end date.
 */
@Component
class IdDocumentValidity implements SubmissionCheck {

    private final MessageSource messages;

    IdDocumentValidity(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!MARRIAGE_SERVICE.equals(serviceCode) && !DIVORCE_SERVICE.equals(serviceCode)) {
            return List.of();
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        List<FieldProblem> problems = new ArrayList<>();
        for (String p : PARTIES) {
            String field = validUntilField(p);
            LocalDate validUntil = FormDates.of(values.get(field));
            if (validUntil != null && validUntil.isBefore(today)) {
                problems.add(FieldProblems.of(messages, locale, field, "marriage.label." + field,
                        "marriage.idDocumentExpired", validUntil.toString(), today.toString()));
            }
        }
        return problems;
    }
}
