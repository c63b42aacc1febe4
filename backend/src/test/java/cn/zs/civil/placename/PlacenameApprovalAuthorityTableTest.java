package cn.zs.civil.placename;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The approver table as shipped (Arts. 12-14): each assertion names the rule that must have decided. */
class PlacenameApprovalAuthorityTableTest {

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

    @Test
    void cityGovernmentApprovesStreetsAndTheyAreFiledWithTheProvinceAndAnnouncedFromApproval() {
        DmnDecisionResultEntries result = authority("STREET_ROAD_LANE");

        assertThat(matchedRules).containsExactly("Rule_StreetRoadLane");
        assertThat(result).containsEntry("approver", "CITY_GOVERNMENT").containsEntry("approverName", "中山市人民政府")
                .containsEntry("consultCivilAffairs", false).containsEntry("announcementFrom", "APPROVAL");
        assertThat((String) result.get("filingRecipient")).startsWith("广东省人民政府");
        // English readers of the forms read the authorities in English (the announcement itself stays Chinese).
        assertThat(result).containsEntry("approverNameEn", "Zhongshan Municipal People's Government");
        assertThat((String) result.get("filingRecipientEn")).startsWith("Guangdong Provincial People's Government");
    }

    @Test
    void housingDepartmentApprovesResidentialAreasAfterConsultingCivilAffairsAndAnnouncesFromFiling() {
        DmnDecisionResultEntries result = authority("RESIDENTIAL_BUILDING");

        assertThat(matchedRules).containsExactly("Rule_ResidentialBuilding");
        assertThat(result).containsEntry("approver", "HOUSING_DEPARTMENT").containsEntry("consultCivilAffairs", true)
                .containsEntry("announcementFrom", "FILING");
        assertThat((String) result.get("filingRecipient")).startsWith("中山市民政局");
    }

    @ParameterizedTest
    @ValueSource(strings = { "VILLAGE_SEAT", "NATURAL_FEATURE" })
    void cityGovernmentApprovesWhatTheProvinceLeavesToIt(String category) {
        DmnDecisionResultEntries result = authority(category);

        assertThat(matchedRules).containsExactly("Rule_ProvincialProvision");
        assertThat(result).containsEntry("approver", "CITY_GOVERNMENT").containsEntry("announcementFrom", "APPROVAL");
    }

    @Test
    void civilAffairsApprovesSquaresAndFilesWithTheProvincialCivilAffairsDepartment() {
        DmnDecisionResultEntries result = authority("SQUARE");

        assertThat(matchedRules).containsExactly("Rule_CivilAffairs");
        assertThat(result).containsEntry("approver", "CIVIL_AFFAIRS").containsEntry("approverName", "中山市民政局")
                .containsEntry("consultCivilAffairs", false);
        assertThat((String) result.get("filingRecipient")).startsWith("广东省民政厅");
    }

    @Test
    void decidesNothingForAnUnknownCategory() {
        assertThat(authority("FACILITY")).isNull();
        assertThat(matchedRules).isEmpty();
    }

    @Test
    void everyCategoryOfTheApplicationFormHasExactlyOneApprover() throws IOException {
        List<String> categories = new ArrayList<>();
        try (InputStream form = getClass().getClassLoader().getResourceAsStream("forms/placename/placename-apply.form")) {
            JsonNode components = new ObjectMapper().readTree(form).path("components");
            for (JsonNode c : components) {
                if (PlacenameProcess.VAR_FEATURE_CATEGORY.equals(c.path("key").asText())) {
                    c.path("values").forEach(v -> categories.add(v.path("value").asText()));
                }
            }
        }
        // Parks, protected areas and facilities are on the form so that the applicant is told who approves them
        // (R181: platform.placename.sector-approved-categories); the bureau refuses them at submission, no approver.
        assertThat(categories).contains("URBAN_PARK", "FACILITY");
        categories.removeAll(List.of("URBAN_PARK", "FACILITY"));
        assertThat(categories).hasSize(5);
        for (String category : categories) {
            matchedRules.clear();
            assertThat(authority(category)).as(category).isNotNull();
            assertThat(matchedRules).as(category).hasSize(1);
        }
    }

    private DmnDecisionResultEntries authority(String category) {
        try (InputStream model = getClass().getClassLoader()
                .getResourceAsStream("processes/placename/placename-approval-authority.dmn")) {
            DmnDecision decision = engine.parseDecision(PlacenameProcess.DECISION_AUTHORITY, model);
            java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
            variables.put(PlacenameProcess.VAR_FEATURE_CATEGORY, category);
            return engine.evaluateDecision(decision, variables).getSingleResult();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
