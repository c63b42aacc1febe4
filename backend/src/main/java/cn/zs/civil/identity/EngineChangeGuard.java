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
 * done instead, and any path or query with a character beyond three UTF-8 bytes (400). Sits after the audit filter of the engine tools' chain, so each refusal is in the audit log.
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
        if (beyondThreeBytes(path) || beyondThreeBytes(request.getQueryString())) {
            // The engine's tables on MySQL are utf8mb3: a 4-byte character in an id or a filter is a database
            // error there, never a match.
            problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.badRequest");
            return;
        }
        if (EngineRoutes.allows(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "engine.changeRefused");
    }

    private static boolean beyondThreeBytes(String raw) {
        if (raw == null) {
            return false;
        }
        String decoded;
        try {
            decoded = org.springframework.web.util.UriUtils.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return true;
        }
        return decoded.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }
}
