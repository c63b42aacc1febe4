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
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.clock.StatutoryClock;
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
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * Counter staff's work: the queue of their groups and districts, most urgent first; claim, release, "next case",
 * complete with the task's form checked on the server, and return for corrections with one checklist.
 */
@Service
public class WorklistService {

    /** The value of the {@code decision} variable when a task is returned for corrections. */
    public static final String DECISION_CORRECTIONS = "corrections";
    /** ALL Art. 32(4): the one correction notice is due within this many working days of receipt ([V]). */
    static final int CORRECTION_NOTICE_WORKING_DAYS = 5;
    public static final String VAR_DECISION = "decision";
    /** BPMN extension property on a user task that may issue the one-time correction notice. */
    static final String PROPERTY_CORRECTIONS = "corrections";
    static final int MAX_CORRECTION_ITEMS = 30;
    /** "Next case" reads this many candidates at a time, for at most this many rounds. */
    private static final int NEXT_CASE_CANDIDATES = 8;
    private static final int NEXT_CASE_ROUNDS = 3;

    private final TaskService tasks;
    private final RepositoryService repository;
    private final ApplicationService applications;
    private final FormDefinitions forms;
    private final CaseLog log;
    private final TransactionTemplate tx;
    private final IdentityProperties identity;
    private final Countdowns countdowns;
    private final Map<String, Boolean> correctable = new ConcurrentHashMap<>();
    private final List<TaskCompletionCheck> completionChecks;
    private final WorkItemMapper workItems;
    private final org.springframework.context.MessageSource messages;
    private final StatutoryClock clock;
    private final List<CaseFacts> caseFacts;

    WorklistService(TaskService tasks, RepositoryService repository, ApplicationService applications,
            FormDefinitions forms, CaseLog log, TransactionTemplate tx, IdentityProperties identity,
            Countdowns countdowns, List<TaskCompletionCheck> completionChecks, WorkItemMapper workItems,
            StatutoryClock clock, org.springframework.context.MessageSource messages, List<CaseFacts> caseFacts) {
        this.messages = messages;
        this.caseFacts = List.copyOf(caseFacts);
        this.workItems = workItems;
        this.clock = clock;
        this.completionChecks = List.copyOf(completionChecks);
        this.countdowns = countdowns;
        this.tasks = tasks;
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
            LocalDateTime dueAt, Countdowns.Countdown countdown, CorrectionWindow correctionWindow) {
    }

    /**
     * The acceptance step's own limit (ALL Art. 32(4)): a correction notice is due within 5 working days of receipt,
     * by the platform's working-day calendar. {@code lastDay} is the last day a notice may go out,
     * {@code workingDaysLeft} the working days after today up to it (0 on the last day, negative once passed).
     */
    public record CorrectionWindow(java.time.LocalDate receivedOn, java.time.LocalDate lastDay, int workingDaysLeft) {
    }

    public record Queue(List<TaskView> items, int page, int size, long total) {
    }

    public record CorrectionItem(String material, String description) {
    }

    public Queue queue(PlatformUser user, Scope scope, int page, int size) {
        return queue(user, scope, null, null, page, size);
    }

    /**
     * The queue, or its tasks whose application number contains {@code number} and whose subject's name has the key
     * {@code subjectKey} ({@link cn.zs.civil.application.SubjectNameKeys}; either null: no such condition).
     */
    public Queue queue(PlatformUser user, Scope scope, String number, String subjectKey, int page, int size) {
        if (user.groups().isEmpty()) {
            return new Queue(List.of(), page, size, 0);
        }
        List<String> groups = List.copyOf(user.groups());
        List<String> districts = districtsFilter(user);
        if (districts != null && districts.isEmpty()) {
            return new Queue(List.of(), page, size, 0);
        }
        long total = workItems.count(scope.name(), groups, districts, user.id(), number, subjectKey);
        List<WorkItemMapper.WorkItem> found = total == 0 ? List.of()
                : workItems.page(scope.name(), groups, districts, user.id(), number, subjectKey, page * size, size,
                        page * size + size);
        return new Queue(itemViews(found), page, size, total);
    }

