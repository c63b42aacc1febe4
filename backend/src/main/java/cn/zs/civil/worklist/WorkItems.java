package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;

/**
 * Keeps {@code work_item}, the one read model of the open human tasks (the queues, "next case", the entitlement
 * check, and through {@link OpenTasks} the backlog and the holders of a case's tasks), in step with the engine. The
 * engine's task events reach this bean through Camunda's Spring eventing bridge ({@code camunda.bpm.eventing.task},
 * not skippable, so a "skip custom listeners" deletion, a cancellation or a migration that drops the task still
 * removes its rows) inside the engine command, so a row is written, changed and deleted in the same transaction as
 * its task: this is the only writer of the table. On start, the engine's open tasks without rows get theirs (a
 * database upgraded from before the table, or rows lost to a restore).
 *
 * <p>One row per task and candidate group (one row with group '' for a task offered to none), each with the case's
 * number, service and district; {@code first_queue} marks the one row that counts the task once per step.
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
            case TaskListener.EVENTNAME_UPDATE -> updated(task);
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> mapper.delete(task.getId());
            default -> {
                // timeout: nothing the queue shows changes
            }
        }
    }

    private void created(DelegateTask task) {
        Object district = null;
        Object service = null;
        String businessKey = null;
        if (task.getExecution() != null) {
            district = task.getExecution().getVariable(ApplicationService.VAR_DISTRICT);
            service = task.getExecution().getVariable(ApplicationService.VAR_SERVICE_CODE);
            businessKey = task.getExecution().getProcessBusinessKey();
        }
        insert(task.getId(), candidateGroups(task.getCandidates()), text(district), text(service),
                task.getAssignee(), task.getDueDate(), task.getCreateTime(), businessKey, task.getProcessInstanceId(),
                task.getTaskDefinitionKey(), task.getName());
    }

    /**
     * After a claim, a changed due date or name, or a candidate group added or removed (the engine's identity-link
     * commands end with this event): the rows follow. The queues change rarely and are then rewritten whole; a due
     * date or name is written only when it changed (a claim, the common case, writes nothing here: the assignment
     * event set the assignee).
     */
    private void updated(DelegateTask task) {
        List<WorkItemMapper.WorkItem> rows = mapper.ofTask(task.getId());
        Set<String> groups = candidateGroups(task.getCandidates());
        Set<String> have = new HashSet<>();
        rows.forEach(r -> have.add(r.groupId()));
        if (!have.equals(groups.isEmpty() ? Set.of(NO_GROUP) : groups)) {
            mapper.delete(task.getId());
            created(task);
            return;
        }
        LocalDateTime due = dueSort(task.getDueDate()).withNano(0);
        String name = limit(task.getName());
        if (rows.stream().anyMatch(r -> r.dueSort() == null || !due.equals(r.dueSort().withNano(0))
                || !Objects.equals(name, r.taskName()))) {
            mapper.update(task.getId(), dueSort(task.getDueDate()), name);
        }
    }

    private static Set<String> candidateGroups(Collection<IdentityLink> links) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null && !removed(link)) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /**
     * Whether the current engine command deleted the link: the task's candidates still list a link removed in the
     * command that fires the update (the deletion is flushed at its end), so the command's entity cache decides.
     */
    private static boolean removed(IdentityLink link) {
        CommandContext command = Context.getCommandContext();
        return command != null && link instanceof DbEntity entity
                && command.getDbEntityManager().getDbEntityCache().isDeleted(entity);
    }

    private void insert(String taskId, Set<String> groups, String district, String service, String assignee,
            Date due, Date created, String applicationNo, String processInstanceId, String taskKey, String name) {
        int first = 1;
        for (String group : groups.isEmpty() ? Set.of(NO_GROUP) : groups) {
            mapper.insert(new WorkItemMapper.NewRow(new WorkItemMapper.WorkItem(taskId, group, district, assignee,
                    dueSort(due), created == null ? BusinessTime.now() : BusinessTime.of(created), applicationNo,
                    processInstanceId, taskKey, limit(name)), service, first));
            first = 0;
        }
    }

    /**
     * Writes the rows of the engine's open tasks that have none: at every start, one anti-join that finds nothing
     * on a table kept by the hook; on a database upgraded from before the table, every open task, in pages of
     * {@value #BACKFILL_PAGE}, one transaction per task. A task the hook wrote meanwhile (a duplicate row) keeps the
     * hook's rows.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void backfill() {
        int filled = 0;
        Set<String> seen = new HashSet<>();
        while (true) {
            List<String> ids = mapper.missingTaskIds(BACKFILL_PAGE);
            ids.removeAll(seen);
            if (ids.isEmpty()) {
                break;
            }
            seen.addAll(ids);
            List<Task> page = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list();
            Set<String> instances = new LinkedHashSet<>();
            page.forEach(t -> instances.add(t.getProcessInstanceId()));
            instances.remove(null);
            Map<String, String> keys = new HashMap<>();
            if (!instances.isEmpty()) {
                runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
                        .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
            }
            for (Task t : page) {
                Set<String> groups = candidateGroups(tasks.getIdentityLinksForTask(t.getId()));
                Map<String, Object> vars = t.getExecutionId() == null ? Map.of()
                        : runtime.getVariables(t.getExecutionId(),
                                List.of(ApplicationService.VAR_DISTRICT, ApplicationService.VAR_SERVICE_CODE));
                String district = text(vars.get(ApplicationService.VAR_DISTRICT));
                String service = text(vars.get(ApplicationService.VAR_SERVICE_CODE));
                try {
                    tx.executeWithoutResult(s -> insert(t.getId(), groups, district, service, t.getAssignee(),
                            t.getDueDate(), t.getCreateTime(), keys.get(t.getProcessInstanceId()),
                            t.getProcessInstanceId(), t.getTaskDefinitionKey(), t.getName()));
                    filled++;
                } catch (DuplicateKeyException e) {
                    // the hook wrote this task's rows meanwhile: they are the current ones
                }
            }
        }
        if (filled > 0) {
            log.info("Filled the work items of {} open tasks", filled);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static LocalDateTime dueSort(Date due) {
        return due == null ? NO_DUE_DATE : BusinessTime.of(due);
    }

    private static String limit(String name) {
        return name == null || name.length() <= 255 ? name : name.substring(0, 255);
    }
}
