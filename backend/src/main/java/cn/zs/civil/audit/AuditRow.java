package cn.zs.civil.audit;

import java.time.LocalDateTime;

/** One row of {@code audit_log}, as stored. */
public record AuditRow(long seq, LocalDateTime occurredAt, String actorId, String actorRoles, String action,
        String target, String outcome, String beforeState, String afterState, String clientIp, String prevHash,
        String rowHash) {
}
