package cn.zs.civil.identity.keycloak;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a browser session a fixed time after it began, however active it is (the idle timeout is
 * {@code server.servlet.session.timeout}). Runs before Spring Security, so the request then counts as signed out:
 * an API call gets a 401, a page goes back to the sign-in.
 */
public final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final Duration maxAge;
    private final Clock clock;

    public AbsoluteSessionTimeoutFilter(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && Instant.ofEpochMilli(session.getCreationTime()).plus(maxAge).isBefore(clock.instant())) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
