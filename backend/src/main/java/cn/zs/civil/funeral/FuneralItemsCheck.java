package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.REIMBURSEMENT_KEY;
import static cn.zs.civil.funeral.FuneralProcess.WAIVER_KEY;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Domain brief §4(a) (Huizhou, Dongguan): ecological burial (生态安葬: sea, tree, flower burial) is the basic service
 * <em>instead of</em> ash storage, so one deceased has one or the other waived, never both; the standard of each is
 * in {@code funeral-item-standards.dmn}.
 */
@Component
class FuneralItemsCheck implements SubmissionCheck {

    static final String ITEMS = "items";
    static final String ASH_STORAGE = "ASH_STORAGE";
    static final String ECO_BURIAL = "ECO_BURIAL";

    private final MessageSource messages;

    FuneralItemsCheck(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!WAIVER_KEY.equals(serviceCode) && !REIMBURSEMENT_KEY.equals(serviceCode)
                || !(values.get(ITEMS) instanceof List<?> items)) {
            return List.of();
        }
        boolean ash = false;
        boolean eco = false;
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                ash |= ASH_STORAGE.equals(m.get("itemCode"));
                eco |= ECO_BURIAL.equals(m.get("itemCode"));
            }
        }
        return ash && eco ? List.of(FieldProblems.of(messages, locale, ITEMS, "funeral.label.items",
                "funeral.ecoBurialOrAshStorage")) : List.of();
    }
}
