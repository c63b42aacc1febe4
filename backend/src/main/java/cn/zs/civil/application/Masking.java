package cn.zs.civil.application;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.zs.civil.protection.NumbersInText;

/** Masks personal data where a list or a log does not need it in full. */
public final class Masking {

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

    /**
     * Free text with every ID number and bank account number masked but those in {@code keep} (the reader's own,
     * as they typed them in their form): a clerk's note shown to the applicant shows no one else's numbers.
     */
    public static String numbersIn(String text, Set<String> keep) {
        return NumbersInText.mask(text, keep);
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
            out.addAll(NumbersInText.numbersIn(s));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out, depth + 1));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, out, depth + 1));
        }
    }
}
