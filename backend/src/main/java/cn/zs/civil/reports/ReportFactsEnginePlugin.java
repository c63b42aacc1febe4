package cn.zs.civil.reports;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;

/**
 * Adds a history event handler (next to the engine's own, which still writes ACT_HI_*) that writes a completed task's
 * {@code rp_task} row in the transaction that completes it. The open tasks are the worklist's read model (its own
 * hook, read here through {@code worklist.OpenTasks}). ReportFacts is looked up when the first event arrives, so the
 * engine's configuration does not depend on the reports' beans.
 */
@Component
class ReportFactsEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ReportFacts> facts;

    ReportFactsEnginePlugin(ObjectProvider<ReportFacts> facts) {
        this.facts = facts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new TaskCompletions());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private final class TaskCompletions implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricTaskInstanceEventEntity t && t.getProcessInstanceId() != null
                    && (t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
                            || t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE))
                    && "completed".equals(t.getDeleteReason())) {
                facts.getObject().onTaskCompleted(t.getTaskId(), t.getProcessInstanceId(), t.getTaskDefinitionKey(),
                        t.getName(), t.getAssignee(), BusinessTime.of(t.getStartTime()),
                        BusinessTime.of(t.getEndTime()));
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
