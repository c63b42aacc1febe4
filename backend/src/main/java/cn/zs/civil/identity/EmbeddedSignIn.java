package cn.zs.civil.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.LockedException;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.protection.KeyedHash;

/**
 * The embedded default: the demo accounts of {@code platform.identity.accounts}, a sign-in form for browsers and
 * HTTP Basic for API clients. Browser sessions live in the database (Spring Session JDBC) in both modes, so a
 * second node serves them too.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!keycloak")
class EmbeddedSignIn {

    private static final String BASIC = "Basic realm=\"civil-approval\"";

    @Bean
    SignIn formAndBasicSignIn(ProblemWriter problems) {
        return new SignIn() {

            @Override
            public void engineTools(HttpSecurity http) throws Exception {
                http.formLogin(f -> f.permitAll())
                        .httpBasic(b -> b.authenticationEntryPoint(problems.entryPoint(BASIC)));
            }

            @Override
            public void platform(HttpSecurity http) throws Exception {
                http.formLogin(f -> f.permitAll())
                        .logout(l -> l.logoutUrl("/logout").permitAll())
                        .httpBasic(b -> b.authenticationEntryPoint(problems.entryPoint(BASIC)))
                        // API callers get a 401 problem; a browser asking for a page goes to the login form. (A
                        // single custom entry point would also switch off Spring's generated login page.)
                        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems.entryPoint(BASIC),
                                AntPathRequestMatcher.antMatcher("/api/**")));
            }
        };
    }

    @Bean
    LoginThrottle loginThrottle(SignInFailureMapper failures, TransactionTemplate tx, KeyedHash hash,
            @Value("${platform.identity.sign-in.delay-after:3}") int delayAfter,
            @Value("${platform.identity.sign-in.first-delay:PT0.5S}") java.time.Duration firstDelay,
            @Value("${platform.identity.sign-in.max-delay:PT4S}") java.time.Duration maxDelay,
            @Value("${platform.identity.sign-in.lock-after:10}") int lockAfter,
            @Value("${platform.identity.sign-in.lock-for:PT15M}") java.time.Duration lockFor) {
        return new LoginThrottle(failures, tx, hash, delayAfter, firstDelay, maxDelay, lockAfter, lockFor);
    }

    @Bean
    UserDetailsService demoAccounts(IdentityProperties identity, LoginThrottle throttle) {
        List<UserDetails> users = new ArrayList<>();
        for (IdentityProperties.DemoAccount account : identity.accounts()) {
            users.add(User.withUsername(account.username())
                    .password(account.password())
                    .authorities(authorities(account))
                    .build());
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        // Only the look-up is exposed. The manager is also a UserDetailsPasswordService, and Spring Security would then
        // re-encode the documented {noop} demo passwords as bcrypt after the first sign-in: every later HTTP Basic call
        // paid a bcrypt check (about 0.4 s of CPU per call on two busy cores in the benchmark), for passwords that are
        // public anyway. A deployment signs in through Keycloak and is not affected.
        // Every attempt (form or Basic) asks for the account first: a locked name is refused at once, after repeated
        // failures the answer waits (LoginThrottle, shared by all nodes).
        return username -> {
            LoginThrottle.Verdict verdict = throttle.before(username);
            if (verdict.locked()) {
                throw new LockedException("locked after repeated failed sign-ins");
            }
            if (!verdict.delay().isZero()) {
                try {
                    Thread.sleep(verdict.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return manager.loadUserByUsername(username);
        };
    }

    static List<GrantedAuthority> authorities(IdentityProperties.DemoAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(PlatformUser.ROLE_PREFIX + r)));
        account.groups().forEach(g -> authorities.add(new SimpleGrantedAuthority(PlatformUser.GROUP_PREFIX + g)));
        account.districts().forEach(d -> authorities.add(new SimpleGrantedAuthority(PlatformUser.DISTRICT_PREFIX + d)));
        return authorities;
    }
}
