package cn.zs.civil.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN engine for decision-table tests that evaluates the tables the build ships (from the classpath) and records
 * the ids of the rules that matched, so a test can name the rule that must have decided.
 */
public final class RecordingDmnEngine {

    private final List<String> matchedRules = new ArrayList<>();
    private final DmnEngine engine;

    public RecordingDmnEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches =
                event -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        engine = configuration.buildEngine();
    }

    public DmnDecisionResultEntries evaluate(String resource, String decisionKey, Map<String, Object> variables) {
        try (InputStream model = getClass().getClassLoader().getResourceAsStream(resource)) {
            DmnDecision decision = engine.parseDecision(decisionKey, model);
            return engine.evaluateDecision(decision, variables).getSingleResult();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> matchedRules() {
        return List.copyOf(matchedRules);
    }
}
