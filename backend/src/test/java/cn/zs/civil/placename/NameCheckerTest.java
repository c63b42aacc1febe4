package cn.zs.civil.placename;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.zs.civil.placename.NameChecker.BannedTerm;
import cn.zs.civil.placename.NameChecker.Code;
import cn.zs.civil.placename.NameChecker.Entry;
import cn.zs.civil.placename.NameChecker.Finding;
import cn.zs.civil.placename.NameChecker.Proposal;

/** The naming rules of Art. 9 on a small register held in memory, pinyin from the real library. */
class NameCheckerTest {

    private static final Map<String, List<String>> GENERIC_PARTS = Map.of(
            "STREET_ROAD_LANE", List.of("大道", "路", "街", "巷", "道"),
            "RESIDENTIAL_BUILDING", List.of("花园", "苑", "大厦"));

    private final InMemoryRegister register = new InMemoryRegister(List.of(
            entry("兴中道", "兴中", "道", false),
            entry("孙文中路", "孙文中", "路", true),
            entry("长江路", "长江", "路", false),
            entry("岐江花园", "岐江", "花园", false)),
            List.of(new BannedTerm("纽约", "FOREIGN_NAME"), new BannedTerm("碧桂园", "ENTERPRISE_NAME"),
                    new BannedTerm("格力", "TRADEMARK"), new BannedTerm("林黛玉", "PERSONAL_NAME")));
    private final NameChecker checker = new NameChecker(GENERIC_PARTS);

    @Test
    void passesAWellFormedNewStreetName() {
        assertThat(check("濠头", "路")).isEmpty();
    }

    @Test
    void flagsADuplicateOfAStandardNameAsForbidden() {
        List<Finding> findings = check("兴中", "道");

        assertThat(findings).extracting(Finding::code).containsExactly(Code.DUPLICATE);
        assertThat(findings.get(0).detail()).isEqualTo("兴中道");
        assertThat(Code.DUPLICATE.forbidden).isTrue();
    }

    @Test
    void flagsAHomophoneWrittenWithOtherCharacters() {
        List<Finding> findings = check("星中", "道");

        assertThat(findings).containsExactly(new Finding(Code.HOMOPHONE, "兴中道"));
        assertThat(Code.HOMOPHONE.forbidden).isFalse();
    }

    @Test
    void findsAHomophoneThroughAnyReadingOfAPolyphonicCharacter() {
        // 长 reads chang or zhang: 张江路 sounds like one reading of 长江路.
        assertThat(check("张江", "路")).containsExactly(new Finding(Code.HOMOPHONE, "长江路"));
        assertThat(NameChecker.readings("长江路")).contains("changjianglu", "zhangjianglu");
    }

    @Test
    void flagsTheSameSpecificPartWithAnotherGenericPart() {
        assertThat(check("兴中", "路")).containsExactly(new Finding(Code.SAME_SPECIFIC_PART, "兴中道"));
    }

    @Test
    void flagsForeignEnterpriseTrademarkAndPersonalNames() {
        assertThat(check("纽约", "大道")).containsExactly(new Finding(Code.FOREIGN_NAME, "纽约"));
        assertThat(checkBuilding("碧桂园", "花园")).containsExactly(new Finding(Code.ENTERPRISE_NAME, "碧桂园"));
        assertThat(check("格力", "路")).containsExactly(new Finding(Code.TRADEMARK, "格力"));
        assertThat(check("林黛玉", "巷")).containsExactly(new Finding(Code.PERSONAL_NAME, "林黛玉"));
    }

    @Test
    void aNationalLeadersNameIsForbiddenInAPlaceName_R161() {
        // The brief names no leader; the bureau keeps the list (placename_banned_term, kind LEADER_NAME). A term
        // added here stands for one.
        NameChecker.Register withLeader = new InMemoryRegister(register.entries(),
                List.of(new BannedTerm("甲乙丙", "LEADER_NAME")));
        List<Finding> findings = checker.check(new Proposal("甲乙丙", "大道", "STREET_ROAD_LANE", "NAMING", null),
                withLeader);
        assertThat(findings).containsExactly(new Finding(Code.LEADER_NAME, "甲乙丙"));
        assertThat(findings.get(0).code().forbidden).isTrue();
        assertThat(checker.check(new Proposal("新甲乙丙", "路", "STREET_ROAD_LANE", "NAMING", null), withLeader))
                .extracting(Finding::code).containsExactly(Code.LEADER_NAME);
    }

