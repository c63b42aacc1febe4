package cn.zs.civil.audit;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins and refusals into the audit log. A sign-in is an interactive one (the sign-in form, Keycloak's OIDC
 * sign-in); HTTP Basic and bearer tokens authenticate every single call, so only their failures are recorded.
 * A refusal is a signed-in caller denied by a rule (403); an anonymous caller is asked to sign in (401) instead.
 */
@Component
class SecurityAuditEvents {

    private final AuditLog audit;

    SecurityAuditEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        audit.bestEffort(new AuditLog.Entry(who.getName(), roles(who), "LOGIN_SUCCEEDED", null, "SUCCESS", null,
                Map.of("mechanism", event.getGeneratedBy().getSimpleName())));
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String name = attempt == null || attempt.getName() == null || attempt.getName().isBlank() ? "(unknown)"
                : attempt.getName();
        audit.bestEffort(new AuditLog.Entry(name, null, "LOGIN_FAILED", null,
                event.getException().getClass().getSimpleName(), null, null));
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return;
        }
        audit.bestEffort(new AuditLog.Entry(who.getName(), roles(who), "ACCESS_DENIED", request(), "403", null, null));
    }

    static String request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI();
        }
        return null;
    }

    static String roles(Authentication who) {
        TreeSet<String> roles = new TreeSet<>();
        for (GrantedAuthority a : who.getAuthorities()) {
            if (a.getAuthority() != null && a.getAuthority().startsWith("ROLE_")) {
                roles.add(a.getAuthority().substring(5));
            }
        }
        return String.join(",", roles);
    }
}
