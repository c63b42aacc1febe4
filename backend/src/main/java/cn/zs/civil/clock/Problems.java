package cn.zs.civil.clock;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Builds the RFC 7807 problems this package throws; the application's advice renders them. */
final class Problems {

    private Problems() {
    }

    /** 400 for input that cannot be read, 422 for input that reads but breaks a rule; {@code errors} lists each. */
    static ErrorResponseException invalid(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid request" : "Request breaks a calendar rule");
        problem.setProperty("errors", List.copyOf(errors));
        return new ErrorResponseException(status, problem, null);
    }

    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }

    static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT,
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