    @Test
    void anOffensiveOrVulgarTermIsForbiddenInAPlaceName_R167() {
        // Art. 9(1): a clear and healthy meaning. The bureau keeps its list of such terms (kind OFFENSIVE_TERM); a
        // term added here stands for one.
        NameChecker.Register withTerm = new InMemoryRegister(register.entries(),
                List.of(new BannedTerm("丁戊", "OFFENSIVE_TERM")));
        List<Finding> findings = checker.check(new Proposal("丁戊", "街", "STREET_ROAD_LANE", "NAMING", null), withTerm);
        assertThat(findings).containsExactly(new Finding(Code.OFFENSIVE_TERM, "丁戊"));
        assertThat(findings.get(0).code().forbidden).isTrue();
        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(messages.getMessage("placename.finding.OFFENSIVE_TERM", new Object[] {"丁戊"},
                java.util.Locale.SIMPLIFIED_CHINESE)).contains("丁戊", "健康");
        assertThat(messages.getMessage("placename.finding.OFFENSIVE_TERM", new Object[] {"丁戊"},
                java.util.Locale.ENGLISH)).contains("丁戊", "offensive");
    }

    /**
     * R181 (Art. 12(4)(7); Zhongshan measures): the check says who is competent. Parks and facilities are their sector
     * departments' (forbidden here), a national or provincial prefix is a higher authority's (forbidden here), a
     * historical figure's name is the province's to approve (flagged, with the wording naming the province).
     */
    @Test
    void statesTheCompetentAuthorityForParksFacilitiesPrefixesAndHistoricalFigures_R181() {
        Map<String, List<String>> parts = new java.util.HashMap<>(GENERIC_PARTS);
        parts.put("URBAN_PARK", List.of("公园"));
        parts.put("FACILITY", List.of("大桥"));
        NameChecker competent = new NameChecker(parts, java.util.Set.of("URBAN_PARK", "FACILITY"),
                List.of("中国", "全国", "广东"));
        NameChecker.Register withFigure = new InMemoryRegister(register.entries(),
                List.of(new BannedTerm("郑观应", "HISTORICAL_FIGURE")));

        List<Finding> park = competent.check(new Proposal("紫马岭", "公园", "URBAN_PARK", "NAMING", null), withFigure);
        assertThat(park).containsExactly(new Finding(Code.NOT_COMPETENT_CATEGORY, null));
        assertThat(park.get(0).code().forbidden).isTrue();
        assertThat(competent.check(new Proposal("岐江", "大桥", "FACILITY", "NAMING", null), withFigure))
                .extracting(Finding::code).contains(Code.NOT_COMPETENT_CATEGORY);
        List<Finding> prefix = competent.check(new Proposal("广东大", "道", "STREET_ROAD_LANE", "NAMING", null),
                withFigure);
        assertThat(prefix).containsExactly(new Finding(Code.HIGHER_AUTHORITY_PREFIX, "广东"));
        assertThat(NameChecker.notCompetent(prefix.get(0))).isTrue();
        List<Finding> figure = competent.check(new Proposal("郑观应", "路", "STREET_ROAD_LANE", "NAMING", null),
                withFigure);
        assertThat(figure).containsExactly(new Finding(Code.HISTORICAL_FIGURE, "郑观应"));
        assertThat(figure.get(0).code().forbidden).isFalse();
        assertThat(competent.check(new Proposal("濠头", "路", "STREET_ROAD_LANE", "NAMING", null), withFigure)).isEmpty();

        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(messages.getMessage("placename.finding.HISTORICAL_FIGURE", new Object[] {"郑观应"},
                java.util.Locale.SIMPLIFIED_CHINESE)).contains("郑观应", "广东省人民政府批准");
        assertThat(messages.getMessage("placename.finding.HISTORICAL_FIGURE", new Object[] {"郑观应"},
                java.util.Locale.ENGLISH)).contains("historical figure's name", "Guangdong Provincial People's");
        assertThat(messages.getMessage("placename.finding.NOT_COMPETENT_CATEGORY", new Object[] {""},
                java.util.Locale.SIMPLIFIED_CHINESE)).contains("专业部门", "第十二条");
    }

    @Test
    void flagsAGenericPartThatDoesNotFitTheCategory() {
        assertThat(check("濠头", "花园")).containsExactly(new Finding(Code.GENERIC_PART_MISMATCH, "花园"));
    }

    @Test
    void flagsLatinLettersAndRareCharacters() {
        assertThat(check("CBD", "大道")).extracting(Finding::code).containsExactly(Code.NON_STANDARD_SCRIPT);
        assertThat(check("𠮷祥", "路")).extracting(Finding::code).containsExactly(Code.RARE_CHARACTER);
    }

