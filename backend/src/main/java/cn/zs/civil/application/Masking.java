package cn.zs.civil.application;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data where a list or a log does not need it in full. */
public final class Masking {

    /**
     * A resident ID number (17 digits and a check character) or a bank account number (12 to 19 digits) standing on
     * its own in free text; a phone number (11 digits), a date or an application number is none of them.
     */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{12,19})(?![0-9A-Za-z])");

    private Masking() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***; works on code points so a 4-byte character counts as one. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    /** 440101199001011234 → 4401**********1234. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** 6222029988776655443 → ***************5443. */
    public static String account(String number) {
        return number == null || number.length() <= 4 ? number
                : "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
    }

    /**
     * Free text with every ID number and bank account number masked but those in {@code keep} (the reader's own,
     * as they typed them in their form): a clerk's note shown to the applicant shows no one else's numbers.
     */
    public static String numbersIn(String text, Set<String> keep) {
        if (text == null || text.length() < 12) {
            return text;
        }
        Matcher m = PERSONAL_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group(1);
            String shown = keep.contains(number.toUpperCase(java.util.Locale.ROOT)) ? number
                    : number.length() == 18 ? idNumber(number) : account(number);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The ID and account numbers in some values (a form's: strings, lists and maps of them), upper-cased. */
    public static Set<String> numbersOf(Collection<?> values) {
        Set<String> out = new TreeSet<>();
        collect(values, out, 0);
        return out;
    }

    private static void collect(Object value, Set<String> out, int depth) {
        if (depth > 16) {
            return;
        }
        if (value instanceof String s) {
            Matcher m = PERSONAL_NUMBER.matcher(s);
            while (m.find()) {
                out.add(m.group(1).toUpperCase(java.util.Locale.ROOT));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out, depth + 1));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, out, depth + 1));
        }
    }
}
