package cn.zs.civil.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks resident ID numbers and bank account numbers in free text, whole or typed in groups: the one
 * place that decides what such a number looks like, for what a screen shows ({@code application.Masking}) and what
 * a log line holds ({@link LogMasking}).
 */
public final class NumbersInText {

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

    private NumbersInText() {
    }

    /**
     * Free text with every ID number and bank account number masked but those in {@code keep} (the reader's own,
     * as they typed them in their form): a clerk's note shown to the applicant shows no one else's numbers.
     */
    public static String mask(String text, Set<String> keep) {
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
    private static List<Found> numbers(String text) {
        List<Found> found = new ArrayList<>();
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            List<int[]> groups = new ArrayList<>();
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
                    digits.append(group.toUpperCase(Locale.ROOT));
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

    /**
     * Free text with every resident ID number masked (4420**********2129), whole or grouped; account numbers and
     * other long digit runs (a time in milliseconds) stay: what a log line needs.
     */
    public static String maskIdNumbers(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        List<Found> found = numbers(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Found f : found) {
            if (f.number().length() == 18 && isIdNumber(f.number())) {
                out.append(text, at, f.start()).append(masked(text.substring(f.start(), f.end()), 4));
                at = f.end();
            }
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The ID and account numbers in a text, upper-cased, without separators. */
    public static List<String> numbersIn(String text) {
        return numbers(text).stream().map(Found::number).toList();
    }

    private static boolean isIdNumber(String number) {
        return number.chars().limit(17).allMatch(Character::isDigit)
                && (Character.isDigit(number.charAt(17)) || number.charAt(17) == 'X');
    }
}
