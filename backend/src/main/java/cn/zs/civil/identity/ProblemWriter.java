package cn.zs.civil.identity;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401 and 403 as problem responses in the reader's language, like every other error. */
public record ProblemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales) {

    /** A 401 problem that names the scheme the caller should use, e.g. {@code Basic realm="civil-approval"}. */
    public AuthenticationEntryPoint entryPoint(String challenge) {
        return (request, response, e) -> {
            // A Basic challenge makes a browser open its own password prompt over the web UI, which marks its calls
            // as XHR and asks for a sign-in itself.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
        };
    }

    public AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        String detail = messages.getMessage(key, null, key, locales.resolveLocale(request));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("status." + status.value(), null, status.getReasonPhrase(),
                locales.resolveLocale(request)));
        problem.setProperty("code", key);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
