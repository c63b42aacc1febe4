package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.CaseLog.TaskRef;
import cn.zs.civil.application.Countdowns;
import cn.zs.civil.application.Masking;
import cn.zs.civil.forms.FormDefinition;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.forms.ValidatedForm;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.web.ApiException;
import cn.zs.civil.web.FieldProblem;

/**
 * Counter staff's work: the queue of their groups and districts, most urgent first; claim, release, "next case",
 * complete with the task's form checked on the server, and return for corrections with one checklist.
 */
@Service
public class WorklistService {

    /** The value of the {@code decision} variable when a task is returned for corrections. */
    public static final String DECISION_CORRECTIONS = "corrections";
    public static final String VAR_DECISION = "decision";
    /** BPMN extension property on a user task that may issue the one-time correction notice. */
    static final String PROPERTY_CORRECTIONS = "corrections";
    static final int MAX_CORRECTION_ITEMS = 30;
    private static final int NEXT_CASE_ATTEMPTS = 5;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ApplicationService applications;
    private final FormDefinitions forms;
    private final CaseLog log;
    private final TransactionTemplate tx;
    private final IdentityProperties identity;
    private final Countdowns countdowns;
    private final Map<String, Boolean> correctable = new ConcurrentHashMap<>();
    private final List<TaskCompletionCheck> completionChecks;

    WorklistService(TaskService tasks, RuntimeService runtime, RepositoryService repository, ApplicationService applications,
            FormDefinitions forms, CaseLog log, TransactionTemplate tx, IdentityProperties identity,
            Countdowns countdowns, List<TaskCompletionCheck> completionChecks) {
        this.completionChecks = List.copyOf(completionChecks);
        this.countdowns = countdowns;
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.applications = applications;
        this.forms = forms;
        this.log = log;
        this.tx = tx;
        this.identity = identity;
    }

    public enum Scope { ALL, MINE, UNASSIGNED }

    public record TaskView(String taskId, String name, String taskKey, String applicationNo, String serviceCode,
            String district, String subject, String assignee, String assigneeName, LocalDateTime createdAt,
            LocalDateTime dueAt, Countdowns.Countdown countdown) {
    }

    public record Queue(List<TaskView> items, int page, int size, long total) {
    }

    public record CorrectionItem(String material, String description) {
    }

    public Queue queue(PlatformUser user, Scope scope, int page, int size) {
        if (user.groups().isEmpty()) {
            return new Queue(List.of(), page, size, 0);
        }
        TaskQuery query = queueQuery(user, scope);
        long total = query.count();
        List<Task> found = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
        return new Queue(views(found), page, size, total);
    }

    /** Claims the most urgent unassigned task of the caller's queue; a race lost to another clerk tries the next. */
    public TaskView next(PlatformUser user) {
        if (user.groups().isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < NEXT_CASE_ATTEMPTS; attempt++) {
            List<Task> candidates = queueQuery(user, Scope.UNASSIGNED).orderByDueDate().asc().orderByTaskCreateTime()
                    .asc().listPage(attempt, 1);
            if (candidates.isEmpty()) {
                return null;
            }
            Task task = candidates.get(0);
            try {
                claim(user, task.getId());
                return views(List.of(tasks.createTaskQuery().taskId(task.getId()).singleResult())).get(0);
            } catch (TaskAlreadyClaimedException | OptimisticLockingException | ApiException lost) {
                // another clerk took it between the query and the claim: try the next one
            }
        }
        return null;
    }

    /** A task with its case, as one entitled caller sees it. */
    public record CaseTask(Task task, ApplicationRow application) {

        String applicationNo() {
            return application.applicationNo();
        }
    }