    @Test
    void flagsARenamingOfAProtectedNameAndOfANameNotInTheRegister() {
        assertThat(checker.check(new Proposal("博学", "路", "STREET_ROAD_LANE", "RENAMING", "孙文中路"), register))
                .containsExactly(new Finding(Code.CURRENT_NAME_PROTECTED, "孙文中路"));
        assertThat(checker.check(new Proposal("博学", "路", "STREET_ROAD_LANE", "RENAMING", "无名路"), register))
                .containsExactly(new Finding(Code.CURRENT_NAME_NOT_FOUND, "无名路"));
        assertThat(checker.check(new Proposal("博学", "路", "STREET_ROAD_LANE", "RENAMING", "兴中道"), register))
                .isEmpty();
    }

    @Test
    void romanisesTheSpecificPartJoinedAndTheGenericPartApart() {
        assertThat(NameChecker.pinyin("兴中道")).isEqualTo("xingzhongdao");
        assertThat(NameChecker.romanise("兴中", "道")).isEqualTo("Xingzhong Dao");
        assertThat(NameChecker.romanise("翠亨", "大道")).isEqualTo("Cuiheng Dadao");
    }

    /**
     * Real names with their official spellings (GB/T 16159, GB 17733 地名标志 and the road signs of the cities named):
     * the reading of the word for a polyphonic character, the apostrophe where a, o or e opens a syllable, ü kept,
     * the generic part apart and capitalised, a direction joined to it.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}{1} → {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "西安, 路, Xi'an Lu", // Dalian, Shanghai
            "长安, 大道, Chang'an Dadao", // 长 read chang in 长安, not zhang
            "厦门, 路, Xiamen Lu", // 厦 read xia in 厦门, not sha (Shanghai, Nanjing)
            "六安, 街, Lu'an Jie", // 六 read lu in 六安 (Anhui), not liu
            "吕, 街, Lü Jie", // ü written as ü, not v
            "延安, 路, Yan'an Lu", // Shanghai's 延安路
            "淮安, 路, Huai'an Lu",
            "天安门, 广场, Tian'anmen Guangchang",
            "番禺, 路, Panyu Lu", // 番 read pan in 番禺 (Shanghai's 番禺路)
            "重庆, 路, Chongqing Lu", // 重 read chong in 重庆
            "蚌埠, 路, Bengbu Lu", // 蚌 read beng in 蚌埠
            "孙文, 西路, Sunwen Xilu", // Zhongshan: the direction joined to the generic part
            "兴中, 道, Xingzhong Dao",
            "岐关, 西路, Qiguan Xilu"
    })
    void romanisesRealPlaceNamesAsTheirOfficialSpellings(String specific, String generic, String official) {
        assertThat(NameChecker.romanise(specific, generic)).isEqualTo(official);
    }

    @Test
    void capsTheReadingsOfANameOfManyPolyphonicCharacters() {
        assertThat(NameChecker.readings("长长长长长长长长")).hasSize(NameChecker.MAX_READINGS);
    }

    private List<Finding> check(String specific, String generic) {
        return checker.check(new Proposal(specific, generic, "STREET_ROAD_LANE", "NAMING", null), register);
    }

    private List<Finding> checkBuilding(String specific, String generic) {
        return checker.check(new Proposal(specific, generic, "RESIDENTIAL_BUILDING", "NAMING", null), register);
    }

    private static Entry entry(String full, String specific, String generic, boolean protectedName) {
        return new Entry(full, specific, generic, protectedName);
    }

    /** The register's look-ups as the mapper answers them, keyed on the library's pinyin like the real table. */
    private record InMemoryRegister(List<Entry> entries, List<BannedTerm> terms) implements NameChecker.Register {

        @Override
        public List<Entry> activeByName(String fullName) {
            return entries.stream().filter(e -> e.fullName().equals(fullName)).toList();
        }

        @Override
        public List<Entry> activeByPinyin(Set<String> readings) {
            List<Entry> out = new ArrayList<>();
            entries.stream().filter(e -> readings.contains(NameChecker.pinyin(e.fullName()))).forEach(out::add);
            return out;
        }

        @Override
        public List<Entry> activeBySpecificPart(String specificPart) {
            return entries.stream().filter(e -> e.specificPart().equals(specificPart)).toList();
        }

        @Override
        public List<BannedTerm> bannedTerms() {
            return terms;
        }
    }
}
