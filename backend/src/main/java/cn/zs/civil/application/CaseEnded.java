package cn.zs.civil.application;

import java.time.LocalDateTime;

/**
 * A case's process reached an end event: published in the engine's transaction (synchronously), so a listener's
 * writes commit or roll back with the end of the case.
 */
public record CaseEnded(String applicationNo, String serviceCode, String district, String status, String outcome,
        LocalDateTime endedAt) {
}
