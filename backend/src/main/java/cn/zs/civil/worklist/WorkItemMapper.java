package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The {@code work_item} table, the one read model of the open human tasks (see {@link WorkItems}): the queues, "next
 * case", the entitlement check, and through {@link OpenTasks} the backlog and the holders of a case's tasks.
 */
@Mapper
interface WorkItemMapper {

    /** One row of a task; {@code groupId} is "" for a task without candidate group (assigned directly). */
    record WorkItem(String taskId, String groupId, String district, String assignee, LocalDateTime dueSort,
            LocalDateTime createdAt, String applicationNo, String processInstanceId, String taskKey,
            String taskName) {
    }

    /**
     * A row as written: the queue's columns with the case's service, and {@code firstQueue} 1 on exactly one row of a
     * task (the task counted once per step), 0 on its other queues' rows.
     */
    record NewRow(WorkItem item, String serviceCode, int firstQueue) {
    }

    int insert(NewRow row);

    int assign(@Param("taskId") String taskId, @Param("assignee") String assignee);

    int update(@Param("taskId") String taskId, @Param("dueSort") LocalDateTime dueSort,
            @Param("taskName") String taskName);

    int delete(String taskId);

    List<WorkItem> ofTask(String taskId);

    /** The rows of one case's open tasks (one per candidate group), oldest first. */
    List<WorkItem> ofCase(String applicationNo);

    /** Up to {@code limit} of the engine's open tasks (its runtime task table) that have no row, in id order. */
    List<String> missingTaskIds(@Param("limit") int limit);

    // ---- the query port's reads (OpenTasks) --------------------------------------------------------------------

    List<OpenTasks.StepDay> stepDays(@Param("service") String service,
            @Param("districts") Collection<String> districts);

    List<OpenTasks.QueueDay> queueDays(@Param("service") String service,
            @Param("districts") Collection<String> districts);

    List<OpenTasks.Holder> holders(@Param("applicationNos") Collection<String> applicationNos);

    List<OpenTasks.QueueLoad> queueLoads(@Param("now") LocalDateTime now);

    /**
     * The rows of a queue page: {@code scope} ALL (the groups' tasks, assigned or not), UNASSIGNED, or MINE (the
     * caller's whatever the group); {@code districts} null for every district; {@code number} null, or a part of
     * the application number the rows must contain; {@code subjectKey} null, or the keyed hash of the name of the
     * rows' cases' subject. One row per task.
     */
    List<WorkItem> page(@Param("scope") String scope, @Param("groups") Collection<String> groups,
            @Param("districts") Collection<String> districts, @Param("userId") String userId,
            @Param("number") String number, @Param("subjectKey") String subjectKey, @Param("offset") int offset, @Param("limit") int limit,
            @Param("window") int window);

    long count(@Param("scope") String scope, @Param("groups") Collection<String> groups,
            @Param("districts") Collection<String> districts, @Param("userId") String userId,
            @Param("number") String number, @Param("subjectKey") String subjectKey);

    /** The most urgent unassigned rows of the groups (and districts), without locking: "next case" candidates. */
    List<WorkItem> candidates(@Param("groups") Collection<String> groups,
            @Param("districts") Collection<String> districts, @Param("offset") int offset,
            @Param("limit") int limit);

    /**
     * The candidate's row if it is still unassigned, row-locked until the caller's transaction ends; null when it
     * was taken meanwhile or another transaction holds it (skipped, not waited for), so concurrent "next case"
     * calls, even two sessions of one account, get different tasks.
     */
    String lockFree(@Param("taskId") String taskId, @Param("groupId") String groupId);
}
