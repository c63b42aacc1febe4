package cn.zs.civil.outbox;

import java.time.LocalDateTime;

/** One row of {@code outbox_message}: a message and where its delivery stands. */
public record OutboxRow(Long id, String kind, String dedupeKey, String applicationNo, String payload, String status,
        Integer attempts, LocalDateTime nextAttemptAt, String claimedBy, LocalDateTime leaseUntil,
        LocalDateTime createdAt, LocalDateTime sentAt, String lastError) {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
}
