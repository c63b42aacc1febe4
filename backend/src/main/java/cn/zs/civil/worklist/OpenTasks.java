package cn.zs.civil.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The query port of the open human tasks, for the modules that count or list them (the reports' backlog and the
 * holders of overdue cases, the operations metrics). The worklist owns the one read model ({@code work_item}, kept by
 * {@link WorkItems} in each task's own transaction); nobody else reads or writes its table. Every method is one
 * query of that table, without a join to the engine's tables, and counts only tasks of a case.
 */
public interface OpenTasks {

    /**
     * Open tasks of one step, district, assignment and day created: a task offered to several queues counts once.
     *
     * @param assigned whether the tasks have an assignee
     */
    record StepDay(String serviceCode, String district, String taskKey, String taskName, boolean assigned,
            LocalDate createdDay, long n) {
    }

    /**
     * Open tasks of one queue, district, assignment and day created: a task offered to two queues is in both.
     *
     * @param queue the candidate group, null for tasks offered to none (assigned directly)
     */
    record QueueDay(String queue, String district, boolean assigned, LocalDate createdDay, long n) {
    }

    /** Who holds an open task of a case: its assignee, else its queue (one per queue; null when none). */
    record Holder(String applicationNo, String taskKey, String taskName, String assignee, String queue) {
    }

    /** Per queue ('' for tasks offered to none): open tasks, and of them the ones past their due date. */
    record QueueLoad(String queue, long open, long overdue) {
    }

    /** Per step; {@code service} null for every service, {@code districts} null for every district. */
    List<StepDay> perStep(String service, Collection<String> districts);

    /** Per queue; {@code service} null for every service, {@code districts} null for every district. */
    List<QueueDay> perQueue(String service, Collection<String> districts);

    /** The open tasks of these cases, one row per task and queue, by case, step and queue. */
    List<Holder> holdersOf(Collection<String> applicationNos);

    /** Per queue at {@code now} (business time), every task whether of a case or not. */
    List<QueueLoad> loadPerQueue(LocalDateTime now);
}
