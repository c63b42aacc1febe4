package cn.zs.civil.identity.keycloak;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.identity.ProblemWriter;
import cn.zs.civil.identity.SignIn;

/**
 * Sign-in through Keycloak. Browsers: OIDC authorization code (with PKCE) handled by the backend, the session in the
 * shared database (Spring Session JDBC, so any replica serves it), CSRF as in the embedded mode, logout ends the
 * Keycloak session too. API clients: a Keycloak access token as bearer token, checked for signature, issuer,
 * audience and expiry. The endpoints are configured, not discovered, so the platform starts while Keycloak is still
 * starting, and browsers and the backend may reach Keycloak under different addresses (a container network).
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakSignIn {

    static final String REGISTRATION = "keycloak";
    private static final String BEARER = "Bearer realm=\"civil-approval\"";
    private static final String LOGIN = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    ClientRegistrationRepository keycloakClient(KeycloakProperties keycloak) {
        Assert.notNull(keycloak.issuerUri(), "Set KEYCLOAK_ISSUER_URI (platform.identity.keycloak.issuer-uri)");
        Assert.hasText(keycloak.clientSecret(),
                "Set KEYCLOAK_CLIENT_SECRET (platform.identity.keycloak.client-secret)");
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(keycloak.frontchannel("auth"))
                .tokenUri(keycloak.backchannel("token"))
                .jwkSetUri(keycloak.backchannel("certs"))
                .issuerUri(keycloak.issuer())
                // The roles and groups come with the ID token; no user-info call is needed.
                .userNameAttributeName(KeycloakAuthorities.USERNAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.frontchannel("logout")))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .clientName("中山市民政局 统一身份认证")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The tokens of a signed-in browser stay in its (shared) session, not in one node's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    JwtDecoder accessTokens(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannel("certs")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(keycloak.audience())),
                // Keycloak marks access tokens; an ID or refresh token is not a bearer credential.
                new JwtClaimValidator<String>("typ", typ -> typ == null || "Bearer".equals(typ))));
        return decoder;
    }

    @Bean
    FilterRegistrationBean<AbsoluteSessionTimeoutFilter> absoluteSessionTimeout(KeycloakProperties keycloak) {
        FilterRegistrationBean<AbsoluteSessionTimeoutFilter> registration = new FilterRegistrationBean<>(
                new AbsoluteSessionTimeoutFilter(keycloak.absoluteSessionTimeout(), Clock.systemUTC()));
        // After Spring Session's filter (it provides the session), before Spring Security (it reads the session).
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    SignIn oidcAndBearerSignIn(ProblemWriter problems, ClientRegistrationRepository clients, JwtDecoder accessTokens) {
        // RFC 6750: a token that was sent but refused (expired, foreign, tampered) is an "invalid_token".
        AuthenticationEntryPoint bearer = (request, response, e) -> problems.entryPoint(
                e instanceof OAuth2AuthenticationException ? BEARER + ", error=\"invalid_token\"" : BEARER)
                .commence(request, response, e);
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setPrincipalClaimName(KeycloakAuthorities.USERNAME_CLAIM);
        tokens.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> KeycloakAuthorities.from(jwt.getClaims()));
        MediaTypeRequestMatcher page = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(),
                MediaType.TEXT_HTML);
        page.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new SignIn() {

            @Override
            public String browserRedirect() {
                return LOGIN;
            }

            @Override
            public void engineTools(HttpSecurity http) throws Exception {
                http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(accessTokens)
                                .jwtAuthenticationConverter(tokens)).authenticationEntryPoint(bearer))
                        // Cockpit in a browser: sign in through Keycloak and come back; everything else: a 401.
                        .exceptionHandling(e -> e
                                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), page)
                                .defaultAuthenticationEntryPointFor(bearer, AnyRequestMatcher.INSTANCE));
            }

            @Override
            public void platform(HttpSecurity http) throws Exception {
                OidcClientInitiatedLogoutSuccessHandler endKeycloakSession =
                        new OidcClientInitiatedLogoutSuccessHandler(clients);
                endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
                endKeycloakSession.setRedirectStrategy(scriptsReadTheAddress(problems.json()));
                http.oauth2Login(login -> login
                                .userInfoEndpoint(u -> u.userAuthoritiesMapper(fromIdToken())))
                        .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(accessTokens)
                                .jwtAuthenticationConverter(tokens)).authenticationEntryPoint(bearer))
                        .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(endKeycloakSession).permitAll())
                        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(bearer,
                                AntPathRequestMatcher.antMatcher("/api/**")));
            }
        };
    }

    /**
     * The browser UI signs out with a script call, which cannot follow a redirect to another origin: it gets the
     * address of Keycloak's logout page as JSON and goes there itself. A plain form post is redirected as usual.
     */
    private static RedirectStrategy scriptsReadTheAddress(ObjectMapper json) {
        DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();
        return (request, response, url) -> {
            if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setStatus(200);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getWriter(), Map.of("redirect", url));
            } else {
                redirect.sendRedirect(request, response, url);
            }
        };
    }

    /** The browser's authorities come from the ID token, which carries the same claims as an access token. */
    private static GrantedAuthoritiesMapper fromIdToken() {
        return authorities -> {
            List<GrantedAuthority> mapped = new ArrayList<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Map<String, Object> claims = new HashMap<>(oidc.getIdToken().getClaims());
                    if (oidc.getUserInfo() != null) {
                        claims.putAll(oidc.getUserInfo().getClaims());
                    }
                    mapped.addAll(KeycloakAuthorities.from(claims));
                }
            }
            return mapped;
        };
    }
}
