package cn.zs.civil.application;

import java.time.LocalDateTime;

/** One decision or step on a case: who, when, what (the audit trail of the case). */
public record CaseEventRow(
        Long id,
        String applicationNo,
        LocalDateTime occurredAt,
        String eventType,
        String actorId,
        String actorRole,
        String taskId,
        String taskKey,
        String taskName,
        String outcome,
        String data) {

    /** The same event with its data as read (opened) or as stored (sealed). */
    CaseEventRow withData(String value) {
        return new CaseEventRow(id, applicationNo, occurredAt, eventType, actorId, actorRole, taskId, taskKey, taskName,
                outcome, value);
    }
}
