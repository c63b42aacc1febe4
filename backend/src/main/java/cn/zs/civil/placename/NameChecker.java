package cn.zs.civil.placename;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The automated naming-rule check of 地名管理条例 Art. 9 and the Implementing Measures Arts. 3-4: a name is a specific
 * part (专名) plus a generic part (通名) that fits the feature; it uses the standard script without rare characters;
 * it contains no foreign, personal, leaders', enterprise or trademark names; and it neither duplicates nor sounds
 * like a standard name of the city. Homophones compare toneless Hanyu Pinyin, every reading of a polyphonic
 * character included. Every finding goes to a reviewer; only a duplicate is marked as forbidden outright.
 */
public final class NameChecker {

    /** Readings of a name tried against the register; a name of many polyphonic characters stops here. */
    static final int MAX_READINGS = 32;

    private static final HanyuPinyinOutputFormat TONELESS = new HanyuPinyinOutputFormat();

    static {
        TONELESS.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        TONELESS.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        TONELESS.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    public enum Code {
        DUPLICATE(true), HOMOPHONE(false), SAME_SPECIFIC_PART(false), FOREIGN_NAME(false), PERSONAL_NAME(false),
        LEADER_NAME(true), ENTERPRISE_NAME(false), TRADEMARK(false), NON_STANDARD_SCRIPT(false),
        RARE_CHARACTER(false), GENERIC_PART_MISMATCH(false), CURRENT_NAME_NOT_FOUND(false),
        CURRENT_NAME_PROTECTED(false),
        /** Art. 9(1): a name has a clear and healthy meaning; the bureau's list of offensive or vulgar terms. */
        OFFENSIVE_TERM(true),
        /** Zhongshan measures: a name after a historical figure is applied for by the city, approved by the province. */
        HISTORICAL_FIGURE(false),
        /** Zhongshan measures: a name with a national or provincial prefix is for a higher authority to approve. */
        HIGHER_AUTHORITY_PREFIX(true),
        /** Art. 12(4)(7): parks, protected areas and facilities are named by their sector departments, not here. */
        NOT_COMPETENT_CATEGORY(true);

        /** Forbidden by the regulations ("不得"), not merely to be avoided ("避免") or weighed by the reviewer. */
        public final boolean forbidden;

        Code(boolean forbidden) {
            this.forbidden = forbidden;
        }
    }

    public record Proposal(String specificPart, String genericPart, String category, String applicationType,
            String currentName) {

        public String fullName() {
            return specificPart + genericPart;
        }
    }

    /** One finding; {@code detail} names the register entry or the term that caused it, never personal data. */
    public record Finding(Code code, String detail) {
    }

    public record Entry(String fullName, String specificPart, String genericPart, boolean protectedName) {
    }

    public record BannedTerm(String term, String kind) {
    }

    /** The register of standard names and the banned terms, as the check needs them. */
    public interface Register {

        List<Entry> activeByName(String fullName);

        List<Entry> activeByPinyin(Set<String> readings);

        List<Entry> activeBySpecificPart(String specificPart);

        List<BannedTerm> bannedTerms();
    }

    private final Map<String, List<String>> genericPartsByCategory;
    private final Set<String> sectorApprovedCategories;
    private final List<String> higherAuthorityPrefixes;

    /** @param genericPartsByCategory the generic parts each feature category may use (configuration). */
    public NameChecker(Map<String, List<String>> genericPartsByCategory) {
        this(genericPartsByCategory, Set.of(), List.of());
    }

    /**
     * @param sectorApprovedCategories the feature categories whose names a sector department approves (Art. 12(4)(7))
     * @param higherAuthorityPrefixes the national and provincial prefixes (中国, 广东 ...) that only a higher authority
     *        approves in a name (Zhongshan measures)
     */
    public NameChecker(Map<String, List<String>> genericPartsByCategory, Set<String> sectorApprovedCategories,
            List<String> higherAuthorityPrefixes) {
        this.genericPartsByCategory = Map.copyOf(genericPartsByCategory);
        this.sectorApprovedCategories = Set.copyOf(sectorApprovedCategories);
        this.higherAuthorityPrefixes = List.copyOf(higherAuthorityPrefixes);
    }

    /** The findings that make the city not competent to approve the name (the application is refused). */
    public static boolean notCompetent(Finding finding) {
        return finding.code() == Code.NOT_COMPETENT_CATEGORY || finding.code() == Code.HIGHER_AUTHORITY_PREFIX;
    }

    public List<Finding> check(Proposal proposal, Register register) {
        List<Finding> findings = new ArrayList<>();
        String fullName = proposal.fullName();
        if (sectorApprovedCategories.contains(proposal.category())) {
            findings.add(new Finding(Code.NOT_COMPETENT_CATEGORY, null));
        }
        higherAuthorityPrefixes.stream().filter(p -> proposal.specificPart().startsWith(p)).findFirst()
                .ifPresent(p -> findings.add(new Finding(Code.HIGHER_AUTHORITY_PREFIX, p)));
        script(fullName, findings);
        List<String> generic = genericPartsByCategory.get(proposal.category());
        if (generic != null && !generic.contains(proposal.genericPart())) {
            findings.add(new Finding(Code.GENERIC_PART_MISMATCH, proposal.genericPart()));
        }
        for (BannedTerm term : register.bannedTerms()) {
            if (proposal.specificPart().contains(term.term())) {
                findings.add(new Finding(Code.valueOf(term.kind()), term.term()));
            }
        }
        Set<String> duplicates = new LinkedHashSet<>();
        register.activeByName(fullName).forEach(e -> duplicates.add(e.fullName()));
        duplicates.forEach(name -> findings.add(new Finding(Code.DUPLICATE, name)));
        Set<String> homophones = new LinkedHashSet<>();
        register.activeByPinyin(readings(fullName)).stream().map(Entry::fullName)
                .filter(name -> !name.equals(fullName)).forEach(homophones::add);
        homophones.forEach(name -> findings.add(new Finding(Code.HOMOPHONE, name)));
        register.activeBySpecificPart(proposal.specificPart()).stream().map(Entry::fullName)
                .filter(name -> !duplicates.contains(name) && !homophones.contains(name)).distinct()
                .forEach(name -> findings.add(new Finding(Code.SAME_SPECIFIC_PART, name)));
        if (PlacenameProcess.TYPE_RENAMING.equals(proposal.applicationType())) {
            List<Entry> current = proposal.currentName() == null ? List.of()
                    : register.activeByName(proposal.currentName());
            if (current.isEmpty()) {
                findings.add(new Finding(Code.CURRENT_NAME_NOT_FOUND, proposal.currentName()));
            } else if (current.stream().anyMatch(Entry::protectedName)) {
                // Art. 25: a name on the protection list is renamed only after the government set protective measures.
                findings.add(new Finding(Code.CURRENT_NAME_PROTECTED, proposal.currentName()));
            }
        }
        return findings;
    }

    /**
     * Art. 9(3): the national standard script without rare characters. Characters outside the basic CJK block
     * (Extension A, the supplementary planes) are taken as rare; anything that is not a Han character is not the
     * standard script. The 通用规范汉字表 would be the exact reference.
     */
    private static void script(String name, List<Finding> findings) {
        boolean nonStandard = false;
        boolean rare = false;
        for (int i = 0; i < name.length();) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                nonStandard = true;
            } else if (cp < 0x4E00 || cp > 0x9FFF) {
                rare = true;
            }
        }
        if (nonStandard) {
            findings.add(new Finding(Code.NON_STANDARD_SCRIPT, null));
        }
        if (rare) {
            findings.add(new Finding(Code.RARE_CHARACTER, null));
        }
    }

    /** The register's key of a name: its first toneless reading, without spaces ("兴中道" → "xingzhongdao"). */
    public static String pinyin(String text) {
        StringBuilder out = new StringBuilder();
        for (List<String> readings : syllables(text)) {
            out.append(readings.get(0));
        }
        return out.toString();
    }

    /** Every toneless reading of a name (长 reads chang or zhang), at most {@link #MAX_READINGS}. */
    public static Set<String> readings(String text) {
        Set<String> combinations = new LinkedHashSet<>();
        combinations.add("");
        for (List<String> syllable : syllables(text)) {
            Set<String> next = new LinkedHashSet<>();
            for (String prefix : combinations) {
                for (String reading : syllable) {
                    if (next.size() < MAX_READINGS) {
                        next.add(prefix + reading);
                    }
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /**
     * Romanisation of a standard name (Art. 15; GB/T 16159 and the place-name spelling rules, GB 17733): the name
     * read as a phrase, so a polyphonic character takes the reading of its word (长安 Chang'an, 厦门 Xiamen, 六安
     * Lu'an); the specific part and the generic part written apart, each capitalised, its syllables joined; an
     * apostrophe before a syllable opening with a, o or e inside a part (Xi'an); ü written as ü (Lü Jie). A
     * direction in the generic part is joined to it (西路 Xilu).
     */
    public static String romanise(String specificPart, String genericPart) {
        List<String> syllables = phraseSyllables(specificPart + genericPart);
        int specificLength = specificPart.codePointCount(0, specificPart.length());
        if (syllables.size() != specificLength + genericPart.codePointCount(0, genericPart.length())) {
            // Not one syllable per character (a digit or a letter in the name): read each part on its own.
            return capitalise(join(phraseSyllables(specificPart))) + " " + capitalise(join(phraseSyllables(genericPart)));
        }
        return capitalise(join(syllables.subList(0, specificLength))) + " "
                + capitalise(join(syllables.subList(specificLength, syllables.size())));
    }

    private static List<String> phraseSyllables(String text) {
        String read = com.github.houbb.pinyin.util.PinyinHelper.toPinyin(text,
                com.github.houbb.pinyin.constant.enums.PinyinStyleEnum.NORMAL);
        return read.isBlank() ? List.of() : List.of(read.strip().split("\\s+"));
    }

    /** Syllables of one part joined, with the syllable-dividing mark where a, o or e opens a syllable. */
    private static String join(List<String> syllables) {
        StringBuilder out = new StringBuilder();
        for (String syllable : syllables) {
            String s = syllable.toLowerCase(Locale.ROOT);
            if (out.length() > 0 && !s.isEmpty() && "aoe".indexOf(s.charAt(0)) >= 0) {
                out.append('\'');
            }
            out.append(s);
        }
        return out.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static List<List<String>> syllables(String text) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String[] readings = null;
            if (Character.isBmpCodePoint(cp)) {
                try {
                    readings = PinyinHelper.toHanyuPinyinStringArray((char) cp, TONELESS);
                } catch (BadHanyuPinyinOutputFormatCombination e) {
                    throw new IllegalStateException(e);
                }
            }
            if (readings == null || readings.length == 0) {
                if (!Character.isWhitespace(cp)) {
                    out.add(List.of(new String(Character.toChars(Character.toLowerCase(cp)))));
                }
            } else {
                out.add(List.copyOf(new LinkedHashSet<>(List.of(readings))));
            }
        }
        return out;
    }
}
