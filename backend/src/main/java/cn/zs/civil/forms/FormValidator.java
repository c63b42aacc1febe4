package cn.zs.civil.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.MessageSource;

import cn.zs.civil.problem.FieldProblem;

/**
 * Checks a submission against its form the way form-js checks it in the browser (required, types, ranges,
 * lengths, patterns, options, conditional visibility with FEEL), so a client that skips the browser gains nothing.
 * Hidden fields are dropped, unknown keys are refused, and every finding is reported at once.
 */
final class FormValidator {

    /** Bounds for free text when a form sets none: no field accepts unbounded input. */
    static final int DEFAULT_TEXTFIELD_MAX = 1000;
    static final int DEFAULT_TEXTAREA_MAX = 4000;
    static final int MAX_LIST_ITEMS = 50;

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 \\-]{5,19}$");
    private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
    private static final Set<String> CHOICE_TYPES = Set.of("select", "radio");
    private static final Set<String> MULTI_CHOICE_TYPES = Set.of("checklist", "taglist");

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    private final MessageSource messages;

    FormValidator(MessageSource messages) {
        this.messages = messages;
    }

    ValidatedForm validate(FormDefinition form, Map<String, Object> input, Locale locale) {
        Run run = new Run(locale);
        Map<String, Object> data = input == null ? Map.of() : input;
        Map<String, Object> values = run.fields(form.valueFields(), data, data, "");
        return new ValidatedForm(values, run.problems, run.attachmentIds, run.variables);
    }

    private final class Run {
        final Locale locale;
        final boolean english;
        final List<FieldProblem> problems = new ArrayList<>();
        final List<String> attachmentIds = new ArrayList<>();
        final Map<String, Object> variables = new LinkedHashMap<>();

        Run(Locale locale) {
            this.locale = locale;
            this.english = "en".equals(locale.getLanguage());
        }

        Map<String, Object> fields(List<FormField> fields, Map<String, Object> data, Map<String, Object> context,
                String prefix) {
            Map<String, Object> out = new LinkedHashMap<>();
            Set<String> known = new HashSet<>();
            for (FormField field : fields) {
                known.add(field.key());
                if (hidden(field, context)) {
                    continue;
                }
                Object raw = data.get(field.key());
                String path = prefix + field.key();
                Object value = "dynamiclist".equals(field.type()) ? list(field, raw, context, path) : value(field, raw, path);
                if (value != null) {
                    out.put(field.key(), value);
                    if (prefix.isEmpty() && field.isProcessVariable()) {
                        variables.put(field.key(), engineValue(value));
                    } else if (prefix.isEmpty() && field.isTransientVariable()) {
                        variables.put(field.key(), Variables.untypedValue(engineValue(value), true));
                    }
                }
            }
            for (String key : data.keySet()) {
                if (!known.contains(key)) {
                    problem(prefix + key, key, "form.unknownField");
                }
            }
            return out;
        }

        private Object list(FormField field, Object raw, Map<String, Object> context, String path) {
            if (isEmpty(raw)) {
                return required(field, path);
            }
            if (!(raw instanceof List<?> items)) {
                return problem(path, field.label(english), "form.notList");
            }
            if (items.size() > MAX_LIST_ITEMS) {
                return problem(path, field.label(english), "form.tooManyItems", MAX_LIST_ITEMS);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> item)) {
                    problem(path + "[" + i + "]", field.label(english), "form.notObject");
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> itemData = (Map<String, Object>) item;
                Map<String, Object> itemContext = new LinkedHashMap<>(context);
                itemContext.putAll(itemData);
                // As form-js evaluates a row's conditions: the row as `this`, the enclosing data as `parent`.
                itemContext.put("this", itemData);
                itemContext.put("parent", context);
                out.add(fields(field.children(), itemData, itemContext, path + "[" + i + "]."));
            }
            return out;
        }

        private Object value(FormField field, Object raw, String path) {
            if (isEmpty(raw)) {
                return required(field, path);
            }
            String label = field.label(english);
            return switch (field.type()) {
                case "textfield", "textarea" -> text(field, raw, path, label);
                case "number" -> number(field, raw, path, label);
                case "checkbox" -> checkbox(field, raw, path, label);
                case "select", "radio" -> choice(field, raw, path, label);
                case "checklist", "taglist" -> choices(field, raw, path, label);
                case "datetime" -> dateTime(field, raw, path, label);
                case "filepicker" -> files(field, raw, path, label);
                default -> problem(path, label, "form.unsupportedType", field.type());
            };
        }

        private Object required(FormField field, String path) {
            if (field.required()) {
                problem(path, field.label(english), "form.required");
            }
            return null;
        }

        private Object text(FormField field, Object raw, String path, String label) {
            if (!(raw instanceof String s)) {
                return problem(path, label, "form.notText");
            }
            String value = s.strip();
            int max = field.maxLength() != null ? field.maxLength()
                    : "textarea".equals(field.type()) ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXTFIELD_MAX;
            int length = value.codePointCount(0, value.length());
            if (value.isEmpty()) {
                return required(field, path);
            }
            if (field.minLength() != null && length < field.minLength()) {
                return problem(path, label, "form.tooShort", field.minLength());
            }
            if (length > max) {
                return problem(path, label, "form.tooLong", max);
            }
            if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return problem(path, label, "form.controlCharacters");
            }
            if (field.pattern() != null && !matches(field.pattern(), value)) {
                return problem(path, label, "form.pattern");
            }
            if ("email".equals(field.validationType()) && !EMAIL.matcher(value).matches()) {
                return problem(path, label, "form.notEmail");
            }
            if ("phone".equals(field.validationType()) && !PHONE.matcher(value).matches()) {
                return problem(path, label, "form.notPhone");
            }
            return value;
        }

        /** A required checkbox is a declaration: it must be ticked. */
        private Object checkbox(FormField field, Object raw, String path, String label) {
            if (!(raw instanceof Boolean b)) {
                return problem(path, label, "form.notBoolean");
            }
            if (field.required() && !b) {
                return problem(path, label, "form.mustAccept");
            }
            return b;
        }

        private Object number(FormField field, Object raw, String path, String label) {
            BigDecimal n;
            try {
                n = raw instanceof Number number ? new BigDecimal(number.toString())
                        : raw instanceof String s ? new BigDecimal(s.strip()) : null;
            } catch (NumberFormatException e) {
                n = null;
            }
            if (n == null || n.abs().compareTo(new BigDecimal("1e15")) > 0) {
                return problem(path, label, "form.notNumber");
            }
            if (field.min() != null && n.compareTo(field.min()) < 0) {
                return problem(path, label, "form.tooSmall", field.min().toPlainString());
            }
            if (field.max() != null && n.compareTo(field.max()) > 0) {
                return problem(path, label, "form.tooLarge", field.max().toPlainString());
            }
            int digits = field.decimalDigits() == null ? 2 : field.decimalDigits();
            if (n.stripTrailingZeros().scale() > digits) {
                return problem(path, label, "form.decimals", digits);
            }
            return n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValueExact() : n;
        }

        private Object choice(FormField field, Object raw, String path, String label) {
            if (!(raw instanceof String s) || field.options().stream().noneMatch(o -> o.value().equals(s))) {
                return problem(path, label, "form.notOption");
            }
            return s;
        }

        private Object choices(FormField field, Object raw, String path, String label) {
            if (!(raw instanceof List<?> list)) {
                return problem(path, label, "form.notList");
            }
            Set<String> allowed = new HashSet<>();
            field.options().forEach(o -> allowed.add(o.value()));
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s) || !allowed.contains(s)) {
                    return problem(path, label, "form.notOption");
                }
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
            if (out.isEmpty()) {
                return required(field, path);
            }
            return out;
        }

        private Object dateTime(FormField field, Object raw, String path, String label) {
            if (!(raw instanceof String s)) {
                return problem(path, label, "form.notDate");
            }
            try {
                String subtype = field.subtype() == null ? "date" : field.subtype();
                Object parsed = switch (subtype) {
                    case "time" -> LocalTime.parse(s);
                    case "datetime" -> LocalDateTime.parse(s);
                    default -> LocalDate.parse(s);
                };
                if (parsed instanceof LocalDate d && (d.getYear() < 1900 || d.getYear() > 2200)) {
                    return problem(path, label, "form.notDate");
                }
                return parsed.toString();
            } catch (DateTimeParseException e) {
                return problem(path, label, "form.notDate");
            }
        }

        private Object files(FormField field, Object raw, String path, String label) {
            List<?> ids = raw instanceof List<?> list ? list : List.of(raw);
            if (!field.multiple() && ids.size() > 1) {
                return problem(path, label, "form.oneFileOnly");
            }
            List<String> out = new ArrayList<>();
            for (Object id : ids) {
                if (!(id instanceof String s) || !s.matches("[0-9a-f\\-]{36}")) {
                    return problem(path, label, "form.notAttachment");
                }
                out.add(s);
            }
            attachmentIds.addAll(out);
            return field.multiple() ? out : out.get(0);
        }

        private boolean hidden(FormField field, Map<String, Object> context) {
            if (field.hideExpression() == null) {
                return false;
            }
            String expression = field.hideExpression().startsWith("=") ? field.hideExpression().substring(1)
                    : field.hideExpression();
            VariableMap variables = Variables.createVariables();
            context.forEach((k, v) -> variables.putValue(k, v instanceof BigDecimal d ? d.doubleValue() : v));
            try {
                Object result = feel.evaluateSimpleExpression(expression, variables.asVariableContext());
                return Boolean.TRUE.equals(result);
            } catch (RuntimeException e) {
                return false;
            }
        }

        private Object problem(String path, String label, String code, Object... args) {
            Object[] withLabel = new Object[args.length + 1];
            withLabel[0] = label;
            System.arraycopy(args, 0, withLabel, 1, args.length);
            problems.add(new FieldProblem(path, label, code, messages.getMessage(code, withLabel, code, locale)));
            return null;
        }
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty());
    }

    private static Object engineValue(Object value) {
        return value instanceof BigDecimal d ? d.doubleValue() : value;
    }
}
