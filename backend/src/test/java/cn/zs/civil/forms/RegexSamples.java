package cn.zs.civil.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates strings that match a regular expression of the kind forms use (anchors, literals, escapes such as
 * {@code \d}, classes with ranges, groups with alternatives, quantifiers), so that the fuzzer can build valid values
 * for patterned fields of forms it has never seen. Unsupported syntax throws; the caller then leaves the field out.
 */
final class RegexSamples {

    private final String re;
    private final Random random;
    private int pos;

    private RegexSamples(String re, Random random) {
        this.re = re;
        this.random = random;
    }

    static String sample(String regex, Random random) {
        RegexSamples p = new RegexSamples(regex, random);
        StringBuilder out = new StringBuilder();
        p.alternatives(out);
        if (p.pos != regex.length()) {
            throw new IllegalArgumentException("unsupported regex at " + p.pos + ": " + regex);
        }
        return out.toString();
    }

    private void alternatives(StringBuilder out) {
        List<Integer> starts = new ArrayList<>();
        // Choose one alternative: generate each into a buffer, keep one.
        List<StringBuilder> options = new ArrayList<>();
        do {
            starts.add(pos);
            StringBuilder option = new StringBuilder();
            sequence(option);
            options.add(option);
        } while (pos < re.length() && re.charAt(pos) == '|' && ++pos > 0);
        out.append(options.get(random.nextInt(options.size())));
    }

    private void sequence(StringBuilder out) {
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            char c = re.charAt(pos);
            if (c == '^' || c == '$') {
                pos++;
                continue;
            }
            int atomStart = pos;
            atom(new StringBuilder());
            int atomEnd = pos;
            int[] range = quantifier();
            int times = range[0] + (range[1] > range[0] ? random.nextInt(range[1] - range[0] + 1) : 0);
            int after = pos;
            for (int i = 0; i < times; i++) {
                pos = atomStart;
                atom(out);
            }
            if (times == 0) {
                pos = atomEnd;
            }
            pos = after;
        }
    }

    private int[] quantifier() {
        if (pos >= re.length()) {
            return new int[] {1, 1};
        }
        char c = re.charAt(pos);
        switch (c) {
            case '?' -> {
                pos++;
                return new int[] {0, 1};
            }
            case '*' -> {
                pos++;
                return new int[] {0, 3};
            }
            case '+' -> {
                pos++;
                return new int[] {1, 4};
            }
            case '{' -> {
                int close = re.indexOf('}', pos);
                String[] parts = re.substring(pos + 1, close).split(",", -1);
                pos = close + 1;
                int min = Integer.parseInt(parts[0].strip());
                int max = parts.length == 1 ? min : parts[1].isBlank() ? min + 3 : Integer.parseInt(parts[1].strip());
                return new int[] {min, max};
            }
            default -> {
                return new int[] {1, 1};
            }
        }
    }

    private void atom(StringBuilder out) {
        char c = re.charAt(pos);
        if (c == '(') {
            pos++;
            if (re.startsWith("?:", pos)) {
                pos += 2;
            } else if (re.charAt(pos) == '?') {
                throw new IllegalArgumentException("lookaround not supported: " + re);
            }
            alternatives(out);
            if (pos >= re.length() || re.charAt(pos) != ')') {
                throw new IllegalArgumentException("unclosed group: " + re);
            }
            pos++;
        } else if (c == '[') {
            out.append(charClass());
        } else if (c == '\\') {
            out.append(escape(re.charAt(pos + 1)));
            pos += 2;
        } else if (c == '.') {
            pos++;
            out.append((char) ('a' + random.nextInt(26)));
        } else {
            pos++;
            out.append(c);
        }
    }

    private char escape(char e) {
        return switch (e) {
            case 'd' -> (char) ('0' + random.nextInt(10));
            case 'w' -> (char) ('a' + random.nextInt(26));
            case 's' -> ' ';
            default -> {
                if (Character.isLetter(e)) {
                    throw new IllegalArgumentException("escape \\" + e + " not supported");
                }
                yield e;
            }
        };
    }

    private char charClass() {
        pos++;
        boolean negated = re.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        List<char[]> ranges = new ArrayList<>();
        boolean first = true;
        while (re.charAt(pos) != ']' || first) {
            first = false;
            char from;
            if (re.charAt(pos) == '\\') {
                char e = re.charAt(pos + 1);
                pos += 2;
                if (e == 'd') {
                    ranges.add(new char[] {'0', '9'});
                    continue;
                }
                if (e == 'w') {
                    ranges.add(new char[] {'a', 'z'});
                    continue;
                }
                if (e == 's') {
                    ranges.add(new char[] {' ', ' '});
                    continue;
                }
                from = e;
            } else {
                from = re.charAt(pos++);
            }
            if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                pos++;
                char to = re.charAt(pos) == '\\' ? re.charAt(++pos) : re.charAt(pos);
                pos++;
                ranges.add(new char[] {from, to});
            } else {
                ranges.add(new char[] {from, from});
            }
        }
        pos++;
        if (negated) {
            for (int attempt = 0; attempt < 200; attempt++) {
                char candidate = (char) ('!' + random.nextInt(94));
                if (ranges.stream().noneMatch(r -> candidate >= r[0] && candidate <= r[1])) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("no character outside " + re);
        }
        char[] r = ranges.get(random.nextInt(ranges.size()));
        return (char) (r[0] + random.nextInt(r[1] - r[0] + 1));
    }
}
