package cn.zs.civil.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpSession;

/**
 * At most {@code platform.identity.max-sessions-per-account} browser sessions per account, on all nodes together:
 * at each sign-in (form or OIDC) the account's oldest sessions beyond the bound are deleted from the shared session
 * table, so their next call is unauthenticated (401). Spring Security's own {@code maximumSessions} is not used: it
 * also installs a filter that gives every Basic or bearer call a session of its own.
 */
@Component
class SessionBound {

    private static final Logger log = LoggerFactory.getLogger(SessionBound.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final int max;

    SessionBound(FindByIndexNameSessionRepository<? extends Session> sessions,
            @Value("${platform.identity.max-sessions-per-account:3}") int max) {
        this.sessions = sessions;
        this.max = Math.max(1, max);
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String current = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? currentSessionId(attributes.getRequest().getSession(false)) : null;
        Map<String, ? extends Session> held = sessions.findByPrincipalName(event.getAuthentication().getName());
        List<? extends Session> others = held.values().stream().filter(s -> !s.getId().equals(current))
                .sorted(Comparator.comparing(Session::getLastAccessedTime).reversed()).toList();
        // The new session counts as one: keep the max - 1 most recently used of the others.
        for (Session old : others.subList(Math.min(others.size(), max - 1), others.size())) {
            sessions.deleteById(old.getId());
            log.info("Ended an older session of {}: more than {} sessions", event.getAuthentication().getName(), max);
        }
    }

    private static String currentSessionId(HttpSession session) {
        return session == null ? null : session.getId();
    }
}
