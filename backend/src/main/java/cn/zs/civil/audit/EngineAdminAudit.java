package cn.zs.civil.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every changing call an administrator makes to the engine (the engine REST API, Cockpit, Tasklist, Admin) goes into
 * the audit log with its answer's status. Placed in the engine tools' security chain after authorization, so only
 * calls that were let through reach it (refusals are recorded as such).
 */
@Component
public class EngineAdminAudit extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditLog audit;

    EngineAdminAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        try {
            chain.doFilter(request, response);
        } finally {
            if (who != null) {
                audit.bestEffort(new AuditLog.Entry(who.getName(), AuditLog.rolesOf(who), "ENGINE_ADMIN",
                        request.getMethod() + " " + request.getRequestURI(), Integer.toString(response.getStatus()),
                        null, Map.of("query", request.getQueryString() == null ? "" : request.getQueryString())));
            }
        }
    }
}
