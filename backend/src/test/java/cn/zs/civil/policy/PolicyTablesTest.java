package cn.zs.civil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/** A proposal's table: the released table with its rules replaced, read and evaluated by the DMN engine. */
class PolicyTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static InputStream released(String file) throws IOException {
        Path path = Path.of("../processes/funeral", file);
        return Files.newInputStream(path);
    }

    @Test
    void theTotalCapWithChangedRulesIsReadByTheEngineAndAnswersTheNewValues() throws IOException {
        List<PolicyService.RuleView> rules = List.of(
                new PolicyService.RuleView("无名遗体设上限", List.of("\"UNIDENTIFIED\""), List.of("1200", "true")),
                new PolicyService.RuleView("", List.of("-"), List.of("1600", "false")));
        String xml;
        try (InputStream in = released("funeral-total-cap.dmn")) {
            xml = PolicyService.withRules(Dmn.readModelFromStream(in), "funeral-total-cap", rules,
                    LocalDate.of(2026, 12, 16), 7);
        }
        assertThat(xml).contains("versionTag=\"2026-12-16\"");
        DmnDecision decision = DMN.parseDecision("funeral-total-cap",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(DMN.evaluateDecisionTable(decision, Map.of("specialGroup", "UNIDENTIFIED")).getSingleResult()
                .getEntryMap()).containsEntry("totalCap", 1200.0).containsEntry("atActualCost", true);
        Map<String, Object> other = new java.util.HashMap<>();
        other.put("specialGroup", null);
        assertThat(DMN.evaluateDecisionTable(decision, other).getSingleResult().getEntryMap())
                .containsEntry("totalCap", 1600.0);
    }
}
