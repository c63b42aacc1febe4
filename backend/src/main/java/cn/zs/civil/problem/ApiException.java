package cn.zs.civil.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error a caller can act on. The message is a key in {@code i18n/messages*.properties}, resolved in the
 * caller's language when the problem response is written.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] args;
    private final List<FieldProblem> fieldProblems;
    private long retryAfterSeconds;

    public ApiException(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ApiException(HttpStatus status, List<FieldProblem> fieldProblems, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ApiException notFound(String messageKey, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, messageKey, args);
    }

    public static ApiException conflict(String messageKey, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, messageKey, args);
    }

    public static ApiException forbidden(String messageKey, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, messageKey, args);
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems, "problem.validation");
    }

    /** Tells the caller when to try again (429, 503). */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