    /**
     * The open tasks of one case that the caller may work (a candidate group of theirs, or theirs already): what a
     * registrar opens next at the counter while the couple waits, found by the case's number, not by queue order.
     * A case the caller may not see is "not found", as everywhere.
     */
    public List<TaskView> caseTasks(PlatformUser user, String applicationNo) {
        ApplicationRow row = applications.readable(user, applicationNo);
        if (!applications.staffMaySee(user, row)) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        Map<String, List<WorkItemMapper.WorkItem>> byTask = new java.util.LinkedHashMap<>();
        workItems.ofCase(row.applicationNo())
                .forEach(i -> byTask.computeIfAbsent(i.taskId(), k -> new ArrayList<>()).add(i));
        List<WorkItemMapper.WorkItem> mine = byTask.values().stream()
                .filter(items -> inGroup(user, items.get(0).assignee(), items)).map(items -> items.get(0)).toList();
        return itemViews(mine);
    }

    /**
     * Claims the most urgent unassigned task of the caller's queues and districts. The candidates are read without
     * locks; each is then locked on its own (skipping one another transaction holds) and claimed in that
     * transaction, so concurrent callers, even two sessions of one account, never get the same task.
     */
    public TaskView next(PlatformUser user) {
        if (user.groups().isEmpty()) {
            return null;
        }
        List<String> groups = List.copyOf(user.groups());
        List<String> districts = districtsFilter(user);
        if (districts != null && districts.isEmpty()) {
            return null;
        }
        for (int round = 0; round < NEXT_CASE_ROUNDS; round++) {
            List<WorkItemMapper.WorkItem> candidates = workItems.candidates(groups, districts,
                    round * NEXT_CASE_CANDIDATES, NEXT_CASE_CANDIDATES);
            for (WorkItemMapper.WorkItem candidate : candidates) {
                if (claimIfFree(user, candidate)) {
                    return itemViews(List.of(new WorkItemMapper.WorkItem(candidate.taskId(), candidate.groupId(),
                            candidate.district(), user.id(), candidate.dueSort(), candidate.createdAt(),
                            candidate.applicationNo(), candidate.processInstanceId(), candidate.taskKey(),
                            candidate.taskName()))).get(0);
                }
            }
            if (candidates.size() < NEXT_CASE_CANDIDATES) {
                break;
            }
        }
        return null;
    }

