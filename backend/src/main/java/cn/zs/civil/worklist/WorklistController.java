package cn.zs.civil.worklist;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.Attachments;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.CaseViews;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Work queue", description = "Counter staff: queue, claim, complete, return for corrections")
class WorklistController {

    private final WorklistService worklist;
    private final ApplicationService applications;
    private final Attachments attachments;
    private final FormDefinitions forms;
    private final CaseViews views;
    private final CaseLog log;
    private final CurrentUser currentUser;
    private final TaskComments comments;
    private final org.springframework.context.MessageSource messages;
    private final cn.zs.civil.application.SubjectNameKeys subjectKeys;
    private final ModelFactLabels modelLabels;
    private final List<FactWording> wordings;

    WorklistController(WorklistService worklist, ApplicationService applications, Attachments attachments,
            FormDefinitions forms, CaseViews views, CaseLog log, CurrentUser currentUser, TaskComments comments,
            org.springframework.context.MessageSource messages, cn.zs.civil.application.SubjectNameKeys subjectKeys,
            ModelFactLabels modelLabels, List<FactWording> wordings) {
        this.worklist = worklist;
        this.modelLabels = modelLabels;
        this.wordings = List.copyOf(wordings);
        this.subjectKeys = subjectKeys;
        this.messages = messages;
        this.comments = comments;
        this.applications = applications;
        this.attachments = attachments;
        this.forms = forms;
        this.views = views;
        this.log = log;
        this.currentUser = currentUser;
    }

    record TaskDetail(WorklistService.TaskView task, CaseViews.Summary application, Map<String, Object> data,
            Map<String, Object> checks, List<Map<String, Object>> attachments, JsonNode form,
            boolean correctionsAllowed, List<CaseViews.TimelineEntry> timeline, List<TaskComments.Comment> comments,
            Map<String, String> factLabels, Map<String, String> factOptions, Map<String, String> factTexts,
            @Schema(description = "Fields of this step's form that another step's form asked too: the form starts with "
                    + "them empty, not with the earlier person's answer") Set<String> askedAgain) {
    }

    record CommentRequest(String text) {
    }

    static final int MAX_PAGE = 100_000;

    record CompleteRequest(Map<String, Object> data) {
    }

    record CorrectionsRequest(List<WorklistService.CorrectionItem> items, String note) {
    }

