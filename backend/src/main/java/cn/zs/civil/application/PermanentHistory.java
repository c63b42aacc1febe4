package cn.zs.civil.application;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Records kept permanently (婚姻登记档案管理办法 Art. 13: marriage registration files are kept permanently; domain
 * brief §0.5): the process definitions listed in {@code platform.history.permanent} get no history time to live
 * whatever their model says, so the engine's history cleanup never removes their finished cases (with the
 * removal-time strategy, the decisions evaluated in a case, such as marriage-eligibility, share the case's removal
 * time, so they stay too). The models
 * keep a time to live because the engine requires one on every model ({@code enforceHistoryTimeToLive}); this
 * setting, not the model, decides.
 */
@Component
public class PermanentHistory extends AbstractProcessEnginePlugin {

    /** {@code platform.history}: the keys of the process definitions whose history is never removed. */
    @ConfigurationProperties("platform.history")
    public record Settings(List<String> permanent) {

        public Settings {
            permanent = permanent == null ? List.of() : List.copyOf(permanent);
        }
    }

    private final Settings settings;

    public PermanentHistory(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parse = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parse.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (settings.permanent().contains(definition.getKey())) {
                    definition.setHistoryTimeToLive(null);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(parse);
    }

    /**
     * Versions deployed before the setting (or before a key was added to it) still carry their model's time to live,
     * and their finished cases a removal time: both are cleared, so that no such case expires either.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (String key : settings.permanent()) {
            boolean changed = false;
            for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(key).list()) {
                if (definition.getHistoryTimeToLive() != null) {
                    clearTimeToLive(engine, definition.getId());
                    changed = true;
                }
            }
            HistoricProcessInstanceQuery finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(key).finished();
            if (changed && finished.count() > 0) {
                engine.getHistoryService().setRemovalTimeToHistoricProcessInstances().clearedRemovalTime()
                        .byQuery(finished).hierarchical().executeAsync();
            }
        }
    }

    /** The engine refuses a null time to live while it enforces one on every model: lifted for this update only. */
    private static void clearTimeToLive(ProcessEngine engine, String definitionId) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        boolean enforced = configuration.isEnforceHistoryTimeToLive();
        configuration.setEnforceHistoryTimeToLive(false);
        try {
            engine.getRepositoryService().updateProcessDefinitionHistoryTimeToLive(definitionId, null);
        } finally {
            configuration.setEnforceHistoryTimeToLive(enforced);
        }
    }
}
