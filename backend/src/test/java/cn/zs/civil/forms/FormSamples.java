package cn.zs.civil.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated values for any form-js field: valid ones (from the field's own rules: options, ranges, patterns, lengths)
 * carrying hostile text where free text is allowed, and invalid ones of every kind a client could send. Text comes
 * from jqwik's arbitraries, seeded, so a failing run can be repeated with the seed it prints.
 */
final class FormSamples {

    /** Text that must stay text: expressions, scripts, SQL, template and formula injection, traversal, odd Unicode. */
    static final List<String> HOSTILE = List.of(
            "${execution.setVariable('pwned', 1)}",
            "#{runtimeService.deleteProcessInstance('x','y')}",
            "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}",
            "<script>alert(document.cookie)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE application; --",
            "\" OR 1=1 --",
            "1' UNION SELECT form_data FROM application --",
            "{{7*7}}",
            "${jndi:ldap://127.0.0.1:1/a}",
            "=cmd|' /C calc'!A0",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%00%2e%2e%2f",
            "𠮷野家 ‮gnp.exe",
            "Zalgo z̷͉̈a̸͚͝l̵͙̓g̶̦̈o̷",
            "零宽\u200b字符\u200d",
            "😀🚀 emoji",
            "null",
            "undefined",
            "true",
            "{\"$where\": \"sleep(1000)\"}",
            "() { :; }; echo pwned",
            "$(touch /tmp/pwned)",
            "`id`");

    private final Random random;
    private final Arbitrary<String> freeText;

    FormSamples(Random random) {
        this.random = random;
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0020', '\u007e')
                .withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(40);
        this.freeText = Arbitraries.oneOf(Arbitraries.of(HOSTILE), unicode);
    }

    String text() {
        return freeText.generator(100).next(random).value();
    }

    /** A value that passes the field's rules, or null where the generator cannot make one (an exotic pattern). */
    Object valid(FormField f, BiFunction<FormField, Integer, List<String>> files) {
        return switch (f.type()) {
            case "textfield", "textarea" -> validText(f);
            case "number" -> validNumber(f);
            case "checkbox" -> f.required() || random.nextBoolean();
            case "select", "radio" -> f.options().isEmpty() || f.key().matches("party[AB]IdType") ? null
                    : f.options().get(random.nextInt(f.options().size())).value();
            case "checklist", "taglist" -> {
                List<String> chosen = new ArrayList<>();
                for (FormField.Option o : f.options()) {
                    if (chosen.isEmpty() || random.nextBoolean()) {
                        chosen.add(o.value());
                    }
                }
                yield chosen;
            }
            case "datetime" -> validDate(f);
            case "filepicker" -> {
                List<String> ids = files.apply(f, f.multiple() ? 1 + random.nextInt(2) : 1);
                yield f.multiple() ? ids : ids.get(0);
            }
            case "dynamiclist" -> {
                List<Map<String, Object>> items = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.add(validAll(f.children(), files));
                }
                yield items;
            }
            default -> null;
        };
    }

    Map<String, Object> validAll(List<FormField> fields, BiFunction<FormField, Integer, List<String>> files) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FormField f : fields) {
            if ("group".equals(f.type())) {
                out.putAll(validAll(f.children(), files));
            } else if (f.holdsValue() || "dynamiclist".equals(f.type())) {
                Object v = valid(f, files);
                if (v != null) {
                    out.put(f.key(), v);
                }
            }
        }
        return out;
    }

    private static final String RESIDENT_ID =
            "^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]$";

    private Object validText(FormField f) {
        if ("appointmentNo".equals(f.key())) {
            // A booking's number exists only once booked (R77 checks it against the bookings): a walk-in.
            return null;
        }
        if (f.key().matches("party[AB]IdNumber")) {
            // The number's form depends on the document chosen (R55), which a form pattern cannot say: the
            // samples leave the document type blank, a resident ID card, and give its number that form.
            return RegexSamples.sample(RESIDENT_ID, random);
        }
        if ("creditCode".equals(f.key())) {
            // Its check characters are computed (GB 32100, GB 11714): a pattern cannot express them.
            String chars = cn.zs.civil.registry.CreditCodes.CHARS;
            StringBuilder first = new StringBuilder().append(chars.charAt(random.nextInt(chars.length())))
                    .append(chars.charAt(random.nextInt(chars.length())));
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                first.append(i < 6 ? (char) ('0' + random.nextInt(10)) : "");
                body.append(chars.charAt(random.nextInt(chars.length())));
            }
            return cn.zs.civil.registry.CreditCodes.of(first.toString(), body.toString());
        }
        if (f.pattern() != null) {
            try {
                for (int attempt = 0; attempt < 20; attempt++) {
                    String s = RegexSamples.sample(f.pattern(), random);
                    if (s.strip().equals(s) && !s.isEmpty() && fits(f, s)) {
                        return s;
                    }
                }
            } catch (RuntimeException unsupported) {
                return null;
            }
            return null;
        }
        if ("email".equals(f.validationType())) {
            return "user" + random.nextInt(1000) + "@example.org";
        }
        if ("phone".equals(f.validationType())) {
            return "138" + (10000000 + random.nextInt(89999999));
        }
        String s = text().strip();
        int min = f.minLength() == null ? 1 : Math.max(1, f.minLength());
        StringBuilder b = new StringBuilder(s.isEmpty() ? "文" : s);
        while (b.codePointCount(0, b.length()) < min) {
            b.append('文');
        }
        int max = f.maxLength() != null ? f.maxLength()
                : "textarea".equals(f.type()) ? FormValidator.DEFAULT_TEXTAREA_MAX : FormValidator.DEFAULT_TEXTFIELD_MAX;
        String out = b.toString();
        if (out.codePointCount(0, out.length()) > max) {
            out = out.substring(0, out.offsetByCodePoints(0, max)).strip();
        }
        return out.isEmpty() ? "文".repeat(min) : out;
    }

    private static boolean fits(FormField f, String s) {
        int n = s.codePointCount(0, s.length());
        return (f.minLength() == null || n >= f.minLength()) && (f.maxLength() == null || n <= f.maxLength());
    }

    private Object validNumber(FormField f) {
        BigDecimal min = f.min() == null ? BigDecimal.ZERO : f.min();
        BigDecimal max = f.max() == null ? min.add(BigDecimal.valueOf(10000)) : f.max();
        int digits = f.decimalDigits() == null ? 2 : f.decimalDigits();
        BigDecimal span = max.subtract(min);
        BigDecimal value = min.add(span.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(Math.max(digits, 0), RoundingMode.DOWN);
        if (value.compareTo(min) < 0) {
            value = min;
        }
        return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValue() : value;
    }

    private Object validDate(FormField f) {
        if (f.key().endsWith("IdValidUntil")) {
            // An identity document valid on the day of the act (an expired one is refused: R58), or a long-term card.
            return random.nextBoolean() ? null : LocalDate.now().plusYears(1 + random.nextInt(10)).toString();
        }
        LocalDate d = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
        return switch (f.subtype() == null ? "date" : f.subtype()) {
            case "time" -> String.format("%02d:%02d", random.nextInt(24), random.nextInt(60));
            case "datetime" -> d + "T" + String.format("%02d:%02d", random.nextInt(24), random.nextInt(60));
            default -> d.toString();
        };
    }

    /** A value of the wrong kind or out of the field's bounds. */
    Object invalid(FormField f) {
        List<Object> candidates = new ArrayList<>(List.of(Map.of("$ne", 1), List.of(List.of()), 1.0e308));
        switch (f.type()) {
            case "textfield", "textarea" -> {
                int max = f.maxLength() != null ? f.maxLength()
                        : "textarea".equals(f.type()) ? FormValidator.DEFAULT_TEXTAREA_MAX : FormValidator.DEFAULT_TEXTFIELD_MAX;
                candidates.addAll(List.of(42, true, "x".repeat(max + 1 + random.nextInt(50)), "a\u0007b\u0000c",
                        List.of("list")));
                if (f.pattern() != null) {
                    candidates.add("!!" + text() + "!!");
                }
                if (f.minLength() != null && f.minLength() > 1) {
                    candidates.add("x");
                }
            }
            case "number" -> {
                candidates.addAll(List.of("abc", "1e999", "NaN", "Infinity", true, "12,5", "0x10", "1e16"));
                if (f.min() != null) {
                    candidates.add(f.min().subtract(BigDecimal.ONE));
                }
                if (f.max() != null) {
                    candidates.add(f.max().add(BigDecimal.ONE));
                }
                candidates.add(new BigDecimal("1.123456789"));
            }
            case "checkbox" -> candidates.addAll(f.required() ? List.of("yes", 1, false, "true") : List.of("yes", 1, "true"));
            case "select", "radio" -> candidates.addAll(List.of("NOT_AN_OPTION' OR '1'='1", 5, "${x}", ""));
            case "checklist", "taglist" -> candidates.addAll(List.of("not-a-list", List.of("NOPE"), List.of(1),
                    List.of(Map.of())));
            case "datetime" -> candidates.addAll(List.of("2026-13-45", "tomorrow", 20261128, "1899-12-31",
                    "2201-01-01", "${now()}", "2026-02-30"));
            case "filepicker" -> candidates.addAll(List.of("../../etc/passwd", "not-a-uuid", 123,
                    "00000000-0000-0000-0000-000000000000", List.of("..\\..\\x")));
            case "dynamiclist" -> candidates.addAll(List.of("notalist", List.of(1, 2), java.util.Collections.nCopies(
                    FormValidator.MAX_LIST_ITEMS + 1, Map.of()), List.of(Map.of("unknownKey", 1))));
            default -> candidates.add("?");
        }
        if (f.required()) {
            candidates.add("   ");
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** Keys no form has. */
    String unknownKey() {
        List<String> keys = List.of("__proto__", "constructor", "$where", "a'b", "x\"y", "../etc", "${k}", "",
                "deceasedIdNumber2", "表单外字段");
        return keys.get(random.nextInt(keys.size()));
    }

    /** Random JSON of any shape, for bodies that should hold an object of a known shape. */
    Object anyJson(int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt() * (random.nextBoolean() ? 1.5 : 1);
            case 3, 4 -> text();
            case 5 -> "x".repeat(random.nextInt(5000));
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(anyJson(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(random.nextBoolean() ? text() : List.of("data", "items", "party", "idNumber", "reason",
                            "holidays", "applicationNo", "queryCode", "serviceCode", "note").get(random.nextInt(10)),
                            anyJson(depth + 1));
                }
                yield map;
            }
        };
    }
}
