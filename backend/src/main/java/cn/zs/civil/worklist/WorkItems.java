package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;

/**
 * Keeps {@code work_item}, the queues' read model, in step with the engine's open human tasks. The engine's task
 * events reach this bean through Camunda's Spring eventing bridge ({@code camunda.bpm.eventing.task}, not
 * skippable, so a "skip custom listeners" deletion still removes the row) inside the engine command, so a row is
 * written, changed and deleted in the same transaction as its task. On start, an empty table is filled from the
 * engine's open tasks (an existing database upgraded to this version).
 */
@Component
class WorkItems {

    /** Tasks without a due date sort after every dated task. */
    static final LocalDateTime NO_DUE_DATE = LocalDateTime.of(9999, 12, 31, 0, 0);
    static final String NO_GROUP = "";
    private static final Logger log = LoggerFactory.getLogger(WorkItems.class);
    private static final int BACKFILL_PAGE = 500;

    private final WorkItemMapper mapper;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;

    WorkItems(WorkItemMapper mapper, TaskService tasks, RuntimeService runtime, TransactionTemplate tx) {
        this.mapper = mapper;
        this.tasks = tasks;
        this.runtime = runtime;
        this.tx = tx;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        String event = task.getEventName();
        if (event == null) {
            // Seen when a claim met a task whose case had just ended (the crash suite): the entity's state is all
            // there is to go by, so the row follows it.
            mapper.assign(task.getId(), task.getAssignee());
            return;
        }
        switch (event) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> mapper.assign(task.getId(), task.getAssignee());
            case TaskListener.EVENTNAME_UPDATE ->
                mapper.update(task.getId(), dueSort(task.getDueDate()), limit(task.getName()));
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> mapper.delete(task.getId());
            default -> {
                // timeout: nothing the queue shows changes
            }
        }
    }

    private void created(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        Object district = task.getExecution() == null ? null
                : task.getExecution().getVariable(ApplicationService.VAR_DISTRICT);
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        insert(task.getId(), groups, district == null ? null : district.toString(), task.getAssignee(),
                task.getDueDate(), task.getCreateTime(), businessKey, task.getProcessInstanceId(),
                task.getTaskDefinitionKey(), task.getName());
    }

    private void insert(String taskId, Set<String> groups, String district, String assignee, Date due, Date created,
            String applicationNo, String processInstanceId, String taskKey, String name) {
        for (String group : groups.isEmpty() ? Set.of(NO_GROUP) : groups) {
            mapper.insert(new WorkItemMapper.WorkItem(taskId, group, district, assignee, dueSort(due),
                    created == null ? BusinessTime.now() : BusinessTime.of(created), applicationNo, processInstanceId,
                    taskKey, limit(name)));
        }
    }

    /** Fills an empty table from the engine's open tasks: once, when this version first starts on a database. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void backfill() {
        if (mapper.countAll() > 0 || tasks.createTaskQuery().count() == 0) {
            return;
        }
        int filled = 0;
        for (int first = 0;; first += BACKFILL_PAGE) {
            List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, BACKFILL_PAGE);
            if (page.isEmpty()) {
                break;
            }
            Set<String> instances = new LinkedHashSet<>();
            page.forEach(t -> instances.add(t.getProcessInstanceId()));
            Map<String, String> keys = new HashMap<>();
            runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
                    .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
            List<Runnable> inserts = new ArrayList<>();
            for (Task t : page) {
                Set<String> groups = new LinkedHashSet<>();
                tasks.getIdentityLinksForTask(t.getId()).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                        .forEach(l -> groups.add(l.getGroupId()));
                Object district = runtime.getVariable(t.getExecutionId(), ApplicationService.VAR_DISTRICT);
                inserts.add(() -> insert(t.getId(), groups, district == null ? null : district.toString(),
                        t.getAssignee(), t.getDueDate(), t.getCreateTime(), keys.get(t.getProcessInstanceId()),
                        t.getProcessInstanceId(), t.getTaskDefinitionKey(), t.getName()));
            }
            tx.executeWithoutResult(s -> inserts.forEach(Runnable::run));
            filled += page.size();
        }
        log.info("Filled the queues' work items from {} open tasks", filled);
    }

    static LocalDateTime dueSort(Date due) {
        return due == null ? NO_DUE_DATE : BusinessTime.of(due);
    }

    private static String limit(String name) {
        return name == null || name.length() <= 255 ? name : name.substring(0, 255);
    }
}
