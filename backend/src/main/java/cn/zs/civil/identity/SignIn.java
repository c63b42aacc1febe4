package cn.zs.civil.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How callers prove who they are, one implementation per mode: the embedded demo accounts or Keycloak. Both end
 * in the same authorities (ROLE_, GROUP_, DISTRICT_), so every access rule is the same in both modes.
 */
public interface SignIn {

    /** Sign-in for Camunda's tools (Cockpit, Tasklist, Admin, the engine REST API). */
    void engineTools(HttpSecurity http) throws Exception;

    /** Sign-in for the platform: browser pages and {@code /api/**}. */
    void platform(HttpSecurity http) throws Exception;

    /**
     * Where a browser goes to sign in: {@code null} when the platform's own sign-in form takes user name and password
     * (the embedded mode), else the address that starts the sign-in at the identity provider.
     */
    default String browserRedirect() {
        return null;
    }
}
