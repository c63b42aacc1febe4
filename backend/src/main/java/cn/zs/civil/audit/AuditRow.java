package cn.zs.civil.audit;

import java.time.LocalDateTime;

/**
 * One row of {@code audit_log}, as stored; {@code seq}, {@code prevHash} and {@code rowHash} are 0/null until the
 * sealer has put it in the chain. {@code keyId} names the key of the row's MAC (null: an entry sealed with plain
 * SHA-256 before the chain was keyed). {@code id} is the order of writing, not part of the hash.
 */
public record AuditRow(long id, long seq, LocalDateTime occurredAt, String actorId, String actorRoles, String action,
        String target, String outcome, String beforeState, String afterState, String clientIp, String prevHash,
        String rowHash, String keyId) {
}