    /**
     * The task if the caller may work it (a candidate group of theirs, or theirs already, in one of their
     * districts) with its case, read once; otherwise "not found", so task ids cannot be probed.
     */
    public CaseTask entitled(PlatformUser user, String taskId) {
        Task task = taskId == null || !user.isStaff() ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && !inGroup(user, task)) {
            log.denied(user, businessKey(task), "task " + task.getTaskDefinitionKey() + " outside the caller's queues");
        }
        if (task == null || !inGroup(user, task)) {
            throw ApiException.notFound("task.notFound");
        }
        ApplicationRow row = applications.byNo(businessKey(task));
        if (!user.seesDistrict(row.district())) {
            log.denied(user, row.applicationNo(), "task " + task.getTaskDefinitionKey() + " outside the caller's districts");
            throw ApiException.notFound("task.notFound");
        }
        return new CaseTask(task, row);
    }

    public TaskView view(CaseTask caseTask) {
        return view(caseTask.task(), caseTask.application(), countdowns.of(caseTask.applicationNo()));
    }

    public void claim(PlatformUser user, String taskId) {
        CaseTask caseTask = entitled(user, taskId);
        Task task = caseTask.task();
        if (user.id().equals(task.getAssignee())) {
            return;
        }
        requireFree(user, task);
        tx.executeWithoutResult(s -> {
            tasks.claim(taskId, user.id());
            log.byUser(caseTask.applicationNo(), CaseEventType.CLAIMED, user, ref(task), null, null);
        });
    }

    public void unclaim(PlatformUser user, String taskId) {
        CaseTask caseTask = entitled(user, taskId);
        Task task = caseTask.task();
        if (task.getAssignee() == null) {
            return;
        }
        if (!user.id().equals(task.getAssignee()) && !user.hasRole("chief")) {
            throw ApiException.conflict("task.claimedByOther", displayName(task.getAssignee()));
        }
        tx.executeWithoutResult(s -> {
            tasks.setAssignee(taskId, null);
            log.byUser(caseTask.applicationNo(), CaseEventType.UNCLAIMED, user, ref(task), null, null);
        });
    }

    /** Completes the task with its form's values, checked against the deployed form first. */
    public void complete(PlatformUser user, String taskId, Map<String, Object> data, Locale locale) {
        CaseTask caseTask = entitled(user, taskId);
        Task task = caseTask.task();
        requireFree(user, task);
        FormDefinition form = forms.taskForm(task);
        ValidatedForm checked = forms.validate(form, data, locale);
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        if (problems.isEmpty()) {
            completionChecks.forEach(c -> problems.addAll(c.check(user, task, checked.values(), locale)));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Object decision = checked.values().get(VAR_DECISION);
        tx.executeWithoutResult(s -> {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            log.byUser(caseTask.applicationNo(), CaseEventType.TASK_COMPLETED, user, ref(task),
                    decision == null ? null : decision.toString(), checked.values());
            tasks.complete(taskId, checked.engineVariables());
        });
    }

    /**
     * Returns the case to the applicant with one notice listing every missing item (ALL Art. 32(4)). Only tasks
     * whose model allows it may do so, and only once per case.
     */
    public void returnForCorrections(PlatformUser user, String taskId, List<CorrectionItem> items, String note) {
        CaseTask caseTask = entitled(user, taskId);
        Task task = caseTask.task();
        requireFree(user, task);
        if (!correctionsAllowed(task)) {
            throw ApiException.conflict("corrections.notAtThisStep");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.add(new FieldProblem("items", "items", "corrections.itemsRequired", "items"));
        } else if (items.size() > MAX_CORRECTION_ITEMS) {
            problems.add(new FieldProblem("items", "items", "form.tooManyItems", "items"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                CorrectionItem item = items.get(i);
                if (item == null || item.description() == null || item.description().isBlank()
                        || item.description().length() > 200
                        || (item.material() != null && item.material().length() > 64)) {
                    problems.add(new FieldProblem("items[" + i + "].description", "description",
                            "corrections.itemInvalid", "items[" + i + "]"));
                }
            }
        }
        if (note != null && note.length() > 1000) {
            problems.add(new FieldProblem("note", "note", "form.tooLong", "note"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String applicationNo = caseTask.applicationNo();
        tx.executeWithoutResult(s -> {
            applications.recordCorrectionNotice(applicationNo, items, note, user);
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            log.byUser(applicationNo, CaseEventType.CORRECTIONS_REQUESTED, user, ref(task), DECISION_CORRECTIONS,
                    Map.of("items", items));
            tasks.complete(taskId, Map.of(VAR_DECISION, DECISION_CORRECTIONS));
        });
    }

    public boolean correctionsAllowed(Task task) {
        return correctable.computeIfAbsent(task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey(), k -> {
            BaseElement element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey());
            if (element == null || element.getExtensionElements() == null) {
                return false;
            }
            return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .stream().flatMap(p -> p.getCamundaProperties().stream())
                    .anyMatch(p -> PROPERTY_CORRECTIONS.equals(p.getCamundaName())
                            && "allowed".equals(p.getCamundaValue()));
        });
    }

    /** Variables the engine holds for the case: the results of automated checks and decisions (no personal data). */
    public Map<String, Object> facts(Task task) {
        Map<String, Object> out = new HashMap<>(tasks.getVariables(task.getId()));
        out.values().removeIf(Objects::isNull);
        return out;
    }

    private void requireFree(PlatformUser user, Task task) {
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw ApiException.conflict("task.claimedByOther", displayName(task.getAssignee()));
        }
    }

    private TaskQuery queueQuery(PlatformUser user, Scope scope) {
        TaskQuery query = tasks.createTaskQuery().active();
        switch (scope) {
            case MINE -> query.taskAssignee(user.id());
            case UNASSIGNED -> query.taskCandidateGroupIn(List.copyOf(user.groups()));
            default -> query.taskCandidateGroupIn(List.copyOf(user.groups())).includeAssignedTasks();
        }
        if (!user.allDistricts()) {
            if (user.districts().isEmpty()) {
                query.processVariableValueEquals(ApplicationService.VAR_DISTRICT, "-none-");
            } else {
                TaskQuery or = query.or();
                user.districts().forEach(d -> or.processVariableValueEquals(ApplicationService.VAR_DISTRICT, d));
                or.endOr();
            }
        }
        return query;
    }

    private boolean inGroup(PlatformUser user, Task task) {
        Set<String> candidateGroups = new java.util.HashSet<>();
        List<org.camunda.bpm.engine.task.IdentityLink> links;
        try {
            links = tasks.getIdentityLinksForTask(task.getId());
        } catch (NullPointerException | org.camunda.bpm.engine.exception.NullValueException completedMeanwhile) {
            // Camunda 7.24 fails with an NPE, not "not found", when the task was completed (by another clerk, a
            // timer) since it was read; the crash suite's control run met it as a 500.
            throw ApiException.notFound("task.notFound");
        }
        links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .forEach(l -> candidateGroups.add(l.getGroupId()));
        return user.inAnyGroup(candidateGroups) || user.id().equals(task.getAssignee());
    }

    private List<TaskView> views(List<Task> found) {
        Map<String, String> keys = businessKeys(found);
        List<String> numbers = List.copyOf(new java.util.HashSet<>(keys.values()));
        Map<String, ApplicationRow> rows = applications.byNos(numbers);
        Map<String, Countdowns.Countdown> clocks = countdowns.of(numbers);
        List<TaskView> out = new ArrayList<>();
        for (Task t : found) {
            ApplicationRow row = rows.get(keys.get(t.getProcessInstanceId()));
            out.add(view(t, row, row == null ? null : clocks.get(row.applicationNo())));
        }
        return out;
    }

    private TaskView view(Task t, ApplicationRow row, Countdowns.Countdown clock) {
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), row == null ? null : row.applicationNo(),
                row == null ? null : row.serviceCode(), row == null ? null : row.district(),
                row == null ? null : Masking.name(row.subjectName()), t.getAssignee(),
                t.getAssignee() == null ? null : displayName(t.getAssignee()), BusinessTime.of(t.getCreateTime()),
                BusinessTime.of(t.getDueDate()), clock);
    }

    /** Business keys (application numbers) of the tasks' process instances, in one query. */
    private Map<String, String> businessKeys(List<Task> found) {
        Map<String, String> keys = new HashMap<>();
        if (found.isEmpty()) {
            return keys;
        }
        Set<String> ids = new java.util.HashSet<>();
        found.forEach(t -> ids.add(t.getProcessInstanceId()));
        runtime.createProcessInstanceQuery().processInstanceIds(ids).list()
                .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
        return keys;
    }

    private String businessKey(Task task) {
        return businessKeys(List.of(task)).get(task.getProcessInstanceId());
    }

    private static TaskRef ref(Task task) {
        return new TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName());
    }

    private String displayName(String userId) {
        return identity.displayName(userId);
    }
}
