package cn.zs.civil.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.web.DatabaseFailures;
import cn.zs.civil.web.ProblemResponses;

/** 401 and 403 as problem responses in the reader's language, like every other error. */
public record ProblemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales, AuditLog audit) {

    /** A 401 problem that names the scheme the caller should use, e.g. {@code Basic realm="civil-approval"}. */
    public AuthenticationEntryPoint entryPoint(String challenge) {
        return (request, response, e) -> {
            // The account could not be looked up (no database connection in time, e.g. under a burst): not the
            // caller's fault, so not a 401. Thrown on, the DatabaseOutageFilter around the chain answers 503 with
            // Retry-After, like a controller.
            if (DatabaseFailures.unavailable(e)) {
                throw e;
            }
            // A Basic challenge makes a browser open its own password prompt over the web UI, which marks its calls
            // as XHR and asks for a sign-in itself.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
        };
    }

    /** A 403 problem; every refusal of a signed-in caller (a rule, a role, a missing CSRF token) is audited. */
    public AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && !(who instanceof AnonymousAuthenticationToken)) {
                audit.bestEffort(new AuditLog.Entry(who.getName(), AuditLog.rolesOf(who), "ACCESS_DENIED",
                        request.getMethod() + " " + request.getRequestURI(), "403", null,
                        Map.of("reason", e.getClass().getSimpleName())));
            }
            write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
        };
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        ProblemResponses.write(json, messages, locales.resolveLocale(request), response, status, key, List.of());
    }
}
