package cn.zs.civil.identity;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zs.civil.web.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wraps the filters that reach the database before a controller does: the browser session store (Spring Session
 * JDBC) reads the session on the way in and saves it on the way out. When the database is down they throw outside
 * Spring MVC, where the answer would be a bare 500; this turns that into the same 503 problem with Retry-After that a
 * controller gives.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemWriter problems;
    private final long retryAfterSeconds;

    DatabaseOutageFilter(ProblemWriter problems, long retryAfterSeconds) {
        this.problems = problems;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseFailures.unavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable in the filter chain ({}): {}", request.getRequestURI(), e.toString());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable");
        }
    }
}
