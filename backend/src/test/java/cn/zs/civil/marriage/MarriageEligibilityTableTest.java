package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;
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

/**
 * marriage-eligibility (hit policy FIRST) as the build ships it (processes/marriage/marriage-eligibility.dmn on the
 * classpath), with the inputs CheckMarriagePartiesDelegate computes. Each assertion names the rule that decided: with
 * FIRST only the first matching rule is reported, so the rule id pins the order of the grounds.
 */
class MarriageEligibilityTableTest {

    private final List<String> matchedRules = new ArrayList<>();
    private final Map<String, Object> couple = new HashMap<>();
    private DmnEngine engine;
    private DmnDecision decision;

    @BeforeEach
    void buildEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches =
                event -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        engine = configuration.buildEngine();
        try (InputStream dmn = getClass().getClassLoader()
                .getResourceAsStream("processes/marriage/marriage-eligibility.dmn")) {
            assertThat(dmn).as("marriage-eligibility.dmn on the classpath").isNotNull();
            decision = engine.parseDecision("marriage-eligibility", dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A single man of 30 and a single woman of 28, nobody in an open divorce case.
        couple.put(VAR_ONE_MAN_ONE_WOMAN, true);
        couple.put(VAR_MARRIED_TO_EACH_OTHER, false);
        couple.put(VAR_ANY_PARTY_MARRIED, false);
        couple.put(VAR_OPEN_DIVORCE_CASE, false);
        couple.put(VAR_AGE_MAN, 30);
        couple.put(VAR_AGE_WOMAN, 28);
    }

    @Test
    void registersASingleManAndASingleWomanOfAge() {
        assertThat(decide()).containsEntry("eligible", true).containsEntry("refusalGround", "ELIGIBLE");
        assertThat(matchedRules).containsExactly("Rule_Eligible");
    }

    @ParameterizedTest(name = "groom aged {0}: eligible={1}")
    @CsvSource({ "20, false", "21, false", "22, true", "23, true" })
    void theGroomMustHaveReached22(int ageMan, boolean eligible) {
        couple.put(VAR_AGE_MAN, ageMan);

        DmnDecisionResultEntries result = decide();

        assertThat(result).containsEntry("eligible", eligible)
                .containsEntry("refusalGround", eligible ? "ELIGIBLE" : "UNDERAGE");
        assertThat(matchedRules).containsExactly(eligible ? "Rule_Eligible" : "Rule_ManUnderage");
    }

    @ParameterizedTest(name = "bride aged {0}: eligible={1}")
    @CsvSource({ "18, false", "19, false", "20, true", "21, true" })
    void theBrideMustHaveReached20(int ageWoman, boolean eligible) {
        couple.put(VAR_AGE_WOMAN, ageWoman);

        DmnDecisionResultEntries result = decide();

        assertThat(result).containsEntry("eligible", eligible)
                .containsEntry("refusalGround", eligible ? "ELIGIBLE" : "UNDERAGE");
        assertThat(matchedRules).containsExactly(eligible ? "Rule_Eligible" : "Rule_WomanUnderage");
    }

    @ParameterizedTest(name = "groom born {0}, registering on {1}: eligible={2}")
    @CsvSource({ "2004-12-07, 2026-12-06, false", "2004-12-07, 2026-12-07, true",
            "2004-02-29, 2026-02-28, false", "2004-02-29, 2026-03-01, true" })
    void ageCountsFromTheBirthdayItself_R43(String born, String registrationDay, boolean eligible) {
        // Brief §1(e)2: the age on the registration date, from the ID's birth date; the birthday itself counts.
        couple.put(VAR_AGE_MAN, CheckMarriagePartiesDelegate.ageOn(java.time.LocalDate.parse(born),
                java.time.LocalDate.parse(registrationDay)));

        assertThat(decide()).containsEntry("eligible", eligible)
                .containsEntry("refusalGround", eligible ? "ELIGIBLE" : "UNDERAGE");
    }

    @Test
    void a20YearOldManMarryingA20YearOldWomanIsRefusedOnlyForTheMansAge() {
        couple.put(VAR_AGE_MAN, 20);
        couple.put(VAR_AGE_WOMAN, 20);

        assertThat(decide()).containsEntry("eligible", false).containsEntry("refusalGround", "UNDERAGE");
        assertThat(matchedRules).containsExactly("Rule_ManUnderage");
    }

    @Test
    void refusesTwoWomen() {
        // The delegate reports ages 0/0 when the couple is not one man and one woman.
        couple.put(VAR_ONE_MAN_ONE_WOMAN, false);
        couple.put(VAR_AGE_MAN, 0);
        couple.put(VAR_AGE_WOMAN, 0);

        assertThat(decide()).containsEntry("eligible", false).containsEntry("refusalGround", "NOT_MAN_AND_WOMAN");
        assertThat(matchedRules).containsExactly("Rule_NotManAndWoman");
    }

    @Test
    void refusesAPartyWhoIsStillMarried() {
        couple.put(VAR_ANY_PARTY_MARRIED, true);

        assertThat(decide()).containsEntry("eligible", false).containsEntry("refusalGround", "HAS_SPOUSE");
        assertThat(matchedRules).containsExactly("Rule_HasSpouse");
    }

    @Test
    void refusesACoupleAlreadyMarriedToEachOtherWithThatGroundRatherThanHasSpouse() {
        // Married to each other, both are MARRIED in the database too: the more specific ground comes first.
        couple.put(VAR_MARRIED_TO_EACH_OTHER, true);
        couple.put(VAR_ANY_PARTY_MARRIED, true);

        assertThat(decide()).containsEntry("eligible", false)
                .containsEntry("refusalGround", "ALREADY_MARRIED_TO_EACH_OTHER");
        assertThat(matchedRules).containsExactly("Rule_MarriedToEachOther");
    }

    @Test
    void refusesAPartyWhoseDivorceIsStillOpenAsStillHavingASpouse() {
        couple.put(VAR_OPEN_DIVORCE_CASE, true);

        assertThat(decide()).containsEntry("eligible", false).containsEntry("refusalGround", "HAS_SPOUSE");
        assertThat(matchedRules).containsExactly("Rule_OpenDivorce");
    }

    @Test
    void anUnderageGroomWhoIsAlsoMarriedIsRefusedForTheSpouseFirst() {
        couple.put(VAR_AGE_MAN, 21);
        couple.put(VAR_ANY_PARTY_MARRIED, true);

        assertThat(decide()).containsEntry("refusalGround", "HAS_SPOUSE");
        assertThat(matchedRules).containsExactly("Rule_HasSpouse");
    }

    @Test
    void twoUnderageWomenAreRefusedAsNotOneManAndOneWoman() {
        couple.put(VAR_ONE_MAN_ONE_WOMAN, false);
        couple.put(VAR_AGE_MAN, 0);
        couple.put(VAR_AGE_WOMAN, 19);
        couple.put(VAR_ANY_PARTY_MARRIED, true);

        assertThat(decide()).containsEntry("refusalGround", "NOT_MAN_AND_WOMAN");
        assertThat(matchedRules).containsExactly("Rule_NotManAndWoman");
    }

    @Test
    void marriedToEachOtherComesBeforeAnOpenDivorceAndUnderage() {
        couple.put(VAR_MARRIED_TO_EACH_OTHER, true);
        couple.put(VAR_OPEN_DIVORCE_CASE, true);
        couple.put(VAR_AGE_WOMAN, 19);

        assertThat(decide()).containsEntry("refusalGround", "ALREADY_MARRIED_TO_EACH_OTHER");
        assertThat(matchedRules).containsExactly("Rule_MarriedToEachOther");
    }

    @Test
    void anOpenDivorceComesBeforeUnderage() {
        couple.put(VAR_OPEN_DIVORCE_CASE, true);
        couple.put(VAR_AGE_MAN, 21);

        assertThat(decide()).containsEntry("refusalGround", "HAS_SPOUSE");
        assertThat(matchedRules).containsExactly("Rule_OpenDivorce");
    }

    private DmnDecisionResultEntries decide() {
        matchedRules.clear();
        return engine.evaluateDecision(decision, new HashMap<>(couple)).getSingleResult();
    }
}
