package cn.zs.civil.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.protection.KeyedHash;

/**
 * Failed sign-ins of the embedded mode, per account name (known or not): after {@code delay-after} failures in a row
 * each further attempt waits, doubling from {@code first-delay} up to {@code max-delay}; after {@code lock-after}
 * the account is locked for {@code lock-for} (every attempt, right password or not, is refused at once). A success
 * clears the count, and so does a quiet spell as long as a lock. The counts live in the shared database
 * ({@code sign_in_failure}, by the name's keyed hash), so every node of a cluster counts the same failures: an
 * attacker spread over two nodes gets no more attempts than on one. The Keycloak mode has the realm's own
 * brute-force protection instead.
 */
class LoginThrottle {

    private final SignInFailureMapper mapper;
    private final TransactionTemplate tx;
    private final KeyedHash hash;
    private final int delayAfter;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int lockAfter;
    private final Duration lockFor;
    private final Clock clock;

    LoginThrottle(SignInFailureMapper mapper, TransactionTemplate tx, KeyedHash hash, int delayAfter,
            Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor) {
        this.mapper = mapper;
        this.tx = tx;
        this.hash = hash;
        this.delayAfter = delayAfter;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.lockAfter = lockAfter;
        this.lockFor = lockFor;
        this.clock = Clock.systemUTC();
    }

    /** Before the password is checked: locked, or else how long to wait first (zero when not at all). */
    record Verdict(boolean locked, Duration delay) {
    }

    Verdict before(String username) {
        String key = key(username);
        SignInFailureMapper.Failures f = mapper.find(key);
        if (f == null) {
            return new Verdict(false, Duration.ZERO);
        }
        counted(key);
        if (f.lockedUntil() != null && clock.millis() < f.lockedUntil()) {
            return new Verdict(true, Duration.ZERO);
        }
        if (f.lockedUntil() != null || f.failures() < delayAfter) {
            // A lock that has run out: the count starts over at the next failure.
            return new Verdict(false, Duration.ZERO);
        }
        long factor = 1L << Math.min(16, f.failures() - delayAfter);
        Duration delay = firstDelay.multipliedBy(factor);
        return new Verdict(false, delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String account = key(event.getAuthentication().getName());
        counted(account);
        long now = clock.millis();
        Long lockFirst = lockAfter <= 1 ? now + lockFor.toMillis() : null;
        tx.executeWithoutResult(s -> {
            SignInFailureMapper.Failures f = mapper.lock(account);
            if (f == null) {
                try {
                    mapper.insert(account, now, lockFirst);
                    return;
                } catch (DuplicateKeyException raced) {
                    // Another node's failure wrote the first row meanwhile: count on it.
                    f = mapper.lock(account);
                }
            }
            // After a lock has run out the count starts over.
            boolean lockOver = f.lockedUntil() != null && now >= f.lockedUntil();
            int count = (lockOver ? 0 : f.failures()) + 1;
            mapper.update(account, count, now, count >= lockAfter ? Long.valueOf(now + lockFor.toMillis()) : null);
        });
    }

    /**
     * A success clears the count, if this node saw one for the name (in {@link #before} or by a failure here): most
     * sign-ins have none, and a delete on each of them was one write per API call (HTTP Basic signs in every call).
     * A count another node wrote between this node's look-up and the success stays until the next success or the
     * quiet spell ({@link #forgetQuiet}), which only makes that name's throttle start one failure earlier.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String key = key(event.getAuthentication().getName());
        if (counted.remove(key) != null) {
            mapper.delete(key);
        }
    }

    /**
     * Names with a count, as this node last saw them ({@link #before} runs on every attempt, the successful one too,
     * so a name with a count is always here when its success comes). Failures with made-up names fill it: bounded.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> counted = new java.util.concurrent.ConcurrentHashMap<>();

    private void counted(String key) {
        if (counted.size() >= 100_000) {
            counted.clear();
        }
        counted.put(key, Boolean.TRUE);
    }

    /** Counts nobody has added to for as long as a lock lasts are forgotten, like a lock that has run out. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void forgetQuiet() {
        long now = clock.millis();
        mapper.deleteQuiet(now - lockFor.toMillis(), now);
    }

    private String key(String username) {
        return hash.of("sign-in:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)));
    }
}
