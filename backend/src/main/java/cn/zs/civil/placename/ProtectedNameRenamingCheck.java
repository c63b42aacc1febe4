package cn.zs.civil.placename;

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
 * 《地名管理条例》第二十五条: a name on the protection list (历史地名保护名录, the register's protected names) that
 * really must be renamed is renamed only after the people's government has set protective measures. A renaming of
 * such a name therefore states the measures' document number and date of issue, or it is refused field by field;
 * a date of issue in the future is no measure taken.
 */
@Component
class ProtectedNameRenamingCheck implements SubmissionCheck {

    static final String FIELD_MEASURES_NO = "protectionMeasuresNo";
    static final String FIELD_MEASURES_DATE = "protectionMeasuresDate";

    private final PlacenameMapper register;
    private final MessageSource messages;

    ProtectedNameRenamingCheck(PlacenameMapper register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!PlacenameProcess.KEY.equals(serviceCode)
                || !PlacenameProcess.TYPE_RENAMING.equals(values.get(PlacenameProcess.VAR_APPLICATION_TYPE))
                || !(values.get(PlacenameProcess.FIELD_CURRENT_NAME) instanceof String current) || current.isBlank()
                || register.activeByName(current.strip()).stream().noneMatch(NameChecker.Entry::protectedName)) {
            return List.of();
        }
        List<FieldProblem> out = new ArrayList<>();
        if (!(values.get(FIELD_MEASURES_NO) instanceof String no) || no.isBlank()) {
            out.add(problem(FIELD_MEASURES_NO, "placename.protectionMeasures.required", locale, current.strip()));
        }
        LocalDate issued = FormDates.of(values.get(FIELD_MEASURES_DATE));
        LocalDate today = BusinessTime.now().toLocalDate();
        if (issued == null) {
            out.add(problem(FIELD_MEASURES_DATE, "placename.protectionMeasures.required", locale, current.strip()));
        } else if (issued.isAfter(today)) {
            out.add(problem(FIELD_MEASURES_DATE, "placename.dateInFuture", locale, today));
        }
        return out;
    }

    private FieldProblem problem(String field, String code, Locale locale, Object arg) {
        return FieldProblems.of(messages, locale, field, "placename.label." + field, code, arg);
    }
}
