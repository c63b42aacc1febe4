package cn.zs.civil.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. URL rules only separate the public, the signed-in and the administrators' engine tools;
 * each API method states its own rule with {@code @PreAuthorize} (see {@link Roles}), and a test proves that none
 * is missing. Browsers sign in with a form and a session cookie (CSRF-protected); API clients use HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String[] PUBLIC_PATHS = {"/api/public/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/actuator/health/**", "/actuator/health", "/error", "/login", "/favicon.ico"};

    /** Camunda's own tools: Cockpit, Tasklist, Admin and the engine REST API are for administrators only. */
    @Bean
    @Order(1)
    SecurityFilterChain engineTools(HttpSecurity http, ProblemWriter problems) throws Exception {
        // Ant matchers: the engine REST API is a Jersey servlet, outside Spring MVC's request mapping.
        http.securityMatcher(new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/engine-rest/**"),
                        AntPathRequestMatcher.antMatcher("/camunda/**")))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.ADMIN))
                .formLogin(f -> f.permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(problems.entryPoint()))
                // The engine REST API is for API clients; the Camunda webapps carry their own CSRF filter.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.accessDeniedHandler(problems.deniedHandler()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain platform(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/services", "/api/services/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(f -> f.permitAll())
                .logout(l -> l.logoutUrl("/logout").permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(problems.entryPoint()))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(SecurityConfig::notABrowserSession))
                .exceptionHandling(e -> e
                        // API callers get a 401 problem; a browser asking for a page goes to the login form. (A
                        // single custom entry point would also switch off Spring's generated login page.)
                        .defaultAuthenticationEntryPointFor(problems.entryPoint(), AntPathRequestMatcher.antMatcher("/api/**"))
                        .accessDeniedHandler(problems.deniedHandler()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * CSRF protects cookie sessions. A call that carries its own credentials (HTTP Basic now, a bearer token in the
     * Keycloak mode) cannot be forged by another site, and an API call without a session cookie has no session to
     * ride on (it is refused as unauthenticated instead). The login form itself stays protected.
     */
    private static boolean notABrowserSession(HttpServletRequest request) {
        boolean apiWithoutSession = request.getRequestURI().startsWith("/api/") && request.getRequestedSessionId() == null;
        return request.getHeader("Authorization") != null || apiWithoutSession
                || request.getRequestURI().startsWith("/api/public/");
    }

    @Bean
    @Profile("!keycloak")
    UserDetailsService demoAccounts(IdentityProperties identity) {
        List<UserDetails> users = new ArrayList<>();
        for (IdentityProperties.DemoAccount account : identity.accounts()) {
            users.add(User.withUsername(account.username())
                    .password(account.password())
                    .authorities(authorities(account))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    static List<GrantedAuthority> authorities(IdentityProperties.DemoAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(PlatformUser.ROLE_PREFIX + r)));
        account.groups().forEach(g -> authorities.add(new SimpleGrantedAuthority(PlatformUser.GROUP_PREFIX + g)));
        account.districts().forEach(d -> authorities.add(new SimpleGrantedAuthority(PlatformUser.DISTRICT_PREFIX + d)));
        return authorities;
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

    @Bean
    ProblemWriter problemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        return new ProblemWriter(json, messages, locales);
    }

    /** 401 and 403 as problem responses in the reader's language, like every other error. */
    record ProblemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales) {

        AuthenticationEntryPoint entryPoint() {
            return (request, response, e) -> {
                // A Basic challenge makes a browser open its own password prompt over the web UI, which marks its
                // calls as XHR and asks for a sign-in itself.
                if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"civil-approval\"");
                }
                write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
            };
        }

        AccessDeniedHandler deniedHandler() {
            return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
        }

        private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
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
}
