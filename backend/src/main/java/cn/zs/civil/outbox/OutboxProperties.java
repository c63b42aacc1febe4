package cn.zs.civil.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox delivers (docs/operations.md, settings): whether this node's dispatcher runs, how often it looks
 * for due messages besides the nudge after each commit, how many it claims at once and for how long (the lease: a
 * node that dies holding a message frees it when the lease runs out), and the retries: the first after
 * {@code firstRetry}, each next one twice as long up to {@code maxRetry}, and after {@code maxAttempts} deliveries
 * that failed the message is failed for good (an operator sees it at /api/admin/outbox and may retry it).
 *
 * @param nodeName this node's name in {@code claimed_by}; empty: host name, process id and a random suffix
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(Boolean enabled, Duration pollInterval, int batchSize, Duration lease, int maxAttempts,
        Duration firstRetry, Duration maxRetry, String nodeName) {

    public OutboxProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        pollInterval = positive(pollInterval, Duration.ofSeconds(5));
        batchSize = batchSize <= 0 ? 20 : Math.min(batchSize, 500);
        lease = positive(lease, Duration.ofMinutes(2));
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstRetry = positive(firstRetry, Duration.ofSeconds(30));
        maxRetry = positive(maxRetry, Duration.ofHours(1));
        nodeName = nodeName == null ? "" : nodeName.strip();
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }

    /** The wait before attempt {@code failedAttempts + 1}: firstRetry doubled per failure, at most maxRetry. */
    public Duration backOff(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
