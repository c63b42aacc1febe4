package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.MARRIAGE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.PARTIES;
import static cn.zs.civil.marriage.MarriageProcess.birthDateField;
import static cn.zs.civil.marriage.MarriageProcess.idField;
import static cn.zs.civil.marriage.MarriageProcess.idTypeField;
import static cn.zs.civil.marriage.MarriageProcess.sexField;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.forms.FormDates;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Brief §1(a), §1(d): each party's document number has the form of the document chosen (a resident ID card when
 * none is), and at a marriage a party without a mainland resident ID states sex and date of birth, which the
 * databases cannot give for that party (the eligibility table decides on them). Where the province has authorised
 * only some registries for such cases ({@code platform.marriage.non-mainland-registries}), a case with a party who is
 * not a mainland resident is refused at any other.
 */
@Component
class PartyDocumentCheck implements SubmissionCheck {

    static final String DISTRICT = "district";

    private final MessageSource messages;
    private final Set<String> nonMainlandRegistries;

    PartyDocumentCheck(MessageSource messages,
            @Value("${platform.marriage.non-mainland-registries:}") List<String> nonMainlandRegistries) {
        this.messages = messages;
        this.nonMainlandRegistries = nonMainlandRegistries.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        boolean marriage = MARRIAGE_SERVICE.equals(serviceCode);
        if (!marriage && !DIVORCE_SERVICE.equals(serviceCode)) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean nonMainland = false;
        for (String p : PARTIES) {
            PartyDocument document = PartyDocument.of(values.get(idTypeField(p)));
            nonMainland |= !document.mainland();
            Object number = values.get(idField(p));
            if (number instanceof String s && !document.matches(s)) {
                problems.add(problem(locale, idField(p), "marriage.document.badNumber." + document.name()));
            }
            if (marriage && !document.mainland()) {
                if (!(values.get(sexField(p)) instanceof String sex) || sex.isBlank()) {
                    problems.add(problem(locale, sexField(p), "marriage.document.sexRequired"));
                }
                LocalDate birth = FormDates.of(values.get(birthDateField(p)));
                if (birth == null || birth.isAfter(BusinessTime.now().toLocalDate())) {
                    problems.add(problem(locale, birthDateField(p), "marriage.document.birthDateRequired"));
                }
            }
        }
        if (nonMainland && !nonMainlandRegistries.isEmpty()
                && !nonMainlandRegistries.contains(String.valueOf(values.get(DISTRICT)))) {
            problems.add(FieldProblems.of(messages, locale, DISTRICT, "marriage.label." + DISTRICT,
                    "marriage.document.registryNotAuthorised"));
        }
        return problems;
    }

    private FieldProblem problem(Locale locale, String field, String code) {
        return FieldProblems.of(messages, locale, field, "marriage.label." + field, code);
    }
}
