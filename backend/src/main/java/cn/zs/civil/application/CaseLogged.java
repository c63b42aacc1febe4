package cn.zs.civil.application;

/**
 * An event was written to a case's trail ({@link CaseLog}): published synchronously right after the row, inside the
 * transaction that wrote it, so listeners that derive rows from it (the notifications' outbox messages) commit or
 * roll back with it. Carries the type and outcome only, never the event's data.
 */
public record CaseLogged(String applicationNo, CaseEventType type, String outcome) {
}
