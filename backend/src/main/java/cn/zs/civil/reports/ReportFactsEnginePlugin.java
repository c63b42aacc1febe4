package cn.zs.civil.reports;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;

/**
 * Adds a history event handler (next to the engine's own, which still writes ACT_HI_*) that keeps the reports' task
 * tables in the transaction that changes the task: {@code rp_open_task} and its queues as a task is created,
 * assigned, offered to candidate groups and ended, and a completed task's {@code rp_task} row. ReportFacts is looked up when the first
 * event arrives, so the engine's configuration does not depend on the reports' beans.
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
            if (event instanceof HistoricTaskInstanceEventEntity t && t.getProcessInstanceId() != null) {
                task(t);
            } else if (event instanceof HistoricIdentityLinkLogEventEntity link && "candidate".equals(link.getType())
                    && link.getTaskId() != null && link.getGroupId() != null) {
                facts.getObject().onCandidateGroup(link.getTaskId(), link.getGroupId(),
                        !"delete".equals(link.getOperationType()));
            }
        }

        private void task(HistoricTaskInstanceEventEntity t) {
            ReportFacts f = facts.getObject();
            if (t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
                f.onTaskCreated(t.getTaskId(), t.getProcessInstanceId(), businessKey(t.getProcessInstanceId()),
                        t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), BusinessTime.of(t.getStartTime()));
            } else if (t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_UPDATE)
                    || t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_MIGRATE)) {
                f.onTaskUpdated(t.getTaskId(), t.getName(), t.getAssignee());
            } else if (t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
                    || t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE)) {
                f.onTaskEnded(t.getTaskId());
                if ("completed".equals(t.getDeleteReason())) {
                    f.onTaskCompleted(t.getTaskId(), t.getProcessInstanceId(), t.getTaskDefinitionKey(), t.getName(),
                            t.getAssignee(), BusinessTime.of(t.getStartTime()), BusinessTime.of(t.getEndTime()));
                }
            }
        }

        /**
         * The case number of a process instance from the engine's entity cache: a task created while the process
         * starts comes before the platform has stored the instance's id on the application.
         */
        private String businessKey(String processInstanceId) {
            var context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
            if (context == null) {
                return null;
            }
            var execution = context.getDbEntityManager().selectById(
                    org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.class, processInstanceId);
            return execution == null ? null : execution.getBusinessKey();
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
