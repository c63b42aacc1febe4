package cn.zs.civil.problem;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Field problems of rules beyond the form, labelled and worded in the reader's language like the form's own. */
public final class FieldProblems {

    private FieldProblems() {
    }

    /**
     * @param labelKey the message key of the field's label (the field key itself when there is none)
     * @param code the message key of the finding, also its code in the answer
     */
    public static FieldProblem of(MessageSource messages, Locale locale, String field, String labelKey, String code,
            Object... args) {
        return new FieldProblem(field, messages.getMessage(labelKey, null, field, locale), code,
                messages.getMessage(code, args, locale));
    }

    /**
     * The same, for the common findings whose message names the field first ({@code form.required},
     * {@code form.tooLong}: "“{0}”不能超过{1}个字"): the label is the message's first argument, {@code more} the rest.
     */
    public static FieldProblem labelled(MessageSource messages, Locale locale, String field, String labelKey,
            String code, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = messages.getMessage(labelKey, null, field, locale);
        System.arraycopy(more, 0, args, 1, more.length);
        return of(messages, locale, field, labelKey, code, args);
    }
}
