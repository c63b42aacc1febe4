package cn.zs.civil.socialorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zs.civil.support.RecordingDmnEngine;

/**
 * The social-organisation tables as shipped (processes/socialorg/*.dmn on the classpath): every rule decides at
 * least one case here, at and around its threshold, and each assertion names the rule that must have decided.
 */
class SocialOrgDecisionTablesTest {

    private final RecordingDmnEngine engine = new RecordingDmnEngine();

    @ParameterizedTest(name = "{0} {1}: {2} individual + {3} unit members, {4} yuan -> {6} by {5}")
    @CsvSource(nullValues = "null", value = {
            // social groups (社团条例 Art. 10): funds first, then the three membership rules
            "SOCIAL_GROUP, null, 80, 0, 29999.99, Rule_SocialGroupFundsLow, false, FUNDS_BELOW_MINIMUM",
            "SOCIAL_GROUP, null, 50, 0, 30000, Rule_SocialGroupIndividuals, true, MEETS_CONDITIONS",
            "SOCIAL_GROUP, null, 49, 0, 30000, Rule_SocialGroupMembersLow, false, MEMBERS_BELOW_MINIMUM",
            "SOCIAL_GROUP, null, 0, 30, 50000, Rule_SocialGroupUnits, true, MEETS_CONDITIONS",
            "SOCIAL_GROUP, null, 0, 29, 50000, Rule_SocialGroupMembersLow, false, MEMBERS_BELOW_MINIMUM",
            "SOCIAL_GROUP, null, 20, 30, 50000, Rule_SocialGroupMixed, true, MEETS_CONDITIONS",
            "SOCIAL_GROUP, null, 20, 29, 50000, Rule_SocialGroupMembersLow, false, MEMBERS_BELOW_MINIMUM",
            "SOCIAL_GROUP, null, 0, 0, 50000, Rule_SocialGroupMembersLow, false, MEMBERS_BELOW_MINIMUM",
            // private non-enterprise units: the local minimum of the funds
            "PRIVATE_NON_ENTERPRISE, null, 0, 0, 29999, Rule_PrivateNonEnterpriseFundsLow, false, FUNDS_BELOW_MINIMUM",
            "PRIVATE_NON_ENTERPRISE, null, 0, 0, 30000, Rule_PrivateNonEnterprise, true, MEETS_CONDITIONS",
            // foundations (only under a provincial delegation; 基金会条例 Art. 8)
            "FOUNDATION, PUBLIC_LOCAL, 0, 0, 3999999, Rule_LocalPublicFoundationFundsLow, false, FUNDS_BELOW_MINIMUM",
            "FOUNDATION, PUBLIC_LOCAL, 0, 0, 4000000, Rule_Foundation, true, MEETS_CONDITIONS",
            "FOUNDATION, NON_PUBLIC, 0, 0, 1999999, Rule_NonPublicFoundationFundsLow, false, FUNDS_BELOW_MINIMUM",
            "FOUNDATION, NON_PUBLIC, 0, 0, 2000000, Rule_Foundation, true, MEETS_CONDITIONS",
            "OTHER, null, 100, 100, 1000000, Rule_UnknownType, false, UNKNOWN_TYPE" })
    void decidesTheStatutoryConditionsOfEstablishment(String orgType, String foundationKind, int individuals,
            int units, double funds, String rule, boolean met, String finding) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("orgType", orgType);
        variables.put("foundationKind", foundationKind);
        variables.put("individualMembers", individuals);
        variables.put("unitMembers", units);
        variables.put("funds", funds);

        DmnDecisionResultEntries result = evaluate("socialorg-establishment-conditions.dmn",
                SocialOrgProcess.DECISION_CONDITIONS, variables);

        assertThat(engine.matchedRules()).containsExactly(rule);
        assertThat(result).containsEntry("conditionsMet", met).containsEntry("finding", finding);
    }

    @ParameterizedTest(name = "{0}: announce {2}, audit {3}")
    @CsvSource({
            "NAME, Rule_Name, true, false",
            "DOMICILE, Rule_Domicile, true, false",
            "LEGAL_REPRESENTATIVE, Rule_LegalRepresentative, true, true",
            "PURPOSE_SCOPE, Rule_Other, false, false",
            "FUNDS, Rule_Other, false, false",
            "SUPERVISORY_UNIT, Rule_Other, false, false",
            "CHARTER, Rule_Other, false, false" })
    void announcesChangesOfNameDomicileAndLegalRepresentative(String item, String rule, boolean announce,
            boolean audit) {
        DmnDecisionResultEntries result = evaluate("socialorg-change-announcement.dmn",
                SocialOrgProcess.DECISION_CHANGE_ANNOUNCEMENT, Map.of("changedItem", item));

        assertThat(engine.matchedRules()).containsExactly(rule);
        assertThat(result).containsEntry("announce", announce).containsEntry("auditRequired", audit);
    }

    private DmnDecisionResultEntries evaluate(String file, String decisionKey, Map<String, Object> variables) {
        return engine.evaluate("processes/socialorg/" + file, decisionKey, variables);
    }
}
