package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three funeral tables as the policy owner wrote them, read from the models the build ships
 * (processes/funeral/*.dmn on the classpath). Each assertion names the rule that must have decided.
 */
class FuneralDecisionTablesTest {

    private final List<String> matchedRules = new ArrayList<>();
    private DmnEngine engine;

    @BeforeEach
    void buildEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches =
                event -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        engine = configuration.buildEngine();
    }

    // funeral-eligibility (FIRST)

    @ParameterizedTest
    @ValueSource(strings = { "TEKUN", "DIBAO", "YOUFU", "UNIDENTIFIED" })
    void coversSpecialGroupsWhereverTheyLivedDiedOrWereCremated(String group) {
        DmnDecisionResultEntries result = eligibility(group, false, false, false);

        assertThat(matchedRules).containsExactly("Rule_SpecialGroup");
        assertThat(result).containsEntry("eligible", true).containsEntry("reasonCode", "SPECIAL_GROUP");
    }

    @Test
    void specialGroupWinsOverHukouResidence() {
        DmnDecisionResultEntries result = eligibility("DIBAO", true, true, true);

        assertThat(matchedRules).containsExactly("Rule_SpecialGroup");
        assertThat(result).containsEntry("reasonCode", "SPECIAL_GROUP");
    }

    @Test
    void coversAHukouResidentCrematedElsewhere() {
        DmnDecisionResultEntries result = eligibility("NONE", true, false, false);

        assertThat(matchedRules).containsExactly("Rule_HukouResident");
        assertThat(result).containsEntry("eligible", true).containsEntry("reasonCode", "HUKOU_RESIDENT");
    }

    @Test
    void givesAHukouResidentWhoDiedAndWasCrematedInTheCityTheResidentReason() {
        DmnDecisionResultEntries result = eligibility("NONE", true, true, true);

        assertThat(matchedRules).containsExactly("Rule_HukouResident");
        assertThat(result).containsEntry("reasonCode", "HUKOU_RESIDENT");
    }

    @Test
    void coversANonResidentWhoDiedAndWasCrematedInTheCity() {
        DmnDecisionResultEntries result = eligibility("NONE", false, true, true);

        assertThat(matchedRules).containsExactly("Rule_DiedAndCrematedLocally");
        assertThat(result).containsEntry("eligible", true).containsEntry("reasonCode", "DIED_AND_CREMATED_LOCALLY");
    }

    @Test
    void doesNotCoverANonResidentWhoDiedInTheCityButWasCrematedElsewhere() {
        DmnDecisionResultEntries result = eligibility("NONE", false, true, false);

        assertThat(matchedRules).containsExactly("Rule_NotCovered");
        assertThat(result).containsEntry("eligible", false).containsEntry("reasonCode", "NOT_COVERED");
    }

    @Test
    void doesNotCoverANonResidentWhoDiedElsewhereAndWasCrematedInTheCity() {
        DmnDecisionResultEntries result = eligibility("NONE", false, false, true);

        assertThat(matchedRules).containsExactly("Rule_NotCovered");
        assertThat(result).containsEntry("eligible", false);
    }

    @Test
    void doesNotCoverADeceasedWhoseFactsAreUnknown() {
        DmnDecisionResultEntries result = eligibility(null, null, null, null);

        assertThat(matchedRules).containsExactly("Rule_NotCovered");
        assertThat(result).containsEntry("eligible", false).containsEntry("reasonCode", "NOT_COVERED");
    }

    /** Domain brief §4(a) (Shantou Longhu): a policy funeral-allowance recipient of an excluded category (R203). */
    @Test
    void doesNotCoverTheFamilyOfAPolicyFuneralAllowanceRecipientOfAnExcludedCategory_R203() {
        DmnDecisionResultEntries result = eligibility("NONE", true, true, true, true);

        assertThat(matchedRules).containsExactly("Rule_AllowanceRecipient");
        assertThat(result).containsEntry("eligible", false).containsEntry("reasonCode", "ALLOWANCE_RECIPIENT");
    }

    @Test
    void coversAResidentWhoseFamilyDrawsNoExcludedAllowanceAndASpecialGroupInAnyCase() {
        assertThat(eligibility("NONE", true, false, false, false)).containsEntry("eligible", true);
        assertThat(matchedRules).containsExactly("Rule_HukouResident");
        matchedRules.clear();
        assertThat(eligibility("DIBAO", true, true, true, true)).containsEntry("eligible", true);
        assertThat(matchedRules).containsExactly("Rule_SpecialGroup");
    }

    // funeral-item-standards (UNIQUE)

    @ParameterizedTest
    @CsvSource({
            "TRANSPORT,     Rule_Transport,     3,   160, 480",
            "DISINFECTION,  Rule_Disinfection,  90,  1,   90",
            "STORAGE,       Rule_Storage,       80,  3,   240",
            "FAREWELL_HALL, Rule_FarewellHall,  230, 1,   230",
            "CREMATION,     Rule_Cremation,     250, 1,   250",
            "URN,           Rule_Urn,           150, 1,   150",
            "ASH_STORAGE,   Rule_AshStorage,    50,  2,   100",
            "ECO_BURIAL,    Rule_EcoBurial,     100, 1,   100" })
    void givesEachBasicServiceItsStandardUnitsAndCap(String itemCode, String rule, double unitStandard,
            double maxUnits, double itemCap) {
        DmnDecisionResultEntries result = itemStandard(itemCode);

        assertThat(matchedRules).containsExactly(rule);
        assertThat(result).containsEntry("unitStandard", unitStandard).containsEntry("maxUnits", maxUnits)
                .containsEntry("itemCap", itemCap);
    }

    @ParameterizedTest
    @ValueSource(strings = { "EMBALMING", "LARGE_HALL", "transport", "" })
    void waivesNothingForAnItemThatIsNotABasicService(String itemCode) {
        DmnDecisionResultEntries result = itemStandard(itemCode);

        assertThat(matchedRules).containsExactly("Rule_NotBasic");
        assertThat(result).containsEntry("unitStandard", 0.0).containsEntry("maxUnits", 0.0)
                .containsEntry("itemCap", 0.0);
    }

    // funeral-total-cap (FIRST)

    @ParameterizedTest
    @ValueSource(strings = { "TEKUN", "DIBAO", "YOUFU" })
    void capsTheWaiverOfASpecialGroupAt2000Yuan(String group) {
        DmnDecisionResultEntries result = totalCap(group);

        assertThat(matchedRules).containsExactly("Rule_SpecialGroupCap");
        assertThat(result).containsEntry("totalCap", 2000.0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "NONE", "WUBAO" })
    void capsTheWaiverOfEveryoneElseAt1540Yuan(String group) {
        DmnDecisionResultEntries result = totalCap(group);

        assertThat(matchedRules).containsExactly("Rule_StandardCap");
        assertThat(result).containsEntry("totalCap", 1540.0).containsEntry("atActualCost", false);
    }

    @Test
    void anUnidentifiedBodyHasNoInventedCapItsBasicFeesAreBorneAtActualCost() {
        DmnDecisionResultEntries result = totalCap("UNIDENTIFIED");

        assertThat(matchedRules).containsExactly("Rule_UnidentifiedAtActualCost");
        assertThat(result.get("totalCap")).isNull();
        assertThat(result).containsEntry("atActualCost", true);
    }

    @Test
    void capsTheWaiverAt1540YuanWhenTheAssistanceStatusIsUnknown() {
        assertThat(totalCap(null)).containsEntry("totalCap", 1540.0);
        assertThat(matchedRules).containsExactly("Rule_StandardCap");
    }

    /** The facts as the registry check gives them to cases started before the allowance exclusion existed. */
    private DmnDecisionResultEntries eligibility(String specialGroup, Boolean hukouLocal, Boolean diedLocally,
            Boolean crematedLocally) {
        return eligibility(specialGroup, hukouLocal, diedLocally, crematedLocally, null);
    }

    private DmnDecisionResultEntries eligibility(String specialGroup, Boolean hukouLocal, Boolean diedLocally,
            Boolean crematedLocally, Boolean allowanceExcluded) {
        Map<String, Object> facts = new HashMap<>();
        if (allowanceExcluded != null) {
            facts.put(VAR_ALLOWANCE_EXCLUDED, allowanceExcluded);
        }
        facts.put(VAR_SPECIAL_GROUP, specialGroup);
        facts.put(VAR_HUKOU_LOCAL, hukouLocal);
        facts.put(VAR_DIED_LOCALLY, diedLocally);
        facts.put(VAR_CREMATED_LOCALLY, crematedLocally);
        return evaluate("funeral-eligibility.dmn", DECISION_ELIGIBILITY, facts);
    }

    private DmnDecisionResultEntries itemStandard(String itemCode) {
        return evaluate("funeral-item-standards.dmn", DECISION_ITEM_STANDARDS, Map.of("itemCode", itemCode));
    }

    private DmnDecisionResultEntries totalCap(String specialGroup) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(VAR_SPECIAL_GROUP, specialGroup);
        return evaluate("funeral-total-cap.dmn", DECISION_TOTAL_CAP, facts);
    }

    private DmnDecisionResultEntries evaluate(String file, String decisionKey, Map<String, Object> variables) {
        try (InputStream model = getClass().getClassLoader().getResourceAsStream("processes/funeral/" + file)) {
            assertThat(model).as("processes/funeral/%s on the classpath", file).isNotNull();
            DmnDecision decision = engine.parseDecision(decisionKey, model);
            return engine.evaluateDecision(decision, variables).getSingleResult();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
