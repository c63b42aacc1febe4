package cn.zs.civil.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A metrics scraper (Prometheus) reads {@code /actuator/**} with the configured token in {@code X-Scrape-Token}
 * instead of an administrator's credentials; with no token configured nobody is let in this way. A header of its
 * own, so that it never meets the bearer tokens of the Keycloak mode.
 */
class ScrapeToken extends OncePerRequestFilter {

    static final String HEADER = "X-Scrape-Token";
    static final String ROLE = "metrics";

    private final byte[] token;

    ScrapeToken(String token) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        if (token.length >= 16 && sent != null
                && MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "metrics-scraper", null, List.of(new SimpleGrantedAuthority(PlatformUser.ROLE_PREFIX + ROLE))));
        }
        chain.doFilter(request, response);
    }
}
