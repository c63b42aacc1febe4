package cn.zs.civil.socialorg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The automated name check of 社会组织名称管理办法 (MCA Order No. 69), run before any person reviews the case:
 * structure (division prefix, organisational form), forbidden words for a local organisation, and duplicates or
 * near-duplicates among the organisations of the same type in the register. The "core" of a name is what is left
 * without the division prefix and the organisational form. Art. 16 compares names within the same field and
 * organisational form: two names of the same form whose cores are equal are duplicates, two of the same form whose
 * cores' character-bigram overlap (Dice coefficient) reaches the threshold are near-duplicates; 摄影家学会 and
 * 摄影家协会 are neither. 中国 / 全国 / 中华 / 国际 / 世界 are allowed only as the qualifier of the sector: inside the
 * core, followed by the sector they qualify.
 */
final class NameCheck {

    enum Finding { MISSING_DIVISION_PREFIX, MISSING_ORG_FORM, FORBIDDEN_WORD, DUPLICATE, SIMILAR }

    record Existing(String name, String status, LocalDate statusSince) {
    }

    record Result(List<Finding> findings, String forbiddenWord, String similarTo) {

        boolean passed() {
            return findings.isEmpty();
        }

        String codes() {
            return String.join(",", findings.stream().map(Enum::name).toList());
        }
    }

    private final SocialOrgProperties.Names rules;

    NameCheck(SocialOrgProperties.Names rules) {
        this.rules = rules;
    }

    Result check(String name, List<Existing> sameType, LocalDate today) {
        String trimmed = name == null ? "" : name.strip();
        List<Finding> findings = new ArrayList<>();
        if (rules.divisionPrefixes().stream().noneMatch(trimmed::startsWith)) {
            findings.add(Finding.MISSING_DIVISION_PREFIX);
        }
        if (rules.orgForms().stream().noneMatch(trimmed::endsWith)) {
            findings.add(Finding.MISSING_ORG_FORM);
        }
        String core = core(trimmed);
        String form = form(trimmed);
        String forbidden = rules.forbiddenWords().stream().filter(trimmed::contains).findFirst()
                .orElseGet(() -> misusedQualifier(trimmed, core));
        if (forbidden != null) {
            findings.add(Finding.FORBIDDEN_WORD);
        }
        String duplicateOf = null;
        String similarTo = null;
        double best = 0;
        for (Existing existing : sameType) {
            if (!blocks(existing, today) || !form.equals(form(existing.name()))) {
                continue;
            }
            String other = core(existing.name());
            if (other.equals(core)) {
                duplicateOf = existing.name();
                break;
            }
            double score = dice(core, other);
            if (score >= rules.similarityThreshold() && score > best) {
                best = score;
                similarTo = existing.name();
            }
        }
        if (duplicateOf != null) {
            findings.add(Finding.DUPLICATE);
            similarTo = duplicateOf;
        } else if (similarTo != null) {
            findings.add(Finding.SIMILAR);
        }
        return new Result(List.copyOf(findings), forbidden, similarTo);
    }

    /** Art. 16: active names; names changed or cancelled within the hold period; names revoked within theirs. */
    private boolean blocks(Existing existing, LocalDate today) {
        return switch (existing.status()) {
            case "ACTIVE" -> true;
            case "CANCELLED", "RENAMED" -> existing.statusSince().plusYears(rules.changedOrCancelledHoldYears())
                    .isAfter(today);
            case "REVOKED" -> existing.statusSince().plusYears(rules.revokedHoldYears()).isAfter(today);
            default -> false;
        };
    }

    /**
     * A qualifier word used other than as the qualifier of the sector: anywhere outside the core (before the
     * division prefix, or as the form), or at the end of the core, where it qualifies nothing.
     */
    private String misusedQualifier(String name, String core) {
        boolean prefixed = rules.divisionPrefixes().stream().anyMatch(name::startsWith);
        for (String word : rules.qualifierWords()) {
            if (!name.contains(word)) {
                continue;
            }
            int at = core.indexOf(word);
            boolean qualifiesSector = prefixed && at >= 0 && at + word.length() < core.length()
                    && name.indexOf(word) == name.indexOf(core) + at;
            if (!qualifiesSector) {
                return word;
            }
        }
        return null;
    }

    /** The organisational form that closes the name (the first listed that matches), or "" without one. */
    String form(String name) {
        String stripped = name.strip();
        for (String form : rules.orgForms()) {
            if (stripped.endsWith(form) && stripped.length() > form.length()) {
                return form;
            }
        }
        return "";
    }

    String core(String name) {
        String core = name.strip();
        for (String prefix : rules.divisionPrefixes()) {
            if (core.startsWith(prefix)) {
                core = core.substring(prefix.length());
                break;
            }
        }
        for (String form : rules.orgForms()) {
            if (core.endsWith(form) && core.length() > form.length()) {
                core = core.substring(0, core.length() - form.length());
                break;
            }
        }
        return core;
    }

    static double dice(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return a.equals(b) ? 1 : 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return 2.0 * common.size() / (x.size() + y.size());
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        if (cps.length == 1) {
            out.add(s);
        }
        return out;
    }
}
