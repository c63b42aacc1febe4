package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.SealedText;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * Comments of counter staff on a case (办理意见), written at one of its tasks: for the staff entitled to that task
 * only, kept in their own table and never changed, and logged in the case's (internal) history.
 */
@Service
public class TaskComments {

    static final int MAX_LENGTH = 1000;

    private final WorklistService worklist;
    private final CommentMapper mapper;
    private final CaseLog log;
    private final TransactionTemplate tx;
    private final IdentityProperties identity;
    private final MessageSource messages;
    private final SealedText sealed;

    TaskComments(WorklistService worklist, CommentMapper mapper, CaseLog log, TransactionTemplate tx,
            IdentityProperties identity, MessageSource messages, SealedText sealed) {
        this.sealed = sealed;
        this.worklist = worklist;
        this.mapper = mapper;
        this.log = log;
        this.tx = tx;
        this.identity = identity;
        this.messages = messages;
    }

    public record Comment(long id, String taskName, String author, String authorName, String text,
            LocalDateTime at) {
    }

    /** Adds a comment at a task the caller may work (held by another clerk or not: a comment changes no state). */
    public Comment add(PlatformUser user, String taskId, String text, Locale locale) {
        WorklistService.CaseTask caseTask = worklist.entitled(user, taskId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH || body.chars().anyMatch(TaskComments::control)) {
            String label = messages.getMessage("comment.label", null, locale);
            String message = body.isEmpty() ? messages.getMessage("form.required", new Object[] {label}, locale)
                    : body.length() > MAX_LENGTH
                            ? messages.getMessage("form.tooLong", new Object[] {label, String.valueOf(MAX_LENGTH)}, locale)
                            : messages.getMessage("form.controlCharacters", new Object[] {label}, locale);
            throw ApiException.invalid(List.of(new FieldProblem("text", label, "comment.invalid", message)));
        }
        Task task = caseTask.task();
        String role = user.roles().stream().findFirst().orElse(null);
        CommentMapper.CommentRow row = new CommentMapper.CommentRow(caseTask.applicationNo(), task.getId(),
                task.getTaskDefinitionKey(), task.getName(), user.id(), role,
                sealed.seal(SealedText.Column.CASE_COMMENT_BODY, caseTask.applicationNo(), body), BusinessTime.now());
        tx.executeWithoutResult(s -> {
            mapper.insert(row);
            log.byUser(caseTask.applicationNo(), CaseEventType.COMMENTED, user,
                    new CaseLog.TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName()), null,
                    Map.of("commentId", row.id));
        });
        return view(row, body);
    }

    /** Every comment on the case, oldest first, opened (sealed at rest: staff's free text). */
    public List<Comment> ofCase(String applicationNo) {
        return mapper.ofCase(applicationNo).stream()
                .map(row -> view(row, sealed.open(SealedText.Column.CASE_COMMENT_BODY, applicationNo, row.body)))
                .toList();
    }

    private Comment view(CommentMapper.CommentRow row, String text) {
        return new Comment(row.id, row.taskName, row.authorId, identity.displayName(row.authorId), text,
                row.createdAt);
    }

    /** Line breaks and tabs are text; other control characters are not. */
    private static boolean control(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }
}
