package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.PARTIES;
import static cn.zs.civil.marriage.MarriageProcess.idField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Domain brief §1(e) 6: no two open divorce cases for the same marriage. A second application while the first is
 * open is refused, naming the first, on the field of each spouse who is already a party to it. The parties are
 * recorded with the case in the submission's own transaction, so the check holds before the first case's background
 * registry check has run.
 */
@Component
class OneOpenDivorcePerMarriage implements SubmissionCheck {

    private final MarriageParties parties;
    private final MessageSource messages;

    OneOpenDivorcePerMarriage(MarriageParties parties, MessageSource messages) {
        this.parties = parties;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!DIVORCE_SERVICE.equals(serviceCode)) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String p : PARTIES) {
            String field = idField(p);
            List<String> open = parties.openCasesOfParty(DIVORCE_SERVICE, String.valueOf(values.get(field)));
            if (!open.isEmpty()) {
                problems.add(FieldProblems.of(messages, locale, field, "divorce.label." + field,
                        "divorce.openCaseExists", open.get(0)));
            }
        }
        return problems;
    }

    @Override
    public void submitted(String applicationNo, String serviceCode, Map<String, Object> values) {
        if (DIVORCE_SERVICE.equals(serviceCode)) {
            parties.register(applicationNo, serviceCode, values);
        }
    }
}
