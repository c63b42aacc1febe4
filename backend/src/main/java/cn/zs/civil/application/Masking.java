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
     * A run of digit groups standing on its own in free text, the groups joined by one space or dash as people type
     * long numbers ("6222 0212 3456 7890 123", "440101-19900101-1234"), an ID number's check character X at the end
     * of a group. Not part of a code such as BZB-20261128-0007 (a letter or digit and a dash before it or after it).
     * Which part of a run is an ID or account number decides {@link #numbers}.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile(
            "(?<![0-9A-Za-z])(?<![0-9A-Za-z]-)\\d+[Xx]?(?:[ -]\\d+[Xx]?)*(?![0-9A-Za-z])(?!-[0-9A-Za-z])");
    private static final Pattern GROUP = Pattern.compile("\\d+[Xx]?");

    /** A number found in text: where it stands, and its characters without the separators (upper case). */
    private record Found(int start, int end, String number) {
    }

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
        if (text == null || text.length() < 12) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Found f : numbers(text)) {
            out.append(text, at, f.start());
            String typed = text.substring(f.start(), f.end());
            out.append(keep.contains(f.number()) ? typed : masked(typed, f.number().length() == 18 ? 4 : 0));
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * The ID numbers (17 digits and a check character) and bank account numbers (12 to 19 digits) in free text, as
     * typed, whole or in groups; a phone number (11 digits), a date or an application number is none of them. In a
     * run of groups the longest that is a number counts from each group on; all groups but a number's last have 3 to
     * 8 characters (4-4-4-4-3, 6-8-4), so that dates (2026-01-16) and a phone number followed by a year stay as
     * they are.
     */
    private static java.util.List<Found> numbers(String text) {
        java.util.List<Found> found = new java.util.ArrayList<>();
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            java.util.List<int[]> groups = new java.util.ArrayList<>();
            Matcher g = GROUP.matcher(text).region(run.start(), run.end());
            while (g.find()) {
                groups.add(new int[] {g.start(), g.end()});
            }
            int i = 0;
            while (i < groups.size()) {
                int last = -1;
                String number = null;
                StringBuilder digits = new StringBuilder();
                for (int j = i; j < groups.size(); j++) {
                    String group = text.substring(groups.get(j)[0], groups.get(j)[1]);
                    digits.append(group.toUpperCase(java.util.Locale.ROOT));
                    if (isNumber(digits, j > i, group.length())) {
                        last = j;
                        number = digits.toString();
                    }
                    boolean mayGoOn = group.length() >= 3 && group.length() <= 8 && !group.endsWith("X")
                            && !group.endsWith("x") && digits.length() < 19;
                    if (!mayGoOn) {
                        break;
                    }
                }
                if (last < 0) {
                    i++;
                } else {
                    found.add(new Found(groups.get(i)[0], groups.get(last)[1], number));
                    i = last + 1;
                }
            }
        }
        return found;
    }

    /** 17 digits and a check character, or 12 to 19 digits; a grouped number's last group at most 8 long. */
    private static boolean isNumber(CharSequence chars, boolean grouped, int lastGroupLength) {
        if (grouped && lastGroupLength > 8) {
            return false;
        }
        int n = chars.length();
        boolean allDigits = chars.chars().allMatch(Character::isDigit);
        return allDigits ? n >= 12 && n <= 19
                : n == 18 && chars.charAt(17) == 'X' && chars.subSequence(0, 17).chars().allMatch(Character::isDigit);
    }

    /**
     * The typed number with its characters but the first {@code keepFirst} and the last four as stars, separators
     * kept: 440101199001011234 → 4401**********1234, 6222 0212 3456 7890 123 → **** **** **** ***0 123.
     */
    private static String masked(String typed, int keepFirst) {
        int total = (int) typed.chars().filter(c -> c != ' ' && c != '-').count();
        StringBuilder out = new StringBuilder(typed.length());
        int index = 0;
        for (int k = 0; k < typed.length(); k++) {
            char c = typed.charAt(k);
            if (c == ' ' || c == '-') {
                out.append(c);
            } else {
                out.append(index < keepFirst || index >= total - 4 ? c : '*');
                index++;
            }
        }
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
            numbers(s).forEach(f -> out.add(f.number()));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out, depth + 1));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, out, depth + 1));
        }
    }
}
