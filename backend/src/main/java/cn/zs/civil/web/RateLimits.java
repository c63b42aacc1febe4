package cn.zs.civil.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.problem.ApiException;

/**
 * Rate limits that hold across every node of a cluster: a counter per key and fixed window in the shared database
 * ({@code rate_limit}), incremented in a short transaction of its own (the row lock makes concurrent hits on any
 * node count once each). A fixed window lets a caller spend up to twice the limit across a window's edge; that is
 * accepted for what it guards (guessing query codes). Bucket4j's JDBC back ends would do this with a token bucket,
 * but they cover MySQL and PostgreSQL, not the embedded H2, so the platform would have two rate limiters.
 */
@Service
public class RateLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitMapper mapper;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    RateLimits(RateLimitMapper mapper, TransactionTemplate tx) {
        this.mapper = mapper;
        this.tx = tx;
    }

    /**
     * Counts one hit on the key; refuses it with 429 and {@code Retry-After} (the seconds to the next window) when
     * the key has had {@code perMinute} hits in this minute already, on whichever nodes.
     */
    public void hit(String key, int perMinute, String messageKey) {
        long now = clock.instant().getEpochSecond();
        long window = now - now % WINDOW.toSeconds();
        String bounded = key.length() > 100 ? key.substring(0, 100) : key;
        Integer hits = tx.execute(s -> {
            if (mapper.hit(bounded, window) == 0) {
                try {
                    mapper.first(bounded, window);
                } catch (DuplicateKeyException raced) {
                    mapper.hit(bounded, window);
                }
            }
            return mapper.hits(bounded, window);
        });
        if (hits != null && hits > perMinute) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, messageKey)
                    .retryAfter(Math.max(1, window + WINDOW.toSeconds() - now));
        }
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetOldWindows() {
        long now = clock.instant().getEpochSecond();
        tx.executeWithoutResult(s -> mapper.deleteBefore(now - 2 * WINDOW.toSeconds()));
    }
}
