package cn.zs.civil.identity;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the engine who calls its REST API (Spring Security has already let only administrators through). The
 * engine applies {@code queryMaxResultsLimit} only to authenticated callers, and writes the caller into its user
 * operation log; the Camunda webapps set their user themselves.
 */
class EngineRestAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineRestAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(who.getName(), List.of("camunda-admin"));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
