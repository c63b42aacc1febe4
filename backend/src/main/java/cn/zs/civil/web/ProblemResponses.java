package cn.zs.civil.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import cn.zs.civil.problem.FieldProblem;

/**
 * The one shape of a problem response ({@code application/problem+json}): the status's title and the detail in the
 * reader's language, the message key as {@code code} and type, and field-by-field findings where there are any.
 * Used by the MVC advice and by the filters that answer before Spring MVC is reached.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail detail(MessageSource messages, Locale locale, HttpStatus status, String key,
            List<FieldProblem> fields, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, key, locale));
        problem.setTitle(messages.getMessage("status." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setType(URI.create("urn:civil-approval:problem:" + key));
        problem.setProperty("code", key);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }

    public static void write(ObjectMapper json, MessageSource messages, Locale locale, HttpServletResponse response,
            HttpStatus status, String key, List<FieldProblem> fields, Object... args) throws IOException {
        ProblemDetail problem = detail(messages, locale, status, key, fields, args);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
