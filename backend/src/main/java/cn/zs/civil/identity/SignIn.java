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
}
