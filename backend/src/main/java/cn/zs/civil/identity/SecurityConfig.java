package cn.zs.civil.identity;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.audit.EngineAdminAudit;

/**
 * Who may call what. URL rules only separate the public, the signed-in and the administrators' engine tools;
 * each API method states its own rule with {@code @PreAuthorize} (see {@link Roles}), and a test proves that none
 * is missing. How callers sign in is the {@link SignIn} of the mode: the embedded demo accounts (form and HTTP Basic)
 * or Keycloak (OIDC sign-in through the backend and bearer tokens); browsers always hold a CSRF-protected session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String[] PUBLIC_PATHS = {"/api/public/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/error", "/login", "/favicon.ico"};

    /**
     * The actuator: health for anyone (probes, load balancers), every other endpoint (metrics, info, and whatever
     * a later release exposes, such as prometheus) for administrators or a scraper with the configured token.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, SignIn signIn, ProblemWriter problems,
            @Value("${platform.actuator.scrape-token:}") String scrapeToken) throws Exception {
        http.securityMatcher(AntPathRequestMatcher.antMatcher("/actuator/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(AntPathRequestMatcher.antMatcher("/actuator/health"),
                                AntPathRequestMatcher.antMatcher("/actuator/health/**")).permitAll()
                        .anyRequest().hasAnyRole(Roles.ADMIN, ScrapeToken.ROLE))
                .addFilterBefore(new ScrapeToken(scrapeToken), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(problems.deniedHandler()));
        sessionsOnlyAtSignIn(http);
        signIn.engineTools(http);
        return http.build();
    }

    /** Camunda's own tools: Cockpit, Tasklist, Admin and the engine REST API are for administrators only. */
    @Bean
    @Order(1)
    SecurityFilterChain engineTools(HttpSecurity http, SignIn signIn, ProblemWriter problems,
            EngineAdminAudit audit, IdentityService engineIdentity) throws Exception {
        sessionsOnlyAtSignIn(http);
        // Ant matchers: the engine REST API is a Jersey servlet, outside Spring MVC's request mapping.
        http.securityMatcher(new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/engine-rest/**"),
                        AntPathRequestMatcher.antMatcher("/camunda/**")))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.ADMIN))
                .addFilterAfter(audit, AuthorizationFilter.class)
                // Nothing decides a case around the platform: the engine's API (and Cockpit's, which goes through
                // /camunda/api/engine) reads, and operates jobs and incidents; every other change, deployments
                // included (models come only from the packaged jar), is refused for administrators too.
                .addFilterAfter(new EngineChangeGuard(problems), EngineAdminAudit.class)
                .addFilterAfter(new EngineRestAuthentication(engineIdentity), EngineChangeGuard.class)
                // The engine REST API is for API clients; the Camunda webapps carry their own CSRF filter.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.accessDeniedHandler(problems.deniedHandler()));
        signIn.engineTools(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain platform(HttpSecurity http, SignIn signIn, ProblemWriter problems) throws Exception {
        sessionsOnlyAtSignIn(http);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/services", "/api/services/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(SecurityConfig::notABrowserSession))
                .exceptionHandling(e -> e.accessDeniedHandler(problems.deniedHandler()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        signIn.platform(http);
        return http.build();
    }

    /**
     * A session is made at sign-in only. An API call (signed in by Basic or a bearer token, or anonymous) keeps its
     * authentication for the request; a refused one gets its 401 without a saved request, so anonymous callers
     * cannot fill the shared session table (only a page a browser asked for is remembered, to return to it after
     * sign-in). How many sessions one account holds is bounded by {@link SessionBound}.
     */
    private static void sessionsOnlyAtSignIn(HttpSecurity http) throws Exception {
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new AndRequestMatcher(AntPathRequestMatcher.antMatcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(AntPathRequestMatcher.antMatcher("/api/**")),
                new NegatedRequestMatcher(AntPathRequestMatcher.antMatcher("/engine-rest/**")),
                new NegatedRequestMatcher(AntPathRequestMatcher.antMatcher("/camunda/api/**")),
                new NegatedRequestMatcher(AntPathRequestMatcher.antMatcher("/actuator/**"))));
        http.requestCache(c -> c.requestCache(pagesOnly));
    }

    /**
     * CSRF protects cookie sessions, so it is skipped only for a request that offers no session: nothing but its
     * own credentials (HTTP Basic now, a bearer token in the Keycloak mode) can authenticate it, and another site
     * cannot make a browser send those. An API call without a session and without credentials is refused as
     * unauthenticated instead. A request that offers a session cookie needs the token whatever else it carries (an
     * {@code Authorization} header a filter does not take, or Basic credentials of the session's own user, which
     * Spring Security does not check again, would otherwise let it ride on the session). The login form stays
     * protected; public tracking holds no session.
     */
    static boolean notABrowserSession(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/public/")) {
            return true;
        }
        return request.getRequestedSessionId() == null && (path.startsWith("/api/") || ownCredentials(request));
    }

    private static boolean ownCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    /** Readable by the SPA (it echoes it in a header), SameSite=Lax, Secure whenever the request came over TLS. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(c -> c.sameSite("Lax"));
        return repository;
    }

    /**
     * A request the firewall refuses (a NUL or an encoded slash in the path, a malformed header) gets a 400 problem
     * like every other bad request, instead of the container's bare error.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.badRequest");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Lets administrators signed in to the platform into Cockpit, Tasklist and Admin without a second login. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignIn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setFilter(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** Runs before the session store's filter, so a session look-up against a database that is down answers 503. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ProblemWriter problems,
            @Value("${platform.database.retry-after-seconds:10}") long retryAfterSeconds) {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
                new DatabaseOutageFilter(problems, retryAfterSeconds));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales, AuditLog audit) {
        return new ProblemWriter(json, messages, locales, audit);
    }
}
