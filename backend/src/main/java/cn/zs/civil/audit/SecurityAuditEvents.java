package cn.zs.civil.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;


/**
 * Sign-ins into the audit log. A sign-in is an interactive one (the sign-in form, Keycloak's OIDC sign-in); HTTP
 * Basic and bearer tokens authenticate every single call, so only their failures are recorded. (Refusals are
 * recorded by the 403 handler, {@code identity.ProblemWriter#deniedHandler()}.)
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

    static String roles(Authentication who) {
        return AuditLog.rolesOf(who);
    }
}
