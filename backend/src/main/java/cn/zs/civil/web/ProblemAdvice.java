package cn.zs.civil.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * Every error leaves as {@code application/problem+json} in the reader's language, with field-by-field findings
 * where there are any, and never with a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final MessageSource messages;
    private final long retryAfterSeconds;
    private final AuditLog audit;

    ProblemAdvice(MessageSource messages, AuditLog audit,
            @Value("${platform.database.retry-after-seconds:10}") long retryAfterSeconds) {
        this.messages = messages;
        this.audit = audit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, jakarta.servlet.http.HttpServletRequest request) {
        if (e.status() == HttpStatus.FORBIDDEN) {
            // A feature's own refusal (a service not offered to this role, a report outside one's district).
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            audit.bestEffort(new AuditLog.Entry(who == null ? "(unknown)" : who.getName(), null, "ACCESS_DENIED",
                    request.getMethod() + " " + request.getRequestURI(), "403", null, Map.of("reason", e.messageKey())));
        }
        ResponseEntity<ProblemDetail> response = problem(e.status(), text(e.messageKey(), e.args()), e.fieldProblems(),
                e.messageKey());
        if (e.retryAfterSeconds() > 0) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler({TaskAlreadyClaimedException.class})
    ResponseEntity<ProblemDetail> claimed(TaskAlreadyClaimedException e) {
        return problem(HttpStatus.CONFLICT, text("task.claimedByOther"), List.of(), "task.claimedByOther");
    }

    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception e) {
        return problem(HttpStatus.CONFLICT, text("problem.concurrentChange"), List.of(), "problem.concurrentChange");
    }

    @ExceptionHandler({NotFoundException.class, NullValueException.class})
    ResponseEntity<ProblemDetail> engineNotFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, text("problem.notFound"), List.of(), "problem.notFound");
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ProblemDetail> engineBadRequest(BadUserRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, text("problem.badRequest"), List.of(), "problem.badRequest");
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> body = problem(HttpStatus.SERVICE_UNAVAILABLE, text("problem.unavailable"),
                List.of(), "problem.unavailable");
        return ResponseEntity.status(body.getStatusCode()).headers(body.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(body.getBody());
    }

    /** A multipart body that cannot be parsed (a file name with a line break, a broken boundary): the caller's fault. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, text("upload.unreadable"), List.of(), "upload.unreadable");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        // The security filter chain turns these into 401/403 problem responses.
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // The engine wraps database failures in its own exceptions: a lost connection or a lost race is no bug.
        if (DatabaseFailures.unavailable(e)) {
            return unavailable(e);
        }
        if (DatabaseFailures.conflicting(e)) {
            log.info("Transaction lost a race and was rolled back: {}", e.toString());
            return concurrent(e);
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.internal"), List.of(), "problem.internal");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getField(), f.getCode(),
                        messages.getMessage(f, locale())))
                .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(HttpStatus.UNPROCESSABLE_ENTITY, text("problem.validation"), fields, "problem.validation"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detailed && detailed.getProperties() != null
                && detailed.getProperties().containsKey("errors")) {
            // A feature's own field-by-field problem: keep its findings.
            return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detailed);
        }
        RequestLimitFilter.BodyTooLargeException tooLarge = RequestLimitFilter.causedByTooLarge(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body(HttpStatus.PAYLOAD_TOO_LARGE, text("request.tooLarge", RequestLimitFilter.size(tooLarge.max)),
                            List.of(), "request.tooLarge"));
        }
        // Framework errors (unreadable JSON, wrong method, missing parameter): keep the status, localise the text.
        String key = statusCode.is4xxClientError() ? "problem.badRequest" : "problem.internal";
        if (statusCode.value() == 404) {
            key = "problem.notFound";
        } else if (statusCode.value() == 405) {
            key = "problem.methodNotAllowed";
        } else if (statusCode.value() == 413) {
            key = "upload.tooLarge";
        } else if (statusCode.value() == 415) {
            key = "problem.unsupportedMediaType";
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(HttpStatus.valueOf(statusCode.value()), text(key), List.of(), key));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> fields, String code) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, detail, fields, code));
    }

    private ProblemDetail body(HttpStatus status, String detail, List<FieldProblem> fields, String code) {
        ProblemDetail problem = ProblemResponses.detail(messages, locale(), status, code, fields);
        problem.setDetail(detail);
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
