package cn.zs.civil.identity;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses every call to the engine's API (engine REST and Cockpit's) that would decide a case or change its data
 * around the platform ({@link EngineRoutes}), for administrators too, with a 403 problem that says where the work is
 * done instead. Sits after the audit filter of the engine tools' chain, so each refusal is in the audit log.
 */
class EngineChangeGuard extends OncePerRequestFilter {

    private final ProblemWriter problems;

    EngineChangeGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (EngineRoutes.allows(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "engine.changeRefused");
    }
}