    /** A searched application number: a part of one (letters, digits and hyphens), at most this long. */
    static final int MAX_NUMBER = 32;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,32}");

    /** A searched name: the whole name of a case's subject (any script, no control characters), at most this long. */
    static final int MAX_NAME = 100;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[^\\p{Cc}\\p{Cf}]{1,100}");

    @Operation(summary = "My queue: tasks of my groups and districts, most urgent first (scope ALL, MINE, UNASSIGNED); "
            + "with number, only the tasks whose application number contains it; with name, only the tasks of cases "
            + "whose subject (the couple's first party, the deceased, the organisation) has that whole name")
    @GetMapping("/api/tasks")
    @PreAuthorize(Roles.STAFF)
    WorklistService.Queue queue(@RequestParam(defaultValue = "ALL") WorklistService.Scope scope,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String number, @RequestParam(required = false) String name,
            Locale locale) {
        String searched = number == null || number.isBlank() ? null : number.strip();
        String searchedName = name == null || name.isBlank() ? null : name.strip();
        List<cn.zs.civil.problem.FieldProblem> problems = new java.util.ArrayList<>();
        if (searched != null && !NUMBER.matcher(searched).matches()) {
            problems.add(problem("number", "queue.number", "queue.numberInvalid", MAX_NUMBER, locale));
        }
        if (searchedName != null && !NAME.matcher(searchedName).matches()) {
            problems.add(problem("name", "queue.name", "queue.nameInvalid", MAX_NAME, locale));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        // Bounded so that page × size cannot overflow into a negative offset.
        return worklist.queue(currentUser.get(), scope, searched == null ? null : searched.toUpperCase(Locale.ROOT),
                subjectKeys.of(searchedName), Math.min(Math.max(page, 0), MAX_PAGE), Math.min(Math.max(size, 1), 100));
    }

    private cn.zs.civil.problem.FieldProblem problem(String field, String labelKey, String messageKey, int max,
            Locale locale) {
        String label = messages.getMessage(labelKey, null, locale);
        return new cn.zs.civil.problem.FieldProblem(field, label, messageKey,
                messages.getMessage(messageKey, new Object[] {label, max}, locale));
    }

    @Operation(summary = "Claim the most urgent unassigned task of my queue (204 when the queue is empty)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The task now claimed")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "The queue is empty")
    @PostMapping("/api/tasks/next")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<WorklistService.TaskView> next() {
        WorklistService.TaskView task = worklist.next(currentUser.get());
        return task == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(task);
    }

    @Operation(summary = "The open tasks of one case that I may work (the counter: the case the couple in front of me is in)")
    @GetMapping("/api/cases/{applicationNo}/tasks")
    @PreAuthorize(Roles.STAFF)
    List<WorklistService.TaskView> caseTasks(@PathVariable String applicationNo) {
        return worklist.caseTasks(currentUser.get(), applicationNo);
    }

    @Operation(summary = "A task with its case, the results of the automated checks, materials, form and history")
    @GetMapping("/api/tasks/{taskId}")
    @PreAuthorize(Roles.STAFF)
    TaskDetail detail(@PathVariable String taskId, Locale locale) {
        PlatformUser user = currentUser.get();
        WorklistService.CaseTask caseTask = worklist.entitled(user, taskId);
        Task task = caseTask.task();
        ApplicationRow row = caseTask.application();
        applications.recordRead(user, row);
        WorklistService.TaskView view = worklist.view(caseTask);
        List<Map<String, Object>> files = attachments.ofCase(row.applicationNo()).stream()
                .map(a -> Map.<String, Object>of("id", a.id(), "fileName", a.fileName(), "mediaType", a.mediaType(),
                        "size", a.sizeBytes(), "sha256", a.sha256(), "field", a.fieldKey() == null ? "" : a.fieldKey()))
                .toList();
        Map<String, Object> facts = worklist.facts(task, row);
        Map<String, String> factTexts = new java.util.LinkedHashMap<>();
        wordings.forEach(w -> factTexts.putAll(w.word(row, facts, locale)));
        return new TaskDetail(view, views.summary(row, locale, false), applications.formData(row),
                facts, files, forms.localized(forms.taskForm(task), locale),
                worklist.correctionsAllowed(task), views.timeline(log.events(row.applicationNo()), locale, true),
                comments.ofCase(row.applicationNo()), modelLabels.of(task.getProcessDefinitionId(), locale),
                modelLabels.options(task.getProcessDefinitionId(), locale), factTexts, forms.answeredInOtherSteps(task));
    }

    @Operation(summary = "Claim a task (409 if another clerk holds it)")
    @PostMapping("/api/tasks/{taskId}/claim")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> claim(@PathVariable String taskId) {
        worklist.claim(currentUser.get(), taskId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Release a claimed task back to the queue")
    @PostMapping("/api/tasks/{taskId}/unclaim")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> unclaim(@PathVariable String taskId) {
        worklist.unclaim(currentUser.get(), taskId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Complete a task with its form (checked against the deployed form)")
    @PostMapping("/api/tasks/{taskId}/complete")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody CompleteRequest request, Locale locale) {
        if (request == null) {
            throw ApiException.invalid(List.of());
        }
        worklist.complete(currentUser.get(), taskId, request.data(), locale);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Return the case for corrections: one notice listing every missing item (once per case)")
    @PostMapping("/api/tasks/{taskId}/corrections")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> corrections(@PathVariable String taskId, @RequestBody CorrectionsRequest request) {
        worklist.returnForCorrections(currentUser.get(), taskId, request == null ? null : request.items(),
                request == null ? null : request.note());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Comment on the case at this task (internal; staff entitled to the task only; never edited)")
    @PostMapping("/api/tasks/{taskId}/comments")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<TaskComments.Comment> comment(@PathVariable String taskId, @RequestBody CommentRequest request,
            Locale locale) {
        TaskComments.Comment added = comments.add(currentUser.get(), taskId, request == null ? null : request.text(),
                locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }
}