    /** Whether this caller could lock and claim the candidate now (false when someone else has it). */
    private boolean claimIfFree(PlatformUser user, WorkItemMapper.WorkItem candidate) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                if (workItems.lockFree(candidate.taskId(), candidate.groupId()) == null) {
                    return false;
                }
                tasks.claim(candidate.taskId(), user.id());
                log.byUser(candidate.applicationNo(), CaseEventType.CLAIMED, user,
                        new TaskRef(candidate.taskId(), candidate.taskKey(), candidate.taskName()), null, null);
                return true;
            }));
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | SuspendedEntityInteractionException
                | NullValueException | NullPointerException lost) {
            // taken, completed or suspended meanwhile (Camunda's claim meets an ended case with an NPE): the next one
            return false;
        }
    }

    /** null: every district; empty: none. */
    private static List<String> districtsFilter(PlatformUser user) {
        return user.allDistricts() ? null : List.copyOf(user.districts());
    }

    /** A task with its case, as one entitled caller sees it. */
    public record CaseTask(Task task, ApplicationRow application) {

        String applicationNo() {
            return application.applicationNo();
        }
    }

    private static final java.util.regex.Pattern ENGINE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Whether a value can be an engine id at all. Checked before any query: the engine's tables on MySQL are
     * utf8mb3, and a 4-byte character (𠮷) in a query parameter is a database error there, not "no such row".
     */
    static boolean isEngineId(String id) {
        return id != null && ENGINE_ID.matcher(id).matches();
    }

    /**
     * The task if the caller may work it (a candidate group of theirs, or theirs already, in one of their
     * districts) with its case, read once; otherwise "not found", so task ids cannot be probed.
     */
    public CaseTask entitled(PlatformUser user, String taskId) {
        Task task = !isEngineId(taskId) || !user.isStaff() ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        List<WorkItemMapper.WorkItem> items = task == null ? List.of() : workItems.ofTask(taskId);
        if (task != null && items.isEmpty()) {
            // completed or deleted since it was read
            task = null;
        }
        String applicationNo = items.isEmpty() ? null : items.get(0).applicationNo();
        if (task != null && !inGroup(user, task.getAssignee(), items)) {
            log.denied(user, applicationNo, "task " + task.getTaskDefinitionKey() + " outside the caller's queues");
            throw ApiException.notFound("task.notFound");
        }
        ApplicationRow row = applicationNo == null ? null : applications.byNo(applicationNo);
        if (task == null || row == null) {
            throw ApiException.notFound("task.notFound");
        }
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
        completedMeanwhileIsNotFound(() -> tx.executeWithoutResult(s -> {
            tasks.claim(taskId, user.id());
            log.byUser(caseTask.applicationNo(), CaseEventType.CLAIMED, user, ref(task), null, null);
        }));
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
            completionChecks.forEach(c -> problems.addAll(c.check(user, task, caseTask.application(), checked.values(),
                    locale)));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Object decision = checked.values().get(VAR_DECISION);
        completedMeanwhileIsNotFound(() -> tx.executeWithoutResult(s -> {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            log.byUser(caseTask.applicationNo(), CaseEventType.TASK_COMPLETED, user, ref(task),
                    decision == null ? null : decision.toString(), checked.values());
            completionChecks.forEach(c -> c.completed(user, task, caseTask.applicationNo(), checked.values()));
            tasks.complete(taskId, checked.engineVariables());
        }));
    }

    /**
     * Camunda 7.24's claim fails with an NPE, not "not found", when the task's case ended (another clerk, a timer)
     * after the task was read; the crash suite met it as a 500. The transaction has rolled back: answer 404.
     */
    private static void completedMeanwhileIsNotFound(Runnable work) {
        try {
            work.run();
        } catch (NullPointerException completedMeanwhile) {
            throw ApiException.notFound("task.notFound");
        }
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
        // ALL Art. 32(4): the notice is due within 5 working days of receipt. The law's date, not the timer's: a
        // job executor running late (or a deemed acceptance not yet fired) must not let a late notice through.
        if (tasks.getVariable(taskId, ApplicationService.VAR_RECEIVED_AT) instanceof java.util.Date receivedAt) {
            java.time.LocalDate last = clock.addWorkingDays(StatutoryClock.dateOf(receivedAt.toInstant()),
                    CORRECTION_NOTICE_WORKING_DAYS); // as correctionWindow shows it
            if (BusinessTime.now().toLocalDate().isAfter(last)) {
                throw ApiException.conflict("corrections.noticeTooLate", last);
            }
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
        return correctionsAllowed(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    private boolean correctionsAllowed(String processDefinitionId, String taskKey) {
        if (processDefinitionId == null || taskKey == null) {
            return false;
        }
        return correctable.computeIfAbsent(processDefinitionId + ":" + taskKey, k -> {
            BaseElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
            if (element == null || element.getExtensionElements() == null) {
                return false;
            }
            return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .stream().flatMap(p -> p.getCamundaProperties().stream())
                    .anyMatch(p -> PROPERTY_CORRECTIONS.equals(p.getCamundaName())
                            && "allowed".equals(p.getCamundaValue()));
        });
    }

    /**
     * Variables the engine holds for the case (the results of automated checks and decisions, no personal data) and
     * the facts features keep in their own tables ({@link CaseFacts}).
     */
    public Map<String, Object> facts(Task task, ApplicationRow row) {
        Map<String, Object> out = new HashMap<>(tasks.getVariables(task.getId()));
        caseFacts.forEach(f -> out.putAll(f.of(row)));
        out.values().removeIf(Objects::isNull);
        return out;
    }

    private void requireFree(PlatformUser user, Task task) {
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw ApiException.conflict("task.claimedByOther", displayName(task.getAssignee()));
        }
    }

    /** A candidate group of the caller's (from the task's work items), or the caller's own task. */
    private static boolean inGroup(PlatformUser user, String assignee, List<WorkItemMapper.WorkItem> items) {
        Set<String> candidateGroups = new java.util.HashSet<>();
        items.stream().map(WorkItemMapper.WorkItem::groupId).filter(g -> !WorkItems.NO_GROUP.equals(g))
                .forEach(candidateGroups::add);
        return user.inAnyGroup(candidateGroups) || user.id().equals(assignee);
    }

    /** Queue rows as shown, with their cases and clocks read in one query each. */
    private List<TaskView> itemViews(List<WorkItemMapper.WorkItem> found) {
        List<String> numbers = found.stream().map(WorkItemMapper.WorkItem::applicationNo).filter(Objects::nonNull)
                .distinct().toList();
        Map<String, ApplicationRow> rows = numbers.isEmpty() ? Map.of() : applications.byNos(numbers);
        Map<String, Countdowns.Countdown> clocks = numbers.isEmpty() ? Map.of() : countdowns.of(numbers);
        List<TaskView> out = new ArrayList<>();
        for (WorkItemMapper.WorkItem item : found) {
            ApplicationRow row = item.applicationNo() == null ? null : rows.get(item.applicationNo());
            LocalDateTime due = WorkItems.NO_DUE_DATE.equals(item.dueSort()) ? null : item.dueSort();
            out.add(view(item.taskId(), item.taskName(), item.taskKey(), item.assignee(), item.createdAt(), due, row,
                    row == null ? null : clocks.get(row.applicationNo())));
        }
        return out;
    }

    private TaskView view(Task t, ApplicationRow row, Countdowns.Countdown clock) {
        return view(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(),
                BusinessTime.of(t.getCreateTime()), BusinessTime.of(t.getDueDate()), row, clock);
    }

    /** A task as a queue or the task page shows it, with its case (masked subject) and clock. */
    private TaskView view(String taskId, String name, String taskKey, String assignee, LocalDateTime createdAt,
            LocalDateTime dueAt, ApplicationRow row, Countdowns.Countdown clock) {
        return new TaskView(taskId, taskName(row == null ? null : row.serviceCode(), taskKey, name), taskKey,
                row == null ? null : row.applicationNo(),
                row == null ? null : row.serviceCode(), row == null ? null : row.district(),
                row == null ? null : Masking.name(row.subjectName()), assignee,
                assignee == null ? null : displayName(assignee), createdAt, dueAt, clock,
                correctionWindow(row, taskKey));
    }

    /** The 5-working-day window for a correction notice, on a step that may issue one (null elsewhere). */
    private CorrectionWindow correctionWindow(ApplicationRow row, String taskKey) {
        if (row == null || row.receivedAt() == null || row.acceptedAt() != null
                || !correctionsAllowed(row.processDefinitionId(), taskKey)) {
            return null;
        }
        java.time.LocalDate received = row.receivedAt().toLocalDate();
        java.time.LocalDate last = clock.addWorkingDays(received, CORRECTION_NOTICE_WORKING_DAYS);
        return new CorrectionWindow(received, last,
                clock.workingDaysBetween(BusinessTime.instant(), StatutoryClock.endOfDay(last)));
    }

    /**
     * A task's name in the reader's language: the model's own name (Chinese) unless the messages name the step of
     * this service ({@code taskName.<service>.<step>}) or the step wherever it is ({@code taskName.<step>}).
     */
    String taskName(String serviceCode, String taskKey, String modelName) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (taskKey == null) {
            return modelName;
        }
        String general = messages.getMessage("taskName." + taskKey, null, modelName, locale);
        return serviceCode == null ? general
                : messages.getMessage("taskName." + serviceCode + "." + taskKey, null, general, locale);
    }

    private static TaskRef ref(Task task) {
        return new TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName());
    }

    private String displayName(String userId) {
        return identity.displayName(userId);
    }
}
