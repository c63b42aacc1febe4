package cn.zs.civil.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Failed sign-ins of the embedded mode, per account name (known or not): after {@code delay-after} failures in a row
 * each further attempt waits, doubling from {@code first-delay} up to {@code max-delay}; after {@code lock-after}
 * the account is locked for {@code lock-for} (every attempt, right password or not, is refused at once). A success
 * clears the count. Per node: an attacker spread over two nodes gets twice the attempts. The Keycloak mode has the
 * realm's own brute-force protection instead.
 */
class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > 100_000;
        }
    });
    private final int delayAfter;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int lockAfter;
    private final Duration lockFor;
    private final Clock clock;

    LoginThrottle(int delayAfter, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor) {
        this.delayAfter = delayAfter;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.lockAfter = lockAfter;
        this.lockFor = lockFor;
        this.clock = Clock.systemUTC();
    }

    /** Before the password is checked: locked, or how long to wait first. */
    boolean locked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    Duration delay(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.count() < delayAfter) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(16, f.count() - delayAfter);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failures.compute(key(event.getAuthentication().getName()), (k, f) -> {
            // After a lock has run out the count starts over.
            boolean lockOver = f != null && f.lockedUntil() != null && !clock.instant().isBefore(f.lockedUntil());
            int count = (f == null || lockOver ? 0 : f.count()) + 1;
            return new Failures(count, count >= lockAfter ? clock.instant().plus(lockFor) : null);
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
