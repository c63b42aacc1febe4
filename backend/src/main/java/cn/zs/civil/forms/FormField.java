package cn.zs.civil.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One component of a Camunda Form (form-js schema) as far as validation needs it. Containers ({@code group},
 * {@code dynamiclist}) hold their children; display-only components have no key.
 */
public record FormField(
        String key,
        String type,
        String label,
        String labelEn,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        String validationType,
        String subtype,
        Integer decimalDigits,
        boolean multiple,
        List<Option> options,
        String hideExpression,
        String path,
        List<FormField> children,
        Map<String, String> properties) {

    /** An option of a select, radio, checklist or taglist; the English label comes from {@code properties["en:<value>"]}. */
    public record Option(String value, String label) {
    }

    public boolean holdsValue() {
        return key != null && !key.isBlank() && !FormDefinition.CONTAINER_TYPES.contains(type)
                && !FormDefinition.DISPLAY_TYPES.contains(type);
    }

    public String label(boolean english) {
        String chosen = english && labelEn != null ? labelEn : label;
        return chosen == null || chosen.isBlank() ? key : chosen;
    }

    /** Facts the process decides on go to the engine; everything else stays in the platform's own tables. */
    public boolean isProcessVariable() {
        return "true".equals(properties.get("variable"));
    }

    /**
     * Handed to the process for the step it completes only (a Camunda transient variable): a listener may keep it in
     * the platform's tables, the engine never stores it (free text to an applicant, which may hold personal data).
     */
    public boolean isTransientVariable() {
        return "transient".equals(properties.get("variable"));
    }
}
